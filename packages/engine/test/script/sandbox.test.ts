import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/script';
import { errorOf, LOC, run } from './helpers';

const entity = { name: 'x', nested: { k: 1 } };

// Each must fail with a script error and never reach a JS prototype, constructor or host object.
const escapes: [string, 'MIMICFIX_SCRIPT_ERROR' | 'MIMICFIX_SCRIPT_SYNTAX'][] = [
  ["''.__class__", 'MIMICFIX_SCRIPT_ERROR'],
  ["''.__class__.__mro__", 'MIMICFIX_SCRIPT_ERROR'],
  ['(1).constructor', 'MIMICFIX_SCRIPT_ERROR'],
  ["(1).constructor.constructor('return process')()", 'MIMICFIX_SCRIPT_ERROR'],
  ['fake.constructor', 'MIMICFIX_SCRIPT_ERROR'],
  ['fake.constructor.constructor', 'MIMICFIX_SCRIPT_ERROR'],
  ['str.__dict__', 'MIMICFIX_SCRIPT_ERROR'],
  ['[].__proto__', 'MIMICFIX_SCRIPT_ERROR'],
  ['{}.__proto__', 'MIMICFIX_SCRIPT_ERROR'],
  ["e['__proto__']", 'MIMICFIX_SCRIPT_ERROR'],
  ["e['constructor']", 'MIMICFIX_SCRIPT_ERROR'],
  ['e.constructor', 'MIMICFIX_SCRIPT_ERROR'],
  ['e.toString', 'MIMICFIX_SCRIPT_ERROR'],
  ['e.hasOwnProperty', 'MIMICFIX_SCRIPT_ERROR'],
  ['e.valueOf()', 'MIMICFIX_SCRIPT_ERROR'],
  ['e.nested.__proto__', 'MIMICFIX_SCRIPT_ERROR'],
  ['toString', 'MIMICFIX_SCRIPT_ERROR'],
  ['hasOwnProperty', 'MIMICFIX_SCRIPT_ERROR'],
  ['valueOf', 'MIMICFIX_SCRIPT_ERROR'],
  ['constructor', 'MIMICFIX_SCRIPT_ERROR'],
  ["open('/etc/passwd')", 'MIMICFIX_SCRIPT_ERROR'],
  ["__import__('os')", 'MIMICFIX_SCRIPT_ERROR'],
  ["__import__('os').system('id')", 'MIMICFIX_SCRIPT_ERROR'],
  ["eval('1')", 'MIMICFIX_SCRIPT_ERROR'],
  ["exec('x = 1')", 'MIMICFIX_SCRIPT_ERROR'],
  ["getattr('', '__class__')", 'MIMICFIX_SCRIPT_ERROR'],
  ['__builtins__', 'MIMICFIX_SCRIPT_ERROR'],
  ['process', 'MIMICFIX_SCRIPT_ERROR'],
  ['globalThis', 'MIMICFIX_SCRIPT_ERROR'],
  ['require', 'MIMICFIX_SCRIPT_ERROR'],
  ['(lambda: 0).__globals__', 'MIMICFIX_SCRIPT_ERROR'],
  ['len.call', 'MIMICFIX_SCRIPT_ERROR'],
  ['len.name', 'MIMICFIX_SCRIPT_ERROR'],
  ['math.members', 'MIMICFIX_SCRIPT_ERROR'],
  ['datetime.now().ms', 'MIMICFIX_SCRIPT_ERROR'],
  ['datetime.now().d', 'MIMICFIX_SCRIPT_ERROR'],
  ['random.random.apply', 'MIMICFIX_SCRIPT_ERROR'],
  ['fn()', 'MIMICFIX_SCRIPT_ERROR'],
  ['import os', 'MIMICFIX_SCRIPT_SYNTAX'],
  ['x = 1', 'MIMICFIX_SCRIPT_SYNTAX'],
  ['`id`', 'MIMICFIX_SCRIPT_SYNTAX'],
  ['(x := 1)', 'MIMICFIX_SCRIPT_SYNTAX'],
];

describe('sandbox', () => {
  it.each(escapes)('%s is refused with %s', (src, code) => {
    const e = errorOf(() => run(src, { e: entity, fn: () => 'pwned' }));
    expect(e.code).toBe(code);
  });

  it('names the sandbox rule in the message', () => {
    expect(errorOf(() => run("''.__class__")).message).toMatch(
      /access to attribute '__class__' is not allowed/,
    );
    expect(errorOf(() => run("__import__('os')")).message).toMatch(/name '__import__' is not available/);
    expect(errorOf(() => run('fn()', { fn: () => 1 })).message).toMatch(
      /calling JavaScript functions is not allowed/,
    );
  });

  it('Object.prototype names are refused even when the scope answers for them', () => {
    // a scope backed by a plain object without hasOwn checks would hand these out
    const leaky = ((name: string) => ({
      found: true,
      value: ({} as Record<string, unknown>)[name],
    })) as never;
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'constructor', '__proto__', '__import__']) {
      const e = errorOf(() => compileExpression(name, LOC).evaluate(leaky, undefined as never));
      expect(e.code).toBe('MIMICFIX_SCRIPT_ERROR');
    }
  });

  it('record keys named like absent builtins are plain data', () => {
    expect(run('open', { open: true })).toBe(true);
    expect(run("type == 'A'", { type: 'A' })).toBe(true);
    expect(run('p.type + p.object', { p: { type: 'x', object: 'y' } })).toBe('xy');
    expect(errorOf(() => run('type(1)')).message).toMatch(/name 'type' is not available in scripts/);
  });

  it('never calls a JS function even when it comes from an entity', () => {
    let called = false;
    const e = errorOf(() =>
      run('p.f()', {
        p: {
          f: () => {
            called = true;
          },
        },
      }),
    );
    expect(e.code).toBe('MIMICFIX_SCRIPT_ERROR');
    expect(called).toBe(false);
  });

  it('a dict literal with a __proto__ key stays a plain key, never a prototype', () => {
    const d = run("{'__proto__': {'polluted': 1}}") as Record<string, unknown>;
    expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
    expect(Object.keys(d)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds resource use', () => {
    expect(errorOf(() => run("'x' * 20000000")).message).toMatch(/limit is 10000000/);
    expect(errorOf(() => run('range(100000000)')).message).toMatch(/limit is 10000000/);
    expect(errorOf(() => run('[0] * 20000000')).code).toBe('MIMICFIX_SCRIPT_ERROR');
    expect(errorOf(() => run("'1'.zfill(100000000)")).code).toBe('MIMICFIX_SCRIPT_ERROR');
    expect(errorOf(() => run("f'{1:100000000}'")).code).toBe('MIMICFIX_SCRIPT_ERROR');
  });

  it('evaluates without touching the context when nothing needs it', () => {
    const expr = compileExpression('1 + 1', LOC);
    expect(expr.evaluate(() => ({ found: false }), undefined as never)).toBe(2);
  });
});
