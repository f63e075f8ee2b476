import type { Faker } from '@faker-js/faker';
import type { Rng } from '../random/rng';

/** What scripts can reach besides their scope: seeded randomness, faker, a fixed "now". */
export interface ScriptContext {
  rng: Rng;
  faker: Faker;
  /** The run's reference time; `datetime.now()`/`date.today()` return it, so output stays deterministic. */
  now: Date;
}

/**
 * Names visible to an expression: record keys so far, variables, properties, entity objects.
 * Optionally the function may carry a `names()` property listing the visible names; error messages then
 * suggest similar names ("did you mean").
 */
export type ScriptScope = ((name: string) => { found: boolean; value?: unknown }) & {
  names?: () => Iterable<string>;
};

/** Local variables of a comprehension or lambda, resolved to slots at compile time. */
export interface Frame {
  vars: unknown[];
  parent: Frame | null;
}

/** Per-evaluation state handed to every compiled node. `pos` is the offset of the node being applied. */
export interface Env {
  scope: ScriptScope;
  ctx: ScriptContext;
  frame: Frame | null;
  pos: number;
}
