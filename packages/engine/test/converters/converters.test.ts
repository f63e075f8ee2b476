import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONVERTER_NAMES, createConverters } from '../../src/generators/index';
import { PyDate, PyDateTime } from '../../src/script/index';
import { LOC, makeCtx, thrown } from '../generators/helpers';

function apply(text: string, value: unknown): unknown {
  return createConverters(text, makeCtx(), LOC).reduce((v, c) => c(v), value);
}

const dt = new PyDateTime(Date.UTC(2024, 0, 31, 13, 5, 9));

describe('converters', () => {
  it.each<[string, unknown, unknown]>([
    ['UpperCase', 'abc Äö', 'ABC ÄÖ'],
    ['LowerCase', 'ABC', 'abc'],
    ['UpperCase', null, null],
    ["DateFormat('%d.%m.%Y')", dt, '31.01.2024'],
    ["DateFormat('%Y-%m-%dT%H:%M:%S')", dt, '2024-01-31T13:05:09'],
    ["DateFormat('%d %b %Y, %A %I:%M %p')", dt, '31 Jan 2024, Wednesday 01:05 PM'],
    ["DateFormat('%d.%m.%Y')", '2024-02-29', '29.02.2024'],
    ["DateFormat('%d.%m.%Y')", new PyDate(Date.UTC(2020, 4, 1)), '01.05.2020'],
    ["DateFormat('%j|%y|%%')", dt, '031|24|%'],
    ['Mask', 'secret', '******'],
    ["Mask('#')", 'abc', '###'],
    ['MiddleMask(2, 3)', '0123456789', '01*****789'],
    ["MiddleMask(1, 1, '#')", 'abcd', 'a##d'],
    ['MiddleMask(5, 3)', 'abc', 'abc'],
    ['CutLength(3)', 'abcdef', 'abc'],
    ['CutLength(10)', 'ab', 'ab'],
    ["Append('_x')", 'id', 'id_x'],
    ["Append('!')", 42, '42!'],
    ["Append('!')", true, 'True!'],
    ["Append('!')", null, '!'],
    ['Hash', 'hello', createHash('md5').update('hello').digest('hex')],
    ["Hash('sha256', 'hex')", 'hello', '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'],
    ["Hash('sha1', 'base64')", 'hello', createHash('sha1').update('hello').digest('base64')],
    [
      "Hash(hash_type='md5', output_format='hex', salt='s')",
      'a',
      createHash('md5').update('as').digest('hex'),
    ],
    ['JavaHash', 'hello', '05e918d2'],
    ['JavaHash', 'Hello World', 'cc969a84'],
    ['JavaHash', '', '00000000'],
    ['Date2Timestamp', dt, 1706706309],
    ['Date2Timestamp', '1970-01-02', 86400],
    [
      'RemoveNoneOrEmptyElement',
      { a: null, b: '', c: [], d: {}, e: [1, null, '', { f: null }], g: 0, h: { i: 'x' } },
      { e: [1], g: 0, h: { i: 'x' } },
    ],
    ['RemoveNoneOrEmptyElement', 'plain', 'plain'],
    ["UpperCase, Append('-x'), CutLength(4)", 'abcdef', 'ABCD'],
    ["LowerCase, Append('a,b')", 'X', 'xa,b'],
  ])('%s(%j)', (text, input, expected) => {
    expect(apply(text, input)).toEqual(expected);
  });

  it('Timestamp2Date returns a PyDateTime (UTC reading of the epoch)', () => {
    const v = apply('Timestamp2Date', 1706706309) as PyDateTime;
    expect(v).toBeInstanceOf(PyDateTime);
    expect(v.ms).toBe(dt.ms);
    expect(apply("Timestamp2Date, DateFormat('%Y')", 0)).toBe('1970');
  });

  it('knows its 12 converters', () => {
    expect(CONVERTER_NAMES).toHaveLength(12);
  });

  it('leaves the input untouched (RemoveNoneOrEmptyElement copies)', () => {
    const input = { a: null, b: [1, null] };
    apply('RemoveNoneOrEmptyElement', input);
    expect(input).toEqual({ a: null, b: [1, null] });
  });
});

describe('converter errors', () => {
  it('unknown converter → MIMICFIX_GENERATOR with did-you-mean and its column', () => {
    const e = thrown(() => createConverters('UpperCase, Lowercas', makeCtx(), LOC)) as {
      code: string;
      message: string;
      location: { column: number };
    };
    expect(e.code).toBe('MIMICFIX_GENERATOR');
    expect(e.message).toContain('Did you mean "LowerCase"?');
    expect(e.location.column).toBe(LOC.column + 'UpperCase, '.length);
  });

  it.each([
    ["Hash('crc32')", '"hash_type" must be one of'],
    ["Hash('md5', 'hexx')", '"output_format" must be one of'],
    ['CutLength', 'needs the argument "length_to_cut"'],
    ["CutLength('3')", 'must be an integer'],
    ["Mask('ab')", 'single character'],
    ['MiddleMask(1)', 'needs the arguments'],
    ['Append', 'needs the argument "append_str"'],
  ])('%s', (text, fragment) => {
    const e = thrown(() => createConverters(text, makeCtx(), LOC));
    expect(e.code).toBe('MIMICFIX_GENERATOR');
    expect(e.message).toContain(fragment);
  });

  it('syntax errors are MIMICFIX_DESCRIPTOR_INVALID', () => {
    expect(thrown(() => createConverters("Append('x", makeCtx(), LOC)).code).toBe(
      'MIMICFIX_DESCRIPTOR_INVALID',
    );
  });

  it.each([
    ['UpperCase', 5, 'UpperCase expects a string'],
    ["DateFormat('%Y')", 'not a date', 'DateFormat expects a datetime'],
    ['Timestamp2Date', '123', 'Timestamp2Date expects an int or float'],
    ['Date2Timestamp', 5, 'Date2Timestamp expects a datetime'],
    ['Mask', 12, 'Mask expects a string'],
  ])('%s on %j fails at conversion time with the location', (text, value, fragment) => {
    const [conv] = createConverters(text, makeCtx(), LOC);
    const e = thrown(() => conv?.(value));
    expect(e.code).toBe('MIMICFIX_GENERATOR');
    expect(e.message).toContain(fragment);
    expect(e.message).toContain('datamimic.xml:7:5');
  });
});
