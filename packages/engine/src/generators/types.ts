import type { Faker } from '@faker-js/faker';
import type { Rng } from '../random/rng';

/** What every generator, entity and converter may draw on. Randomness only from `rng`/`faker`, time only from `now`. */
export interface GenContext {
  rng: Rng;
  faker: Faker;
  /** Dataset (US, DE, ...) and locale (en, de, ...) in effect. */
  dataset: string;
  locale: string;
  /** Reference time of the run (deterministic "now"). */
  now: Date;
  /** Run-wide shared state (GlobalIncrementGenerator counters, ...). */
  shared: Map<string, unknown>;
}

/** `Name(kw=value, ...)` or bare `Name` parsed from an attribute (literals only: str, int, float, bool, None, list). */
export interface CallSpec {
  name: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

/** One generator instance; `next()` yields the next value (string, number, boolean or `Date`). */
export interface ValueGenerator {
  next(): unknown;
}

/** One entity kind configured by its call arguments. */
export interface EntityFactory {
  /** DATAMIMIC field names this entity exposes (documented in docs/entities.md). */
  readonly fields: readonly string[];
  /** A fresh entity instance (a plain object with those fields). */
  next(): Record<string, unknown>;
}

/** One converter from `converter="UpperCase, DateFormat('%d.%m.%Y')"`; the runtime applies them left to right. */
export type Converter = (value: unknown) => unknown;
