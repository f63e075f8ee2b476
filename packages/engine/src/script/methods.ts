import { argOr, arity, asInt, asString, noKwargs } from './args';
import { callValue } from './call';
import type { Env } from './context';
import { fieldsToMs, PyDate, PyDateTime, PyTimedelta } from './datetime';
import { DATETIME_HELPERS } from './datetime-helpers';
import { checkLength, PyError, similarNames, typeError, valueError } from './errors';
import { formatValue, pyEq, pyGetItem, pyIter, pyRepr, pyStr, typeName } from './py-ops';
import {
  isPlainObject,
  type KwArgs,
  type MethodFn,
  MISSING,
  makeTuple,
  ownData,
  PyBoundMethod,
  PyCallable,
  PyNamespace,
} from './values';

/**
 * Attribute access and method calls. Every lookup goes through a Map of whitelisted names or an own enumerable
 * data property of a plain object; nothing ever reads a JS property by name from anything else, so prototypes,
 * constructors and host functions stay out of reach.
 */

/**
 * Attribute names never read, whatever the object holds (besides anything starting with `_`). Attribute lookups
 * only reach whitelisted tables and own data properties anyway; these are refused so that an attempt is a clear
 * error rather than a confusing "no attribute".
 */
export const FORBIDDEN_ATTRIBUTES = new Set(['constructor', 'prototype']);

export function forbiddenAttribute(name: string): boolean {
  return name.startsWith('_') || FORBIDDEN_ATTRIBUTES.has(name);
}

function m(fn: (self: never, args: unknown[], kwargs: KwArgs, env: Env) => unknown): MethodFn {
  return fn as MethodFn;
}

const WS = ' \t\n\r\x0b\x0c';

