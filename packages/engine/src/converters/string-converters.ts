import { pyStr } from '../script/index';
import type { ConverterDef } from './converter-def';

function typeName(v: unknown): string {
  if (v === null) return 'None';
  if (v instanceof Date) return 'datetime';
  if (Array.isArray(v)) return 'list';
  return typeof v;
}

/** Converters that need a string; a wrong type fails with the converter's name and the value's type. */
function needString(name: string, value: unknown, fail: (m: string) => never): string {
  if (typeof value !== 'string')
    throw fail(`${name} expects a string, got ${typeName(value)} ${JSON.stringify(value)}`);
  return value;
}

export const upperCase: ConverterDef = {
  name: 'UpperCase',
  params: [],
  create: (_a, _c, fail) => (v) =>
    v === null || v === undefined ? v : needString('UpperCase', v, fail).toUpperCase(),
};

export const lowerCase: ConverterDef = {
  name: 'LowerCase',
  params: [],
  create: (_a, _c, fail) => (v) =>
    v === null || v === undefined ? v : needString('LowerCase', v, fail).toLowerCase(),
};

/** Mask(mask_char='*'): every character replaced: 'foo' → '***'. */
export const mask: ConverterDef = {
  name: 'Mask',
  params: ['mask_char'],
  create(a, _c, fail) {
    const ch = a.str('mask_char', '*');
    if ([...ch].length !== 1) throw a.fail('argument "mask_char" must be a single character');
    return (v) => ch.repeat([...needString('Mask', v, fail)].length);
  },
};

/**
 * MiddleMask(start_mask_index, end_mask_offset, mask_char='*'): keeps the first `start_mask_index` and the last
 * `end_mask_offset` characters: MiddleMask(2, 3) of '0123456789' → '01*****789'. Strings too short to mask stay.
 */
export const middleMask: ConverterDef = {
  name: 'MiddleMask',
  params: ['start_mask_index', 'end_mask_offset', 'mask_char'],
  create(a, _c, fail) {
    const start = a.int('start_mask_index');
    const end = a.int('end_mask_offset');
    if (start === undefined || end === undefined)
      throw a.fail('needs the arguments "start_mask_index" and "end_mask_offset"');
    if (start < 0 || end < 0)
      throw a.fail('arguments "start_mask_index" and "end_mask_offset" must not be negative');
    const ch = a.str('mask_char', '*');
    if ([...ch].length !== 1) throw a.fail('argument "mask_char" must be a single character');
    return (v) => {
      const chars = [...needString('MiddleMask', v, fail)];
      // Same guard as DATAMIMIC: nothing is masked when an index reaches past the string.
      if (start >= chars.length || end >= chars.length || start > end) return v;
      const stop = chars.length - end;
      return (
        chars.slice(0, start).join('') + ch.repeat(Math.max(0, stop - start)) + chars.slice(stop).join('')
      );
    };
  },
};

/** CutLength(n): the first n characters: CutLength(3) of 'abcdef' → 'abc'. */
export const cutLength: ConverterDef = {
  name: 'CutLength',
  params: ['length_to_cut'],
  create(a, _c, fail) {
    const n = a.int('length_to_cut');
    if (n === undefined) throw a.fail('needs the argument "length_to_cut" (an integer)');
    if (n < 0) throw a.fail('argument "length_to_cut" must not be negative');
    return (v) => [...needString('CutLength', v, fail)].slice(0, n).join('');
  },
};

/** Append(append_str): Python `str(value)` followed by `append_str` (`None` counts as ''). */
export const append: ConverterDef = {
  name: 'Append',
  params: ['append_str'],
  create(a) {
    const s = a.str('append_str');
    if (s === undefined) throw a.fail('needs the argument "append_str" (a string)');
    return (v) => `${v === null || v === undefined ? '' : pyStr(v)}${s}`;
  },
};

/** JavaHash: Java's String.hashCode as 8 lower-case hex digits of the unsigned 32-bit value ('' → '00000000'). */
export const javaHash: ConverterDef = {
  name: 'JavaHash',
  params: [],
  create: (_a, _c, fail) => (v) => {
    let h = 0;
    for (const ch of needString('JavaHash', v, fail))
      h = (Math.imul(31, h) + (ch.codePointAt(0) as number)) | 0;
    return (h >>> 0).toString(16).padStart(8, '0');
  },
};

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object' && !(v instanceof Date)) return Object.keys(v).length === 0;
  return false;
}

function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune).filter((x) => !isEmpty(x));
  if (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof Date) &&
    Object.getPrototypeOf(v) === Object.prototype
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prune(x);
      if (!isEmpty(p)) out[k] = p;
    }
    return out;
  }
  return v;
}

/** RemoveNoneOrEmptyElement: drops None, '', [] and {} from lists and dicts, recursively (a copy). */
export const removeNoneOrEmptyElement: ConverterDef = {
  name: 'RemoveNoneOrEmptyElement',
  params: [],
  create: () => prune,
};
