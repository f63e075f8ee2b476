import type { Faker } from '@faker-js/faker';
import type { Args } from '../generators/args';
import type { GenContext } from '../generators/types';
import type { Rng } from '../random/rng';

/** What an entity builder sees: the dataset's faker and whether the data is German. */
export interface EntityEnv {
  ctx: GenContext;
  rng: Rng;
  faker: Faker;
  dataset: string;
  locale: string;
  german: boolean;
  now: Date;
}

/** One entity kind: DATAMIMIC name, its own parameters (besides dataset/locale/count), fields and builder. */
export interface EntityDef {
  readonly name: string;
  readonly params: readonly string[];
  readonly fields: readonly string[];
  /**
   * Validates the arguments once and returns the per-instance builder. The builder must return a new object on
   * every call and keep no reference to it: `createEntity` converts its fields in place.
   */
  create(args: Args, env: EntityEnv): () => Record<string, unknown>;
}

/** Round to cents. */
export const money = (x: number): number => Math.round(x * 100) / 100;

/** Midnight-aligned date `days` from `now` (negative = past). */
export function dayOffset(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
}

/** Picks the German or English variant of a bilingual table. */
export function lang<T>(env: EntityEnv, de: T, en: T): T {
  return env.german ? de : en;
}

/** Zero-padded random digits. */
export function digitString(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** `PREFIX-XXXXXXXX` upper-case hex id. */
export function prefixedId(rng: Rng, prefix: string, n = 8): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789ABCDEF'[rng.int(0, 15)];
  return `${prefix}-${s}`;
}

/** `k` distinct picks from `items` (fewer if the list is short). */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  return rng.shuffle(items).slice(0, Math.min(k, items.length));
}
