import { describe, expect, it } from 'vitest';
import { parseCallSpec, splitTopLevel } from '../../src/generators/index';
import { LOC, thrown } from './helpers';

describe('parseCallSpec', () => {
  it.each([
    ['IntegerGenerator', { name: 'IntegerGenerator', args: [], kwargs: {} }],
    ['IntegerGenerator()', { name: 'IntegerGenerator', args: [], kwargs: {} }],
    ['IntegerGenerator(min=1, max=10)', { name: 'IntegerGenerator', args: [], kwargs: { min: 1, max: 10 } }],
    ["DateFormat('%d.%m.%Y')", { name: 'DateFormat', args: ['%d.%m.%Y'], kwargs: {} }],
    [
      'Person(min_age=18, max_age=90, female_quota=0.5)',
      { name: 'Person', args: [], kwargs: { min_age: 18, max_age: 90, female_quota: 0.5 } },
    ],
    ["Hash('sha256', 'hex')", { name: 'Hash', args: ['sha256', 'hex'], kwargs: {} }],
    ['CutLength(5)', { name: 'CutLength', args: [5], kwargs: {} }],
    ['new IntegerGenerator(min=-3)', { name: 'IntegerGenerator', args: [], kwargs: { min: -3 } }],
    [
      'X(a=True, b=False, c=None, d=[1, "two", -2.5e1], e="q\\"uote")',
      { name: 'X', args: [], kwargs: { a: true, b: false, c: null, d: [1, 'two', -25], e: 'q"uote' } },
    ],
    ["  Append( 'a, b' , )  ", { name: 'Append', args: ['a, b'], kwargs: {} }],
  ])('%s', (text, expected) => {
    expect(parseCallSpec(text, LOC)).toEqual(expected);
  });

  it('keeps ints and floats apart', () => {
    const s = parseCallSpec('F(a=1, b=1.0, c=-0.25)', LOC);
    expect(Number.isInteger(s.kwargs.a)).toBe(true);
    expect(s.kwargs.b).toBe(1);
    expect(s.kwargs.c).toBe(-0.25);
  });

  it.each([
    ['IntegerGenerator(min=1', 'expected ")"'],
    ['IntegerGenerator(min=foo)', '"foo" is not a literal'],
    ["Append('abc)", 'unterminated string'],
    ['IntegerGenerator(min=1) extra', 'unexpected'],
    ['G(a=1, 2)', 'positional argument after keyword'],
    ['G(a=1, a=2)', 'given twice'],
    ['(1)', 'expected a name'],
    ['G(1 2)', 'expected "," or ")"'],
  ])('rejects %s', (text, fragment) => {
    const e = thrown(() => parseCallSpec(text, LOC));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.message).toContain(fragment);
    expect(e.message).toContain('datamimic.xml:7:');
  });

  it('reports the column of the problem', () => {
    const e = thrown(() => parseCallSpec('IntegerGenerator(min=foo)', LOC)) as {
      location: { line: number; column: number };
    };
    expect(e.location.line).toBe(7);
    expect(e.location.column).toBe(LOC.column + 'IntegerGenerator(min='.length);
  });
});

describe('splitTopLevel', () => {
  it('splits at top-level commas only', () => {
    expect(splitTopLevel("UpperCase, Append('a,b'), Hash(\"md5\", 'hex')").map((p) => p.part.trim())).toEqual(
      ['UpperCase', "Append('a,b')", 'Hash("md5", \'hex\')'],
    );
  });
  it('reports offsets', () => {
    expect(splitTopLevel('A, B').map((p) => p.offset)).toEqual([0, 2]);
  });
});
