import type { Faker } from '@faker-js/faker';
import { MimicfixError } from '../errors/mimicfix-error';
import type { Rng } from '../random/rng';
import { Args } from './args';
import { fakerFor } from './faker-for';
import type { GeneratorDef } from './generator-def';
import { didYouMean } from './suggest';

type Kw = Record<string, unknown>;
type Method = (f: Faker, rng: Rng, kw: Kw) => unknown;

const num = (kw: Kw, k: string, d: number): number => (typeof kw[k] === 'number' ? (kw[k] as number) : d);

/** Python Faker method names mapped onto @faker-js/faker (the common ones). */
export const FAKER_METHODS: Record<string, Method> = {
  name: (f) => f.person.fullName(),
  first_name: (f) => f.person.firstName(),
  first_name_male: (f) => f.person.firstName('male'),
  first_name_female: (f) => f.person.firstName('female'),
  last_name: (f) => f.person.lastName(),
  name_male: (f) => f.person.fullName({ sex: 'male' }),
  name_female: (f) => f.person.fullName({ sex: 'female' }),
  prefix: (f) => f.person.prefix(),
  suffix: (f) => f.person.suffix(),
  job: (f) => f.person.jobTitle(),
  email: (f) => f.internet.email(),
  safe_email: (f) => f.internet.email({ provider: 'example.com' }),
  free_email: (f) => f.internet.email(),
  company_email: (f) => f.internet.email(),
  user_name: (f) => f.internet.username(),
  password: (f) => f.internet.password(),
  domain_name: (f) => f.internet.domainName(),
  domain_word: (f) => f.internet.domainWord(),
  url: (f) => f.internet.url(),
  uri: (f) => f.internet.url(),
  ipv4: (f) => f.internet.ipv4(),
  ipv6: (f) => f.internet.ipv6(),
  mac_address: (f) => f.internet.mac(),
  user_agent: (f) => f.internet.userAgent(),
  phone_number: (f) => f.phone.number(),
  address: (f) => f.location.streetAddress({ useFullAddress: true }),
  street_address: (f) => f.location.streetAddress(),
  street_name: (f) => f.location.street(),
  building_number: (f) => f.location.buildingNumber(),
  city: (f) => f.location.city(),
  state: (f) => f.location.state(),
  state_abbr: (f) => f.location.state({ abbreviated: true }),
  postcode: (f) => f.location.zipCode(),
  zipcode: (f) => f.location.zipCode(),
  country: (f) => f.location.country(),
  country_code: (f) => f.location.countryCode(),
  latitude: (f) => f.location.latitude(),
  longitude: (f) => f.location.longitude(),
  company: (f) => f.company.name(),
  catch_phrase: (f) => f.company.catchPhrase(),
  bs: (f) => f.company.buzzPhrase(),
  iban: (f) => f.finance.iban(),
  bban: (f) => f.finance.accountNumber(10),
  swift: (f) => f.finance.bic(),
  credit_card_number: (f) => f.finance.creditCardNumber(),
  credit_card_provider: (f) => f.finance.creditCardIssuer(),
  credit_card_security_code: (f) => f.finance.creditCardCVV(),
  currency_code: (f) => f.finance.currencyCode(),
  currency_name: (f) => f.finance.currencyName(),
  word: (f) => f.lorem.word(),
  words: (f, _r, kw) => f.lorem.words(num(kw, 'nb', 3)).split(' '),
  sentence: (f) => f.lorem.sentence(),
  paragraph: (f) => f.lorem.paragraph(),
  text: (f, _r, kw) => f.lorem.paragraph().slice(0, num(kw, 'max_nb_chars', 200)),
  color_name: (f) => f.color.human(),
  hex_color: (f) => f.color.rgb(),
  uuid4: (_f, r) => r.uuid4(),
  boolean: (_f, r, kw) => r.bool(num(kw, 'chance_of_getting_true', 50) / 100),
  pyint: (_f, r, kw) => r.int(num(kw, 'min_value', 0), num(kw, 'max_value', 9999)),
  random_int: (_f, r, kw) => r.int(num(kw, 'min', 0), num(kw, 'max', 9999)),
  random_digit: (_f, r) => r.int(0, 9),
  pyfloat: (_f, r, kw) =>
    Number(r.float(num(kw, 'min_value', 0), num(kw, 'max_value', 1000)).toFixed(num(kw, 'right_digits', 2))),
  ean13: (f) => f.commerce.isbn(13).replace(/-/g, ''),
  isbn13: (f) => f.commerce.isbn(13),
  isbn10: (f) => f.commerce.isbn(10),
  license_plate: (f) => f.vehicle.vrm(),
  file_name: (f) => f.system.fileName(),
  file_extension: (f) => f.system.fileExt(),
  mime_type: (f) => f.system.mimeType(),
};

/**
 * DataFakerGenerator(method, locale=None, **kwargs): calls the Python Faker method `method`, mapped onto
 * @faker-js/faker (see FAKER_METHODS). Numeric kwargs of pyint/random_int/pyfloat/words/text are honoured.
 */
export const dataFakerGenerator: GeneratorDef = {
  name: 'DataFakerGenerator',
  params: ['method', 'locale', 'dataset'],
  create(a0, ctx) {
    // Extra keyword arguments belong to the faker method; read ours and forward the rest.
    const own: Kw = {};
    const rest: Kw = {};
    for (const [k, v] of Object.entries(a0.spec.kwargs))
      (['method', 'locale', 'dataset'].includes(k) ? own : rest)[k] = v;
    const a = new Args(
      { name: a0.spec.name, args: a0.spec.args.slice(0, 2), kwargs: own },
      a0.params,
      a0.location,
    );
    const method = a.str('method');
    if (!method)
      throw a.fail('needs the argument "method" (a Python Faker method name, e.g. method="email")');
    const fn = FAKER_METHODS[method];
    if (!fn) {
      throw new MimicfixError(
        'MIMICFIX_GENERATOR',
        `DataFakerGenerator does not know the Faker method "${method}".${didYouMean(method, Object.keys(FAKER_METHODS))}`,
        {
          location: a.location,
          hint: `Supported methods: ${Object.keys(FAKER_METHODS).join(', ')}.`,
        },
      );
    }
    const { faker } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    return { next: () => fn(faker, ctx.rng, rest) };
  },
};
