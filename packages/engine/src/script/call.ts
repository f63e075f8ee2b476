import type { Env } from './context';
import { typeError } from './errors';
import { typeName } from './py-ops';
import { type KwArgs, PyCallable } from './values';

/** Calls a script value. Only PyCallable instances can be called: never a raw JS function from the scope. */
export function callValue(fn: unknown, args: unknown[], kwargs: KwArgs, env: Env): unknown {
  if (fn instanceof PyCallable) return fn.call(args, kwargs, env);
  if (typeof fn === 'function') throw typeError('calling JavaScript functions is not allowed in scripts');
  throw typeError(`'${typeName(fn)}' object is not callable`);
}
