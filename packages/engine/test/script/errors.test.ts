import { describe, expect, it } from 'vitest';
import { compileExpression, compileTemplate } from '../../src/script';
import { errorOf, LOC, run } from './helpers';

describe('syntax errors', () => {
  const bad = [
    '1 +',
    '(1, 2',
    "'unterminated",
    'a b',
    'f(x=1, 2)',
    '[1, 2',
    'x if y',
    '1 ++',
    "f'{'",
    "f'{}'",
    'lambda: ',
    '',
    '1 & 2',
    'a.',
  ];
  it.each(bad)('%j → MIMICFIX_SCRIPT_SYNTAX', (src) => {
    const e = errorOf(() => compileExpression(src, LOC));
    expect(e.code).toBe('MIMICFIX_SCRIPT_SYNTAX');
  });

  it('locates the offending token (attribute location + column offset) and names the expression', () => {
    const e = errorOf(() => compileExpression('a + * b', LOC));
    expect(e.location).toEqual({ file: 'datamimic.xml', line: 10, column: 24 });
    expect(e.message).toContain('datamimic.xml:10:24');
    expect(e.message).toContain('"a + * b"');
  });

  it('refuses absurdly deep nesting with a syntax error instead of crashing', () => {
    const e = errorOf(() => compileExpression(`${'('.repeat(20000)}1${')'.repeat(20000)}`, LOC));
    expect(e.code).toBe('MIMICFIX_SCRIPT_SYNTAX');
  });

  it('counts lines inside multi-line expressions', () => {
    const e = errorOf(() => compileExpression('(1 +\n  2 +\n  )', LOC));
    expect(e.location).toEqual({ file: 'datamimic.xml', line: 12, column: 3 });
  });
});

describe('evaluation errors', () => {
  it('unknown name suggests similar names from the scope and builtins', () => {
    const e = errorOf(() => run('given_nme.upper()', { given_name: 'a', family_name: 'b' }));
    expect(e.code).toBe('MIMICFIX_SCRIPT_ERROR');
    expect(e.message).toMatch(/NameError: name 'given_nme' is not defined; did you mean: 'given_name'/);
    expect(e.location).toEqual({ file: 'datamimic.xml', line: 10, column: 20 });
    expect(errorOf(() => run('lenn(x)', { x: 1 })).message).toMatch(/did you mean: 'len'/);
  });

  it('locates names inside f-strings', () => {
    const e = errorOf(() => run("f'id-{nme}'", { name: 'x' }));
    expect(e.message).toMatch(/did you mean: 'name'/);
    expect(e.location?.column).toBe(26); // the "n" of nme: offset 6
  });

  it('points at the failing operator', () => {
    const e = errorOf(() => run("n + 'a'", { n: 1 }));
    expect(e.message).toMatch(/TypeError: unsupported operand type\(s\) for \+: 'int' and 'str'/);
    expect(e.location?.column).toBe(22);
  });

  const typeErrors: [string, RegExp][] = [
    ['1 / 0', /ZeroDivisionError/],
    ['1 // 0', /ZeroDivisionError/],
    ["'a' < 1", /'<' not supported between instances of 'str' and 'int'/],
    ['[1][5]', /IndexError: list index out of range/],
    ["{'a': 1}['b']", /KeyError: 'b'/],
    ["int('x')", /ValueError: invalid literal for int\(\) with base 10: 'x'/],
    ["float('x')", /could not convert string to float/],
    ['len(5)', /object of type 'int' has no len\(\)/],
    ['None.upper()', /'NoneType' object has no attribute 'upper'/],
    ["'abc'.nope()", /'str' object has no attribute 'nope'/],
    ['p.given', /has no attribute 'given'; did you mean: 'given_name'/],
    ['5()', /'int' object is not callable/],
    ['math.nope', /module 'math' has no attribute 'nope'/],
    ["f'{1.5:d}'", /Unknown format code 'd'/],
    ['random.randint(5, 1)', /empty range/],
    ["'-'.join([1])", /expected str instance, int found/],
    ['[a for a, b in [1]]', /not iterable/],
  ];
  it.each(typeErrors)('%s', (src, re) => {
    const e = errorOf(() => run(src, { p: { given_name: 'x' } }));
    expect(e.code).toBe('MIMICFIX_SCRIPT_ERROR');
    expect(e.message).toMatch(re);
  });
});

describe('templates', () => {
  const ctx = undefined as never;
  const scope = (name: string) =>
    name === 'n'
      ? { found: true, value: 21 }
      : name === 'f'
        ? { found: true, value: 'people' }
        : { found: false };

  it('returns the raw value for a single {expr}', () => {
    const t = compileTemplate('{n * 2}', LOC);
    expect(t.isConstant).toBe(false);
    expect(t.evaluate(scope, ctx)).toBe(42);
  });
  it('concatenates mixed text', () => {
    expect(compileTemplate('data/{f}.csv', LOC).evaluate(scope, ctx)).toBe('data/people.csv');
    expect(compileTemplate("{f}-{ {'a': n}['a'] }", LOC).evaluate(scope, ctx)).toBe('people-21');
    expect(compileTemplate('{n > 1}', LOC).evaluate(scope, ctx)).toBe(true);
  });
  it('is constant without braces', () => {
    const t = compileTemplate('plain text', LOC);
    expect(t.isConstant).toBe(true);
    expect(t.evaluate(scope, ctx)).toBe('plain text');
  });
  it('reports syntax errors at the column inside the attribute', () => {
    const e = errorOf(() => compileTemplate('ab{1 +}', LOC));
    expect(e.code).toBe('MIMICFIX_SCRIPT_SYNTAX');
    expect(e.location).toEqual({ file: 'datamimic.xml', line: 10, column: 26 });
    expect(errorOf(() => compileTemplate('ab{n', LOC)).code).toBe('MIMICFIX_SCRIPT_SYNTAX');
  });
});
