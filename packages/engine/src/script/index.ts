/**
 * CONTRACT (owned by the script-language work): the Python-expression subset of DATAMIMIC scripts.
 * packages/engine/src/runtime uses exactly these exports.
 */
import type { Faker } from '@faker-js/faker';
import type { SourceLocation } from '../errors/mimicfix-error';
import type { Rng } from '../random/rng';

/** What scripts can reach besides their scope: seeded randomness, faker, a fixed "now". */
export interface ScriptContext {
  rng: Rng;
  faker: Faker;
  /** The run's reference time; `datetime.now()`/`date.today()` return it, so output stays deterministic. */
  now: Date;
}

/** Names visible to an expression: record keys so far, variables, properties, entity objects. */
export type ScriptScope = (name: string) => { found: boolean; value?: unknown };

export interface CompiledExpression {
  readonly source: string;
  readonly location: SourceLocation;
  evaluate(scope: ScriptScope, ctx: ScriptContext): unknown;
}

/** Parses a Python expression once; throws MimicfixError MIMICFIX_SCRIPT_SYNTAX with file:line:column. */
export function compileExpression(_source: string, _location: SourceLocation): CompiledExpression {
  throw new Error('compileExpression: not implemented yet');
}

/**
 * An attribute value that may hold `{expr}` parts (e.g. `count="{n * 2}"`, `uri="{dir}/x.csv"`).
 * `evaluate` returns the raw value when the whole text is one `{expr}`, else the concatenated string.
 */
export interface CompiledTemplate {
  readonly isConstant: boolean;
  evaluate(scope: ScriptScope, ctx: ScriptContext): unknown;
}
export function compileTemplate(_text: string, _location: SourceLocation): CompiledTemplate {
  throw new Error('compileTemplate: not implemented yet');
}

/** `string="Hello __name__"` templates: replaces `__var__` with the scope value rendered as Python `str()`. */
export function renderVarTemplate(_text: string, _scope: ScriptScope): string {
  throw new Error('renderVarTemplate: not implemented yet');
}

/** Python `str()` of a value (True/False/None, lists, dicts, datetimes). */
export function pyStr(_value: unknown): string {
  throw new Error('pyStr: not implemented yet');
}
