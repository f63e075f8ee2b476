import { typeError } from './errors';
import { typeName } from './py-ops';
import type { KwArgs } from './values';

/** Argument checking shared by builtins and methods; messages follow Python's wording. */
export function arity(fn: string, args: unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const want =
      min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    throw typeError(
      `${fn}() takes ${want} positional argument${want === '1' ? '' : 's'} but ${args.length} were given`,
    );
  }
}

/** Positional argument `i`, or keyword `name`, or `dflt`. */
export function argOr(args: unknown[], kwargs: KwArgs, i: number, name: string, dflt: unknown): unknown {
  if (i < args.length) return args[i];
  if (kwargs?.has(name)) return kwargs.get(name);
  return dflt;
}

export function noKwargs(fn: string, kwargs: KwArgs, allowed: readonly string[] = []): void {
  if (kwargs === null) return;
  for (const k of kwargs.keys()) {
    if (!allowed.includes(k)) throw typeError(`${fn}() got an unexpected keyword argument '${k}'`);
  }
}

export function asNumber(v: unknown, fn: string, what = 'argument'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw typeError(`${fn}(): ${what} must be a number, not '${typeName(v)}'`);
}

export function asInt(v: unknown, fn: string, what = 'argument'): number {
  const n = asNumber(v, fn, what);
  if (!Number.isInteger(n)) throw typeError(`${fn}(): ${what} must be an integer, not 'float'`);
  return n;
}

export function asString(v: unknown, fn: string, what = 'argument'): string {
  if (typeof v !== 'string') throw typeError(`${fn}(): ${what} must be str, not '${typeName(v)}'`);
  return v;
}
