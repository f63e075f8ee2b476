import type { Faker } from '@faker-js/faker';
import { argOr, asInt, asNumber, asString } from './args';
import type { Env } from './context';
import { PyDate, PyDateTime } from './datetime';
import { valueError } from './errors';
import { pyRound } from './round';
import { type BuiltinFn, type KwArgs, PyBuiltin, PyNamespace } from './values';

/**
 * `fake.<provider>(...)`: Python Faker provider names mapped onto @faker-js/faker (driven by the run's seeded
 * Rng through ctx.faker). Outputs follow Python Faker's shapes (digits-only card numbers, dates as date
 * objects); the exact values differ from Python Faker.
 */
const DAY = 86_400_000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function numerify(f: Faker, text: string): string {
  return text.replace(/[#%!@]/g, (c) => {
    if (c === '#') return String(f.number.int(9));
    if (c === '%') return String(f.number.int({ min: 1, max: 9 }));
    if (c === '!') return f.datatype.boolean() ? String(f.number.int(9)) : '';
    return f.datatype.boolean() ? String(f.number.int({ min: 1, max: 9 })) : '';
  });
}

function lexify(f: Faker, text: string, letters: string): string {
  return text.replace(/\?/g, () => f.helpers.arrayElement([...letters]));
}

/** Faker's relative date strings: '-30y', '+5d', '-2w', 'today', 'now', or a date/datetime value. */
function relativeMs(v: unknown, env: Env, what: string): number {
  const now = env.ctx.now.getTime();
  if (v instanceof PyDateTime || v instanceof PyDate) return v.ms;
  if (typeof v === 'number') return now + v * 1000;
  const s = asString(v, 'fake', what).trim();
  if (s === 'now' || s === 'today') return now;
  const m = /^([+-]?)(?:(\d+)y)?(?:(\d+)M)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(s);
  if (!m || s.replace(/[+-]/, '') === '')
    throw valueError(`cannot parse ${what} '${s}' (use e.g. '-30y', '+10d', 'today')`);
  const sign = m[1] === '-' ? -1 : 1;
  const n = (i: number): number => Number(m[i] ?? 0);
  const ms =
    n(2) * 365.25 * DAY +
    n(3) * 30 * DAY +
    n(4) * 7 * DAY +
    n(5) * DAY +
    n(6) * 3_600_000 +
    n(7) * 60_000 +
    n(8) * 1000;
  return now + sign * ms;
}

function between(f: Faker, a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return lo + Math.floor(f.number.float({ min: 0, max: 1 }) * (hi - lo + 1));
}

function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

function ean13(f: Faker): string {
  const digits = Array.from({ length: 12 }, () => f.number.int(9));
  const sum = digits.reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0);
  return digits.join('') + String((10 - (sum % 10)) % 10);
}

function text(f: Faker, maxChars: number): string {
  if (maxChars < 5) throw valueError('text() can only generate text of at least 5 characters');
  let out = '';
  for (let tries = 0; tries < 50; tries++) {
    const s = maxChars < 25 ? `${f.lorem.word()}.` : f.lorem.sentence();
    const next = out === '' ? s : `${out} ${s}`;
    if (next.length > maxChars) break;
    out = next;
  }
  if (out === '') out = `${f.lorem.word().slice(0, maxChars - 1)}.`;
  return out;
}

type FakeFn = (f: Faker, a: unknown[], k: KwArgs, env: Env) => unknown;

