import type { Env } from './context';
import { PyError } from './errors';

/** Keyword arguments of a call, or null when there are none (saves an allocation per call). */
export type KwArgs = Map<string, unknown> | null;

export type BuiltinFn = (args: unknown[], kwargs: KwArgs, env: Env) => unknown;

/** Anything a script may call. Only instances of these classes are callable: never a raw JS function. */
export abstract class PyCallable {
  abstract readonly name: string;
  abstract call(args: unknown[], kwargs: KwArgs, env: Env): unknown;
  /** A function stored in a record serialises as its name, never as its internals. */
  toJSON(): string {
    return `<function ${this.name}>`;
  }
}

/** A whitelisted builtin function (or module function). */
export class PyBuiltin extends PyCallable {
  constructor(
    readonly name: string,
    private readonly fn: BuiltinFn,
  ) {
    super();
  }
  call(args: unknown[], kwargs: KwArgs, env: Env): unknown {
    return this.fn(args, kwargs, env);
  }
}

/**
 * A module (`math`, `random`) or a callable type with attributes (`datetime`, `date`, `timedelta`):
 * attribute lookups go to `members`, a Map so nothing falls through to Object.prototype.
 */
export class PyNamespace extends PyCallable {
  constructor(
    readonly name: string,
    readonly members: Map<string, unknown>,
    private readonly fn: BuiltinFn | null = null,
    readonly kind: 'module' | 'type' = 'module',
  ) {
    super();
  }
  get callable(): boolean {
    return this.fn !== null;
  }
  call(args: unknown[], kwargs: KwArgs, env: Env): unknown {
    if (this.fn === null) throw new PyError('TypeError', `'module' object is not callable`);
    return this.fn(args, kwargs, env);
  }
}

export type MethodFn = (self: never, args: unknown[], kwargs: KwArgs, env: Env) => unknown;

/** `'abc'.upper` read without calling it. */
export class PyBoundMethod extends PyCallable {
  constructor(
    readonly self: unknown,
    readonly name: string,
    private readonly fn: MethodFn,
  ) {
    super();
  }
  call(args: unknown[], kwargs: KwArgs, env: Env): unknown {
    return (this.fn as (self: unknown, a: unknown[], k: KwArgs, e: Env) => unknown)(
      this.self,
      args,
      kwargs,
      env,
    );
  }
}

/** Arrays created as Python tuples; they print as `(1, 2)` and are immutable. */
const TUPLES = new WeakSet<readonly unknown[]>();

export function makeTuple(items: unknown[]): unknown[] {
  TUPLES.add(items);
  return items;
}

export function isTuple(v: unknown): boolean {
  return Array.isArray(v) && TUPLES.has(v);
}

/** True for objects that scripts treat as dicts/entities: plain objects (Object.prototype or null prototype). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Creates a dict value: a plain object whose keys are defined (never assigned, so `__proto__` is just a key). */
export function newDict(): Record<string, unknown> {
  return {};
}

export function dictSet(d: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(d, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Marks "no such property" without allocating a result object. */
export const MISSING: unique symbol = Symbol('missing');

/** Own enumerable data property of a plain object (never a getter, never inherited), else MISSING. */
export function ownData(obj: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  if (d === undefined || !d.enumerable || !('value' in d)) return MISSING;
  return d.value;
}

export function kw(kwargs: KwArgs, name: string): unknown {
  return kwargs === null ? undefined : kwargs.get(name);
}
