import { createFaker } from '../../src/random/faker';
import { Rng } from '../../src/random/rng';
import { compileExpression, type ScriptContext, type ScriptScope } from '../../src/script';

export const LOC = { file: 'datamimic.xml', line: 10, column: 20 };

export function makeCtx(seed: string | number = 42): ScriptContext {
  const rng = new Rng(seed);
  return { rng, faker: createFaker(rng.fork('faker')), now: new Date(Date.UTC(2024, 0, 15, 10, 30, 45)) };
}

export function scopeOf(vars: Record<string, unknown>): ScriptScope {
  const fn = ((name: string) =>
    Object.hasOwn(vars, name) ? { found: true, value: vars[name] } : { found: false }) as ScriptScope;
  fn.names = () => Object.keys(vars);
  return fn;
}

export function run(
  src: string,
  vars: Record<string, unknown> = {},
  ctx: ScriptContext = makeCtx(),
): unknown {
  return compileExpression(src, LOC).evaluate(scopeOf(vars), ctx);
}

/** The thrown error (fails the test if nothing is thrown). */
export function errorOf(fn: () => unknown): {
  code: string;
  message: string;
  location?: { line: number; column: number };
} {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected an error');
}