const MAP: [string, FakeFn][] = [
  ['first_name', (f) => f.person.firstName()],
  ['last_name', (f) => f.person.lastName()],
  ['name', (f) => f.person.fullName()],
  ['prefix', (f) => f.person.prefix()],
  ['email', (f) => f.internet.email()],
  [
    'free_email',
    (f) => f.internet.email({ provider: f.helpers.arrayElement(['gmail.com', 'yahoo.com', 'hotmail.com']) }),
  ],
  ['safe_email', (f) => f.internet.exampleEmail()],
  ['company_email', (f) => f.internet.email({ provider: f.internet.domainName() })],
  ['user_name', (f) => f.internet.username()],
  [
    'password',
    (f, a, k) => f.internet.password({ length: asInt(argOr(a, k, 0, 'length', 10), 'password', 'length') }),
  ],
  ['phone_number', (f) => f.phone.number()],
  [
    'address',
    (f) =>
      `${f.location.streetAddress()}\n${f.location.city()}, ${f.location.state({ abbreviated: true })} ${f.location.zipCode()}`,
  ],
  ['street_address', (f) => f.location.streetAddress()],
  ['street_name', (f) => f.location.street()],
  ['building_number', (f) => f.location.buildingNumber()],
  ['city', (f) => f.location.city()],
  ['state', (f) => f.location.state()],
  ['zipcode', (f) => f.location.zipCode()],
  ['postcode', (f) => f.location.zipCode()],
  ['country', (f) => f.location.country()],
  ['country_code', (f) => f.location.countryCode()],
  ['latitude', (f) => f.location.latitude()],
  ['longitude', (f) => f.location.longitude()],
  ['company', (f) => f.company.name()],
  ['job', (f) => f.person.jobTitle()],
  ['text', (f, a, k) => text(f, asInt(argOr(a, k, 0, 'max_nb_chars', 200), 'text', 'max_nb_chars'))],
  ['sentence', (f, a, k) => f.lorem.sentence(asInt(argOr(a, k, 0, 'nb_words', 6), 'sentence', 'nb_words'))],
  ['word', (f) => f.lorem.word()],
  [
    'words',
    (f, a, k) => Array.from({ length: asInt(argOr(a, k, 0, 'nb', 3), 'words', 'nb') }, () => f.lorem.word()),
  ],
  [
    'paragraph',
    (f, a, k) => f.lorem.paragraph(asInt(argOr(a, k, 0, 'nb_sentences', 3), 'paragraph', 'nb_sentences')),
  ],
  [
    'date_of_birth',
    (f, a, k, env) => {
      const minAge = asInt(argOr(a, k, 1, 'minimum_age', 0), 'date_of_birth', 'minimum_age');
      const maxAge = asInt(argOr(a, k, 2, 'maximum_age', 115), 'date_of_birth', 'maximum_age');
      if (maxAge < minAge) throw valueError('date_of_birth(): maximum_age must be >= minimum_age');
      const now = new Date(startOfDay(env.ctx.now.getTime()));
      const latest = new Date(now);
      latest.setUTCFullYear(now.getUTCFullYear() - minAge);
      const earliest = new Date(now);
      earliest.setUTCFullYear(now.getUTCFullYear() - maxAge - 1);
      const days = between(f, Math.floor(earliest.getTime() / DAY) + 1, Math.floor(latest.getTime() / DAY));
      return new PyDate(days * DAY);
    },
  ],
  [
    'date_between',
    (f, a, k, env) =>
      new PyDate(
        startOfDay(
          between(
            f,
            relativeMs(argOr(a, k, 0, 'start_date', '-30y'), env, 'start_date'),
            relativeMs(argOr(a, k, 1, 'end_date', 'today'), env, 'end_date'),
          ),
        ),
      ),
  ],
  [
    'date_time_between',
    (f, a, k, env) =>
      new PyDateTime(
        Math.floor(
          between(
            f,
            relativeMs(argOr(a, k, 0, 'start_date', '-30y'), env, 'start_date'),
            relativeMs(argOr(a, k, 1, 'end_date', 'now'), env, 'end_date'),
          ) / 1000,
        ) * 1000,
      ),
  ],
  [
    'date_time',
    (f, _a, _k, env) => new PyDateTime(Math.floor(between(f, 0, env.ctx.now.getTime()) / 1000) * 1000),
  ],
  [
    'date',
    (f, a, k, env) =>
      new PyDate(startOfDay(between(f, 0, env.ctx.now.getTime()))).strftime(
        asString(argOr(a, k, 0, 'pattern', '%Y-%m-%d'), 'date', 'pattern'),
      ),
  ],
  [
    'iso8601',
    (f, _a, _k, env) =>
      new PyDateTime(Math.floor(between(f, 0, env.ctx.now.getTime()) / 1000) * 1000).isoformat(),
  ],
  ['year', (f, _a, _k, env) => String(between(f, 1970, new Date(env.ctx.now).getUTCFullYear()))],
  [
    'random_int',
    (f, a, k) => {
      const min = asInt(argOr(a, k, 0, 'min', 0), 'random_int', 'min');
      const max = asInt(argOr(a, k, 1, 'max', 9999), 'random_int', 'max');
      const step = asInt(argOr(a, k, 2, 'step', 1), 'random_int', 'step');
      return min + step * f.number.int({ min: 0, max: Math.floor((max - min) / step) });
    },
  ],
  [
    'pyint',
    (f, a, k) => {
      const min = asInt(argOr(a, k, 0, 'min_value', 0), 'pyint', 'min_value');
      const max = asInt(argOr(a, k, 1, 'max_value', 9999), 'pyint', 'max_value');
      const step = asInt(argOr(a, k, 2, 'step', 1), 'pyint', 'step');
      return min + step * f.number.int({ min: 0, max: Math.floor((max - min) / step) });
    },
  ],
  [
    'pyfloat',
    (f, a, k) => {
      const right = argOr(a, k, 1, 'right_digits', null);
      const positive = argOr(a, k, 2, 'positive', false) === true;
      const leftDigits = argOr(a, k, 0, 'left_digits', null);
      const limit = leftDigits === null ? 10_000 : 10 ** asInt(leftDigits, 'pyfloat', 'left_digits');
      const min = asNumber(argOr(a, k, 3, 'min_value', positive ? 0 : -limit), 'pyfloat', 'min_value');
      const max = asNumber(argOr(a, k, 4, 'max_value', limit), 'pyfloat', 'max_value');
      const v = f.number.float({ min, max });
      return pyRound(v, right === null ? 2 : asInt(right, 'pyfloat', 'right_digits'));
    },
  ],
  ['pybool', (f) => f.datatype.boolean()],
  [
    'boolean',
    (f, a, k) =>
      f.datatype.boolean(
        asInt(argOr(a, k, 0, 'chance_of_getting_true', 50), 'boolean', 'chance_of_getting_true') / 100,
      ),
  ],
  ['pystr', (f, a, k) => f.string.alpha(asInt(argOr(a, k, 1, 'max_chars', 20), 'pystr', 'max_chars'))],
  ['uuid4', (_f, _a, _k, env) => env.ctx.rng.uuid4()],
  ['iban', (f) => f.finance.iban()],
  ['bban', (f) => f.finance.iban().slice(4)],
  ['swift', (f) => f.finance.bic()],
  ['credit_card_number', (f) => f.finance.creditCardNumber().replace(/\D/g, '')],
  ['credit_card_provider', (f) => f.finance.creditCardIssuer()],
  [
    'ssn',
    (f) =>
      `${f.number.int({ min: 1, max: 665 }).toString().padStart(3, '0')}-${f.number.int({ min: 1, max: 99 }).toString().padStart(2, '0')}-${f.number.int({ min: 1, max: 9999 }).toString().padStart(4, '0')}`,
  ],
  ['url', (f) => `${f.internet.url({ appendSlash: true })}`],
  ['domain_name', (f) => f.internet.domainName()],
  ['ipv4', (f) => f.internet.ipv4()],
  ['ipv6', (f) => f.internet.ipv6()],
  ['mac_address', (f) => f.internet.mac()],
  ['user_agent', (f) => f.internet.userAgent()],
  ['color_name', (f) => f.color.human()],
  ['hex_color', (f) => f.color.rgb()],
  ['currency_code', (f) => f.finance.currencyCode()],
  ['license_plate', (f) => f.vehicle.vrm()],
  ['ean13', (f) => ean13(f)],
  ['ean', (f) => ean13(f)],
  ['isbn13', (f) => f.commerce.isbn({ variant: 13 })],
  ['isbn10', (f) => f.commerce.isbn({ variant: 10 })],
  ['numerify', (f, a, k) => numerify(f, asString(argOr(a, k, 0, 'text', '###'), 'numerify', 'text'))],
  [
    'lexify',
    (f, a, k) =>
      lexify(
        f,
        asString(argOr(a, k, 0, 'text', '????'), 'lexify', 'text'),
        asString(argOr(a, k, 1, 'letters', LETTERS), 'lexify', 'letters'),
      ),
  ],
  [
    'bothify',
    (f, a, k) =>
      lexify(
        f,
        numerify(f, asString(argOr(a, k, 0, 'text', '## ??'), 'bothify', 'text')),
        asString(argOr(a, k, 1, 'letters', LETTERS), 'bothify', 'letters'),
      ),
  ],
  [
    'random_element',
    (f, a, k) => f.helpers.arrayElement(toList(argOr(a, k, 0, 'elements', ['a', 'b', 'c']))),
  ],
  ['random_digit', (f) => f.number.int(9)],
  ['random_letter', (f) => f.helpers.arrayElement([...LETTERS])],
];

function toList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  throw valueError('random_element(): elements must be a list');
}

/** Python Faker provider names this engine maps (listed in docs/script-language.md). */
export const FAKE_METHODS: readonly string[] = MAP.map(([n]) => n);

export const FAKE_NAMESPACE = new PyNamespace(
  'fake',
  new Map(
    MAP.map(([name, fn]) => {
      const b: BuiltinFn = (a, k, env) => fn(env.ctx.faker, a, k, env);
      return [name, new PyBuiltin(`fake.${name}`, b)];
    }),
  ),
);
