import type { Args } from './args';
import { ageAt, parseIsoDate, strptime } from './date-format';
import type { GeneratorDef } from './generator-def';

const DEFAULT_INPUT = '%Y-%m-%d %H:%M:%S';
const FIFTY_YEARS_S = Math.round(365.25 * 50 * 86_400);

function parseArgDate(a: Args, name: string, format: string): Date | undefined {
  const text = a.str(name);
  if (text === undefined) return undefined;
  // Lenient like users expect: the given format first, then plain ISO dates (`2020-01-31`).
  const d = strptime(text, format) ?? parseIsoDate(text);
  if (!d) throw a.fail(`argument "${name}" ("${text}") does not match input_format "${format}"`);
  return d;
}

/**
 * DateTimeGenerator(min, max, value, random=False, input_format='%Y-%m-%d %H:%M:%S'). Returns JS `Date` values
 * holding a naive datetime in their UTC fields.
 * - `value` → always that datetime;
 * - `min`/`max`/`random=True` → uniform whole second in [min, max] (a missing bound is 50 years from the other;
 *   neither → from 1970-01-01 00:00:00 for 50 years);
 * - no argument → the run's "now" (`ctx.now`), like DATAMIMIC's `datetime.now()` but deterministic.
 */
export const dateTimeGenerator: GeneratorDef = {
  name: 'DateTimeGenerator',
  params: ['min', 'max', 'value', 'random', 'input_format'],
  create(a, ctx) {
    const format = a.str('input_format') || DEFAULT_INPUT;
    const value = parseArgDate(a, 'value', format);
    if (value) return { next: () => new Date(value.getTime()) };
    const min = parseArgDate(a, 'min', format);
    const max = parseArgDate(a, 'max', format);
    const random = a.bool('random', false);
    if (!random && !min && !max) return { next: () => new Date(ctx.now.getTime()) };
    let start: number;
    let span: number;
    if (min && max) {
      start = min.getTime();
      span = Math.floor((max.getTime() - start) / 1000);
      if (span < 0) throw a.fail(`argument "max" must not be before "min"`);
    } else if (min) {
      start = min.getTime();
      span = FIFTY_YEARS_S;
    } else if (max) {
      start = max.getTime() - FIFTY_YEARS_S * 1000;
      span = FIFTY_YEARS_S;
    } else {
      start = 0;
      span = FIFTY_YEARS_S;
    }
    return { next: () => new Date(start + ctx.rng.int(0, span) * 1000) };
  },
};

/**
 * BirthdateGenerator(min_age=1, max_age=100): a birth date (midnight, `Date`) such that the age at `ctx.now`
 * is within [min_age, max_age].
 */
export const birthdateGenerator: GeneratorDef = {
  name: 'BirthdateGenerator',
  params: ['min_age', 'max_age'],
  create(a, ctx) {
    const minAge = a.int('min_age', 1);
    const maxAge = a.int('max_age', 100);
    if (minAge < 0) throw a.fail('argument "min_age" must not be negative');
    if (minAge > maxAge)
      throw a.fail(`argument "min_age" (${minAge}) must not be greater than "max_age" (${maxAge})`);
    return { next: () => randomBirthdate(ctx.rng, ctx.now, minAge, maxAge) };
  },
};

interface BirthRange {
  now: number;
  minAge: number;
  maxAge: number;
  latest: number;
  earliest: number;
  days: number;
}
// The range of the previous call: an entity asks with the same now/min/max for every record.
let lastRange: BirthRange | undefined;

function birthRange(now: Date, minAge: number, maxAge: number): BirthRange {
  const r = lastRange;
  if (r && r.now === now.getTime() && r.minAge === minAge && r.maxAge === maxAge) return r;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  // Latest: exactly minAge years ago; earliest: the day after (maxAge + 1) years ago.
  const latest = shiftYears(today, -minAge);
  const earliest = shiftYears(today, -(maxAge + 1)) + 86_400_000;
  const days = Math.max(0, Math.floor((latest - earliest) / 86_400_000));
  lastRange = { now: now.getTime(), minAge, maxAge, latest, earliest, days };
  return lastRange;
}

/** A uniformly random birth date for an age in [minAge, maxAge] at `now` (both inclusive). */
export function randomBirthdate(
  rng: { int(min: number, max: number): number },
  now: Date,
  minAge: number,
  maxAge: number,
): Date {
  const { latest, earliest, days } = birthRange(now, minAge, maxAge);
  const d = new Date(earliest + rng.int(0, days) * 86_400_000);
  // Guard against leap-day edge cases.
  const age = ageAt(d, now);
  if (age < minAge) return new Date(latest);
  if (age > maxAge) return new Date(earliest);
  return d;
}

function shiftYears(t: number, years: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  let day = d.getUTCDate();
  const dim = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  if (day > dim) day = dim;
  const out = new Date(Date.UTC(2000, m, day));
  out.setUTCFullYear(y);
  return out.getTime();
}