function stripChars(s: string, chars: unknown, left: boolean, right: boolean): string {
  const set = chars === undefined || chars === null ? WS : asString(chars, 'strip');
  let a = 0;
  let b = s.length;
  if (left) while (a < b && set.includes(s[a] as string)) a++;
  if (right) while (b > a && set.includes(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

function pySplit(s: string, sep: unknown, maxsplit: number): string[] {
  if (sep === null || sep === undefined) {
    const out: string[] = [];
    let rest = s.replace(/^\s+/, '');
    while (rest !== '') {
      if (maxsplit >= 0 && out.length >= maxsplit) {
        out.push(rest.replace(/\s+$/, ''));
        return out;
      }
      const m = /\s+/.exec(rest);
      if (!m) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return out;
  }
  const sp = asString(sep, 'split', 'sep');
  if (sp === '') throw valueError('empty separator');
  const parts = s.split(sp);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sp)];
}

function pad(s: string, width: unknown, fill: unknown, where: 'l' | 'r' | 'c', fn: string): string {
  const w = asInt(width, fn, 'width');
  checkLength(w, `${fn}() width`);
  const f = fill === undefined ? ' ' : asString(fill, fn, 'fillchar');
  if (f.length !== 1) throw typeError(`${fn}(): the fill character must be exactly one character long`);
  const n = w - s.length;
  if (n <= 0) return s;
  if (where === 'l') return s + f.repeat(n);
  if (where === 'r') return f.repeat(n) + s;
  // CPython puts the extra character on the right unless the string length and width make it go left
  const left = Math.floor(n / 2) + (n & w & 1);
  return f.repeat(left) + s + f.repeat(n - left);
}

function prefixTest(s: string, p: unknown, fn: string, test: (s: string, p: string) => boolean): boolean {
  if (Array.isArray(p)) return p.some((x) => test(s, asString(x, fn)));
  return test(s, asString(p, fn));
}

/** `'{} {name:>5}'.format(a, name=b)`. */
export function strFormat(fmt: string, args: unknown[], kwargs: KwArgs): string {
  let auto = 0;
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i] as string;
    if (c === '{' && fmt[i + 1] === '{') {
      out += '{';
      i += 2;
    } else if (c === '}' && fmt[i + 1] === '}') {
      out += '}';
      i += 2;
    } else if (c === '{') {
      const end = fmt.indexOf('}', i);
      if (end < 0) throw valueError("Single '{' encountered in format string");
      const field = fmt.slice(i + 1, end);
      const mm = /^([^!:.[]*)((?:\.[A-Za-z_]\w*|\[[^\]]*\])*)(?:!([rs]))?(?::(.*))?$/.exec(field);
      if (!mm) throw valueError(`invalid format field '{${field}}'`);
      const [, key = '', path = '', conv, spec = ''] = mm;
      let v: unknown;
      if (key === '') {
        if (auto >= args.length)
          throw new PyError('IndexError', `Replacement index ${auto} out of range for positional args tuple`);
        v = args[auto++];
      } else if (/^\d+$/.test(key)) {
        const n = Number(key);
        if (n >= args.length)
          throw new PyError('IndexError', `Replacement index ${n} out of range for positional args tuple`);
        v = args[n];
      } else {
        if (kwargs === null || !kwargs.has(key)) throw new PyError('KeyError', `'${key}'`);
        v = kwargs.get(key);
      }
      for (const seg of path.match(/\.[A-Za-z_]\w*|\[[^\]]*\]/g) ?? []) {
        if (seg.startsWith('.')) v = getAttr(v, seg.slice(1));
        else {
          const k = seg.slice(1, -1);
          v = pyGetItem(v, /^\d+$/.test(k) ? Number(k) : k);
        }
      }
      if (conv === 'r') v = pyRepr(v);
      else if (conv === 's') v = pyStr(v);
      out += formatValue(v, spec);
      i = end + 1;
    } else if (c === '}') {
      throw valueError("Single '}' encountered in format string");
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const STR_METHODS = new Map<string, MethodFn>([
  ['upper', m((s: string) => s.toUpperCase())],
  ['lower', m((s: string) => s.toLowerCase())],
  ['casefold', m((s: string) => s.toLowerCase())],
  [
    'swapcase',
    m((s: string) =>
      Array.from(s, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
    ),
  ],
  [
    'title',
    m((s: string) => s.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())),
  ],
  ['capitalize', m((s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase())],
  ['strip', m((s: string, a) => stripChars(s, a[0], true, true))],
  ['lstrip', m((s: string, a) => stripChars(s, a[0], true, false))],
  ['rstrip', m((s: string, a) => stripChars(s, a[0], false, true))],
  [
    'split',
    m((s: string, a, k) =>
      pySplit(s, argOr(a, k, 0, 'sep', null), asInt(argOr(a, k, 1, 'maxsplit', -1), 'split', 'maxsplit')),
    ),
  ],
  [
    'splitlines',
    m((s: string) =>
      s === '' ? [] : s.replace(/\r\n|\r|\n$/, (x) => (x === '\r' || x === '\r\n' ? '\n' : '')).split(/\n/),
    ),
  ],
  [
    'join',
    m((s: string, a) => {
      arity('join', a, 1, 1);
      const items = pyIter(a[0]);
      checkLength(items.length, 'join');
      return items
        .map((x, i) => {
          if (typeof x !== 'string')
            throw typeError(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
          return x;
        })
        .join(s);
    }),
  ],
  [
    'replace',
    m((s: string, a) => {
      arity('replace', a, 2, 3);
      const old = asString(a[0], 'replace');
      const neu = asString(a[1], 'replace');
      const count = a[2] === undefined ? -1 : asInt(a[2], 'replace', 'count');
      const parts = s.split(old);
      if (old === '') {
        // Python inserts the replacement between every character and at both ends
        const chars = Array.from(s);
        const n = count < 0 ? chars.length + 1 : Math.min(count, chars.length + 1);
        let out = '';
        for (let i = 0; i < chars.length; i++) out += (i < n ? neu : '') + chars[i];
        return out + (n > chars.length ? neu : '');
      }
      if (count < 0 || parts.length - 1 <= count) {
        checkLength(s.length + (parts.length - 1) * (neu.length - old.length), 'replace');
        return parts.join(neu);
      }
      return parts.slice(0, count + 1).join(neu) + old + parts.slice(count + 1).join(old);
    }),
  ],
  ['startswith', m((s: string, a) => prefixTest(s, a[0], 'startswith', (x, p) => x.startsWith(p)))],
  ['endswith', m((s: string, a) => prefixTest(s, a[0], 'endswith', (x, p) => x.endsWith(p)))],
  [
    'find',
    m((s: string, a) => s.indexOf(asString(a[0], 'find'), a[1] === undefined ? 0 : asInt(a[1], 'find'))),
  ],
  ['rfind', m((s: string, a) => s.lastIndexOf(asString(a[0], 'rfind')))],
  [
    'index',
    m((s: string, a) => {
      const i = s.indexOf(asString(a[0], 'index'));
      if (i < 0) throw valueError('substring not found');
      return i;
    }),
  ],
  [
    'count',
    m((s: string, a) => {
      const sub = asString(a[0], 'count');
      if (sub === '') return s.length + 1;
      return s.split(sub).length - 1;
    }),
  ],
  [
    'zfill',
    m((s: string, a) => {
      const w = asInt(a[0], 'zfill', 'width');
      checkLength(w, 'zfill() width');
      if (s.length >= w) return s;
      const sign = s[0] === '-' || s[0] === '+' ? (s[0] as string) : '';
      return sign + '0'.repeat(w - s.length) + s.slice(sign.length);
    }),
  ],
  ['center', m((s: string, a) => pad(s, a[0], a[1], 'c', 'center'))],
  ['ljust', m((s: string, a) => pad(s, a[0], a[1], 'l', 'ljust'))],
  ['rjust', m((s: string, a) => pad(s, a[0], a[1], 'r', 'rjust'))],
  ['format', m((s: string, a, k) => strFormat(s, a, k))],
  ['isdigit', m((s: string) => /^\d+$/.test(s))],
  ['isnumeric', m((s: string) => /^\p{N}+$/u.test(s))],
  ['isdecimal', m((s: string) => /^\d+$/.test(s))],
  ['isalpha', m((s: string) => /^\p{L}+$/u.test(s))],
  ['isalnum', m((s: string) => /^[\p{L}\p{N}]+$/u.test(s))],
  ['isspace', m((s: string) => /^\s+$/.test(s))],
  ['isupper', m((s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s))],
  ['islower', m((s: string) => /\p{Ll}/u.test(s) && !/\p{Lu}/u.test(s))],
  [
    'partition',
    m((s: string, a) => {
      const sep = asString(a[0], 'partition');
      const i = s.indexOf(sep);
      return makeTuple(i < 0 ? [s, '', ''] : [s.slice(0, i), sep, s.slice(i + sep.length)]);
    }),
  ],
  [
    'removeprefix',
    m((s: string, a) => {
      const p = asString(a[0], 'removeprefix');
      return s.startsWith(p) ? s.slice(p.length) : s;
    }),
  ],
  [
    'removesuffix',
    m((s: string, a) => {
      const p = asString(a[0], 'removesuffix');
      return p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s;
    }),
  ],
]);

const LIST_METHODS = new Map<string, MethodFn>([
  [
    'index',
    m((l: unknown[], a) => {
      for (let i = 0; i < l.length; i++) if (pyEq(l[i], a[0])) return i;
      throw valueError(`${pyRepr(a[0])} is not in list`);
    }),
  ],
  ['count', m((l: unknown[], a) => l.filter((x) => pyEq(x, a[0])).length)],
  ['copy', m((l: unknown[]) => l.slice())],
]);

function dictGet(d: unknown, key: unknown, dflt: unknown): unknown {
  if (d instanceof Map) return d.has(key) ? d.get(key) : dflt;
  if (typeof key !== 'string' && typeof key !== 'number') return dflt;
  const v = ownData(d as object, String(key));
  return v === MISSING ? dflt : v;
}

const DICT_METHODS = new Map<string, MethodFn>([
  [
    'get',
    m((d: object, a) => {
      arity('get', a, 1, 2);
      return dictGet(d, a[0], a[1] ?? null);
    }),
  ],
  ['keys', m((d: object) => (d instanceof Map ? [...d.keys()] : Object.keys(d)))],
  [
    'values',
    m((d: object) =>
      d instanceof Map ? [...d.values()] : Object.keys(d).map((k) => (d as Record<string, unknown>)[k]),
    ),
  ],
  [
    'items',
    m((d: object) =>
      d instanceof Map
        ? [...d].map((e) => makeTuple(e))
        : Object.keys(d).map((k) => makeTuple([k, (d as Record<string, unknown>)[k]])),
    ),
  ],
  ['copy', m((d: object) => (d instanceof Map ? new Map(d) : { ...d }))],
]);

const REPLACE_FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond'] as const;

const TEMPORAL_METHODS = new Map<string, MethodFn>([
  [
    'strftime',
    m((t: PyDateTime | PyDate, a) => {
      arity('strftime', a, 1, 1);
      return t.strftime(asString(a[0], 'strftime'));
    }),
  ],
  [
    'isoformat',
    m((t: PyDateTime | PyDate, a) =>
      t instanceof PyDateTime
        ? t.isoformat(a[0] === undefined ? 'T' : asString(a[0], 'isoformat'))
        : t.isoformat(),
    ),
  ],
  ['weekday', m((t: PyDateTime | PyDate) => t.weekday())],
  ['isoweekday', m((t: PyDateTime | PyDate) => t.isoweekday())],
  ['date', m((t: PyDateTime | PyDate) => (t instanceof PyDateTime ? t.date() : t))],
  ['timestamp', m((t: PyDateTime | PyDate) => t.ms / 1000)],
  [
    'replace',
    m((t: PyDateTime | PyDate, a, k) => {
      const fields: number[] = REPLACE_FIELDS.map((f) => t[f]);
      a.forEach((v, i) => {
        fields[i] = asInt(v, 'replace');
      });
      if (k !== null) {
        for (const [name, v] of k) {
          const idx = REPLACE_FIELDS.indexOf(name as (typeof REPLACE_FIELDS)[number]);
          if (idx < 0 || (t instanceof PyDate && idx > 2))
            throw typeError(`replace() got an unexpected keyword argument '${name}'`);
          fields[idx] = asInt(v, 'replace', name);
        }
      }
      const ms = fieldsToMs(...(fields as [number, number, number, number, number, number, number]));
      return t instanceof PyDateTime ? new PyDateTime(ms) : new PyDate(ms);
    }),
  ],
]);

// DATAMIMIC's chainable helpers: dt.add_days(30).end_of_month()
for (const [name, helper] of DATETIME_HELPERS) {
  TEMPORAL_METHODS.set(
    name,
    m((t: PyDateTime | PyDate, a) => helper(t, a)),
  );
}

const TIMEDELTA_METHODS = new Map<string, MethodFn>([
  ['total_seconds', m((t: PyTimedelta) => t.total_seconds())],
]);

function methodTable(obj: unknown): Map<string, MethodFn> | undefined {
  if (typeof obj === 'string') return STR_METHODS;
  if (Array.isArray(obj)) return LIST_METHODS;
  if (obj instanceof PyDateTime || obj instanceof PyDate) return TEMPORAL_METHODS;
  if (obj instanceof PyTimedelta) return TIMEDELTA_METHODS;
  if (obj instanceof Map || isPlainObject(obj)) return DICT_METHODS;
  return undefined;
}

function dataAttribute(obj: unknown, name: string): unknown {
  if (obj instanceof PyDateTime || obj instanceof PyDate) {
    switch (name) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
      case 'microsecond':
        if (obj instanceof PyDate && !['year', 'month', 'day'].includes(name)) return MISSING;
        return obj[name];
    }
    return MISSING;
  }
  if (obj instanceof PyTimedelta) {
    if (name === 'days' || name === 'seconds' || name === 'microseconds') return obj[name];
    return MISSING;
  }
  if (isPlainObject(obj)) return ownData(obj, name);
  return MISSING;
}

function refuse(name: string): PyError {
  return new PyError(
    'SandboxError',
    `access to attribute '${name}' is not allowed in scripts`,
    'attributes starting with "_" and JavaScript internals (constructor, prototype, ...) are not reachable',
  );
}

function missing(obj: unknown, name: string): PyError {
  let candidates: string[] = [];
  if (obj instanceof PyNamespace) candidates = [...obj.members.keys()];
  else if (isPlainObject(obj)) candidates = Object.keys(obj);
  const table = methodTable(obj);
  if (table) candidates = candidates.concat([...table.keys()]);
  const similar = similarNames(name, candidates);
  const what = obj instanceof PyNamespace ? `${obj.kind} '${obj.name}'` : `'${typeName(obj)}' object`;
  let hint: string | undefined;
  if (obj instanceof PyNamespace && obj.name === 'fake')
    hint = `mapped faker methods: ${[...obj.members.keys()].join(', ')}`;
  else if (isPlainObject(obj))
    hint = `available keys: ${Object.keys(obj).slice(0, 30).join(', ') || '(none)'}`;
  return new PyError(
    'AttributeError',
    `${what} has no attribute '${name}'${similar.length ? `; did you mean: ${similar.map((s) => `'${s}'`).join(', ')}?` : ''}`,
    hint,
  );
}

/** `obj.name` */
export function getAttr(obj: unknown, name: string): unknown {
  if (forbiddenAttribute(name)) throw refuse(name);
  if (obj instanceof PyNamespace) {
    if (obj.members.has(name)) return obj.members.get(name);
    throw missing(obj, name);
  }
  const data = dataAttribute(obj, name);
  if (data !== MISSING) return data;
  const table = methodTable(obj);
  const fn = table?.get(name);
  if (fn !== undefined) return new PyBoundMethod(obj, name, fn);
  if (obj === null || obj === undefined)
    throw new PyError(
      'AttributeError',
      `'NoneType' object has no attribute '${name}'`,
      'the value is None: check that the key/variable is set before this expression',
    );
  throw missing(obj, name);
}

/** `obj.name(args)` without allocating a bound method. */
export function callMethod(obj: unknown, name: string, args: unknown[], kwargs: KwArgs, env: Env): unknown {
  if (forbiddenAttribute(name)) throw refuse(name);
  if (obj instanceof PyNamespace) {
    if (!obj.members.has(name)) throw missing(obj, name);
    return callValue(obj.members.get(name), args, kwargs, env);
  }
  if (isPlainObject(obj)) {
    // an entity field holding a callable (a lambda) wins; otherwise dict methods apply, as for a Python dict
    const v = ownData(obj, name);
    if (v !== MISSING && (v instanceof PyCallable || !DICT_METHODS.has(name)))
      return callValue(v, args, kwargs, env);
  }
  const table = methodTable(obj);
  const fn = table?.get(name);
  if (fn !== undefined) {
    if (kwargs !== null && name !== 'format' && name !== 'replace' && name !== 'split')
      noKwargs(name, kwargs);
    return (fn as (s: unknown, a: unknown[], k: KwArgs, e: Env) => unknown)(obj, args, kwargs, env);
  }
  const data = dataAttribute(obj, name);
  if (data !== MISSING) return callValue(data, args, kwargs, env);
  if (obj === null || obj === undefined)
    throw new PyError(
      'AttributeError',
      `'NoneType' object has no attribute '${name}'`,
      'the value is None: check that the key/variable is set before this expression',
    );
  throw missing(obj, name);
}
