import type { GeneratorDef } from './generator-def';

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const DIGITS = '0123456789'.split('');
const WORD = [...'abcdefghijklmnopqrstuvwxyz', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ...DIGITS, '_'];
const DEFAULT_SET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Expands a character set: a regex character class (`[a-zA-Z0-9]`, `[^aeiou]`, `[\d_-]`), a shorthand (`\d`,
 * `\w`) or, when neither, the literal characters to choose from. Returns undefined for a malformed class.
 */
export function expandCharSet(spec: string): string[] | undefined {
  let body = spec;
  let negate = false;
  if (spec.startsWith('[')) {
    if (!spec.endsWith(']') || spec.length < 3) return undefined;
    body = spec.slice(1, -1);
    if (body.startsWith('^')) {
      negate = true;
      body = body.slice(1);
    }
  } else if (!/^\\[dws]$/.test(spec)) {
    return Array.from(new Set(spec.split('')));
  }
  const out = new Set<string>();
  const chars = body.split('');
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i] as string;
    if (c === '\\') {
      const n = chars[++i];
      if (n === undefined) return undefined;
      if (n === 'd') {
        for (const d of DIGITS) out.add(d);
        continue;
      }
      if (n === 'w') {
        for (const d of WORD) out.add(d);
        continue;
      }
      if (n === 's') {
        out.add(' ');
        continue;
      }
      c = n;
    }
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      let end = chars[i + 2] as string;
      let skip = 2;
      if (end === '\\' && chars[i + 3] !== undefined) {
        end = chars[i + 3] as string;
        skip = 3;
      }
      const from = c.charCodeAt(0);
      const to = end.charCodeAt(0);
      if (to < from) return undefined;
      for (let k = from; k <= to; k++) out.add(String.fromCharCode(k));
      i += skip;
      continue;
    }
    out.add(c);
  }
  const list = negate ? PRINTABLE.filter((p) => !out.has(p)) : Array.from(out);
  return list.length ? list : undefined;
}

/**
 * StringGenerator(min_len=1, max_len=10, char_set='[A-Za-z0-9]', unique=False, prefix='', suffix=''):
 * random strings whose length is uniform in [min_len, max_len]. A missing bound follows DATAMIMIC: only max_len
 * → min_len = max_len // 2; only min_len → max_len = 2 * min_len. `unique` draws distinct characters.
 */
export const stringGenerator: GeneratorDef = {
  name: 'StringGenerator',
  params: ['min_len', 'max_len', 'char_set', 'unique', 'prefix', 'suffix'],
  create(a, ctx) {
    let min = a.int('min_len');
    let max = a.int('max_len');
    if (min === undefined && max === undefined) {
      min = 1;
      max = 10;
    } else if (min === undefined) min = Math.floor((max as number) / 2);
    else if (max === undefined) max = min * 2;
    const lo = min as number;
    const hi = max as number;
    if (lo < 0) throw a.fail('argument "min_len" must not be negative');
    if (lo > hi) throw a.fail(`argument "min_len" (${lo}) must not be greater than "max_len" (${hi})`);
    const spec = a.str('char_set') || DEFAULT_SET;
    const set = expandCharSet(spec);
    if (!set) throw a.fail(`argument "char_set" is not a valid character class: "${spec}"`);
    const unique = a.bool('unique', false);
    if (unique && set.length < hi)
      throw a.fail(
        `argument "char_set" has ${set.length} characters, too few for unique strings of length ${hi}`,
      );
    const prefix = a.str('prefix', '');
    const suffix = a.str('suffix', '');
    return {
      next() {
        const len = ctx.rng.int(lo, hi);
        let s = '';
        if (unique) s = ctx.rng.shuffle(set).slice(0, len).join('');
        else for (let i = 0; i < len; i++) s += ctx.rng.pick(set);
        return prefix + s + suffix;
      },
    };
  },
};
