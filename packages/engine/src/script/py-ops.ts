import { PyDate, PyDateTime, PyTimedelta } from './datetime';
import { checkLength, PyError, typeError, valueError } from './errors';
import { isPlainObject, isTuple, makeTuple, PyCallable, PyNamespace } from './values';

/**
 * Python semantics of the value operations: truthiness, str()/repr(), equality, ordering, arithmetic,
 * membership, iteration, indexing and format specs. Numbers are JS numbers: int and float are not told apart
 * (an integer-valued number behaves and prints like an int).
 */

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'string':
      return 'str';
    case 'function':
      return 'function';
  }
  if (Array.isArray(v)) return isTuple(v) ? 'tuple' : 'list';
  if (v instanceof PyDateTime) return 'datetime';
  if (v instanceof PyDate) return 'date';
  if (v instanceof PyTimedelta) return 'timedelta';
  if (v instanceof PyNamespace) return v.kind === 'module' ? 'module' : 'type';
  if (v instanceof PyCallable) return 'function';
  if (v instanceof Map) return 'dict';
  if (v instanceof Set) return 'set';
  if (isPlainObject(v)) return 'dict';
  return 'object';
}

export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (v === true) return true;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyTimedelta) return v.ms !== 0;
  if (v instanceof Map || v instanceof Set) return v.size > 0;
  if (isPlainObject(v)) {
    for (const k in v) if (Object.hasOwn(v, k)) return true;
    return false;
  }
  return true;
}

/** Python repr of a float (shortest round-trip digits, Python exponent style). */
export function numStr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Number.POSITIVE_INFINITY) return 'inf';
  if (n === Number.NEGATIVE_INFINITY) return '-inf';
  if (Number.isInteger(n)) {
    if (Math.abs(n) < 1e21) return Object.is(n, -0) ? '0' : String(n);
    return BigInt(n).toString();
  }
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) {
    // Python switches to exponent notation below 1e-4; JS only below 1e-6.
    if (Math.abs(n) < 1e-4) return fixExponent(n.toExponential());
    return s;
  }
  return fixExponent(s);
}

function fixExponent(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

const REPR_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const esc = Object.hasOwn(REPR_ESCAPES, ch) ? REPR_ESCAPES[ch] : undefined;
    if (esc !== undefined) out += esc;
    else if (ch === quote) out += `\\${ch}`;
    else if (ch < ' ' || ch === '\x7f') out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python `str()`. */
export function pyStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numStr(v);
  return pyRepr(v);
}

/** Python `repr()`. */
export function pyRepr(v: unknown, seen: Set<unknown> = new Set()): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return numStr(v);
  if (typeof v === 'string') return strRepr(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof PyDateTime || v instanceof PyDate || v instanceof PyTimedelta) return v.toString();
  if (v instanceof Date) return new PyDateTime(v.getTime()).toString();
  if (v instanceof PyCallable) return `<${typeName(v)} ${v.name}>`;
  if (typeof v !== 'object') return `<${typeof v}>`;
  if (seen.has(v)) return Array.isArray(v) ? '[...]' : '{...}';
  seen.add(v);
  try {
    if (Array.isArray(v)) {
      const inner = v.map((x) => pyRepr(x, seen)).join(', ');
      if (isTuple(v)) return v.length === 1 ? `(${inner},)` : `(${inner})`;
      return `[${inner}]`;
    }
    if (v instanceof Set)
      return v.size === 0 ? 'set()' : `{${[...v].map((x) => pyRepr(x, seen)).join(', ')}}`;
    if (v instanceof Map)
      return `{${[...v].map(([k, x]) => `${pyRepr(k, seen)}: ${pyRepr(x, seen)}`).join(', ')}}`;
    const parts: string[] = [];
    for (const k of Object.keys(v))
      parts.push(`${strRepr(k)}: ${pyRepr((v as Record<string, unknown>)[k], seen)}`);
    return `{${parts.join(', ')}}`;
  } finally {
    seen.delete(v);
  }
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** Python `==` (deep for lists/tuples/dicts, by value for datetimes; 1 == True). */
export function pyEq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null) return a === b;
  const na = num(a);
  if (na !== undefined) return na === num(b);
  if (typeof a === 'string' || typeof b === 'string') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || isTuple(a) !== isTuple(b)) return false;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof PyDateTime || a instanceof PyDate || a instanceof PyTimedelta) {
    return b instanceof a.constructor && (b as { ms: number }).ms === a.ms;
  }
  if (a instanceof Set) {
    if (!(b instanceof Set) || a.size !== b.size) return false;
    for (const x of a) if (!pyContains(b, x)) return false;
    return true;
  }
  const ea = dictEntries(a);
  const eb = dictEntries(b);
  if (ea && eb) {
    if (ea.length !== eb.length) return false;
    const mb = new Map(eb);
    for (const [k, x] of ea) {
      if (!mb.has(k) || !pyEq(x, mb.get(k))) return false;
    }
    return true;
  }
  return false;
}

export function dictEntries(v: unknown): [unknown, unknown][] | undefined {
  if (v instanceof Map) return [...v];
  if (isPlainObject(v)) return Object.keys(v).map((k) => [k, v[k]]);
  return undefined;
}

/** Python ordering: negative, zero or positive; TypeError for unorderable pairs. */
export function pyCompare(a: unknown, b: unknown, op: string): number {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) return na < nb ? -1 : na > nb ? 1 : na === nb ? 0 : Number.NaN;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b) && isTuple(a) === isTuple(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i], b[i])) return pyCompare(a[i], b[i], op);
    }
    return a.length - b.length;
  }
  if (
    (a instanceof PyDateTime && b instanceof PyDateTime) ||
    (a instanceof PyDate && b instanceof PyDate) ||
    (a instanceof PyTimedelta && b instanceof PyTimedelta)
  ) {
    return a.ms - b.ms;
  }
  throw typeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

function unsupported(op: string, a: unknown, b: unknown): PyError {
  return typeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function repeat<T>(seq: T[] | string, times: number): T[] | string {
  if (!Number.isInteger(times)) throw typeError(`can't multiply sequence by non-int of type 'float'`);
  const n = Math.max(0, times);
  checkLength(seq.length * n, 'repetition');
  if (typeof seq === 'string') return seq.repeat(n);
  const out: T[] = [];
  for (let i = 0; i < n; i++) for (const x of seq) out.push(x);
  return isTuple(seq) ? (makeTuple(out) as T[]) : out;
}

export function pyAdd(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') {
    checkLength(a.length + b.length, 'string concatenation');
    return a + b;
  }
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) return na + nb;
  if (Array.isArray(a) && Array.isArray(b) && isTuple(a) === isTuple(b)) {
    checkLength(a.length + b.length, 'list concatenation');
    const out = a.concat(b);
    return isTuple(a) ? makeTuple(out) : out;
  }
  if (b instanceof PyTimedelta) {
    if (a instanceof PyDateTime) return new PyDateTime(a.ms + b.ms);
    if (a instanceof PyDate) return new PyDate(a.ms + Math.trunc(b.ms / 86_400_000) * 86_400_000);
    if (a instanceof PyTimedelta) return new PyTimedelta(a.ms + b.ms);
  }
  if (a instanceof PyTimedelta && (b instanceof PyDateTime || b instanceof PyDate)) return pyAdd(b, a);
  throw unsupported('+', a, b);
}

export function pySub(a: unknown, b: unknown): unknown {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) return na - nb;
  if (b instanceof PyTimedelta) {
    if (a instanceof PyDateTime) return new PyDateTime(a.ms - b.ms);
    if (a instanceof PyDate) return new PyDate(a.ms - Math.trunc(b.ms / 86_400_000) * 86_400_000);
    if (a instanceof PyTimedelta) return new PyTimedelta(a.ms - b.ms);
  }
  if ((a instanceof PyDateTime && b instanceof PyDateTime) || (a instanceof PyDate && b instanceof PyDate)) {
    return new PyTimedelta(a.ms - b.ms);
  }
  if (a instanceof Set && b instanceof Set) return new Set([...a].filter((x) => !b.has(x)));
  throw unsupported('-', a, b);
}

export function pyMul(a: unknown, b: unknown): unknown {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) return na * nb;
  if ((typeof a === 'string' || Array.isArray(a)) && nb !== undefined) return repeat(a, nb);
  if ((typeof b === 'string' || Array.isArray(b)) && na !== undefined) return repeat(b, na);
  if (a instanceof PyTimedelta && nb !== undefined) return new PyTimedelta(a.ms * nb);
  if (b instanceof PyTimedelta && na !== undefined) return new PyTimedelta(b.ms * na);
  throw unsupported('*', a, b);
}

function zeroDiv(what: string): PyError {
  return new PyError('ZeroDivisionError', what);
}

export function pyDiv(a: unknown, b: unknown): unknown {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) {
    if (nb === 0) throw zeroDiv('division by zero');
    return na / nb;
  }
  if (a instanceof PyTimedelta) {
    if (nb !== undefined) {
      if (nb === 0) throw zeroDiv('division by zero');
      return new PyTimedelta(a.ms / nb);
    }
    if (b instanceof PyTimedelta) {
      if (b.ms === 0) throw zeroDiv('division by zero');
      return a.ms / b.ms;
    }
  }
  throw unsupported('/', a, b);
}

export function pyFloorDiv(a: unknown, b: unknown): unknown {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) {
    if (nb === 0) throw zeroDiv('integer division or modulo by zero');
    return Math.floor(na / nb);
  }
  if (a instanceof PyTimedelta && b instanceof PyTimedelta) {
    if (b.ms === 0) throw zeroDiv('integer division or modulo by zero');
    return Math.floor(a.ms / b.ms);
  }
  throw unsupported('//', a, b);
}

export function pyMod(a: unknown, b: unknown): unknown {
  if (typeof a === 'string') return percentFormat(a, b);
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) {
    if (nb === 0) throw zeroDiv('integer division or modulo by zero');
    const r = na % nb;
    // Python: the result has the sign of the divisor.
    return r !== 0 && r < 0 !== nb < 0 ? r + nb : r;
  }
  throw unsupported('%', a, b);
}

export function pyPow(a: unknown, b: unknown): unknown {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) {
    if (na === 0 && nb < 0) throw zeroDiv('0.0 cannot be raised to a negative power');
    return na ** nb;
  }
  throw unsupported('**', a, b);
}

export function pyNeg(a: unknown): unknown {
  const n = num(a);
  if (n !== undefined) return -n;
  if (a instanceof PyTimedelta) return new PyTimedelta(-a.ms);
  throw typeError(`bad operand type for unary -: '${typeName(a)}'`);
}

export function pyPos(a: unknown): unknown {
  const n = num(a);
  if (n !== undefined) return n;
  if (a instanceof PyTimedelta) return a;
  throw typeError(`bad operand type for unary +: '${typeName(a)}'`);
}

/** Python `x in container`. */
export function pyContains(container: unknown, item: unknown): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string')
      throw typeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (Array.isArray(container)) {
    for (const x of container) if (pyEq(x, item)) return true;
    return false;
  }
  if (container instanceof Set) {
    if (container.has(item)) return true;
    for (const x of container) if (pyEq(x, item)) return true;
    return false;
  }
  if (container instanceof Map) return container.has(item);
  if (isPlainObject(container)) {
    if (typeof item !== 'string' && typeof item !== 'number') return false;
    return Object.hasOwn(container, String(item));
  }
  throw typeError(`argument of type '${typeName(container)}' is not iterable`);
}

/** The items of an iterable value (a fresh array unless the value already is one). */
export function pyIter(v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return Array.from(v);
  if (v instanceof Set) return [...v];
  if (v instanceof Map) return [...v.keys()];
  if (isPlainObject(v)) return Object.keys(v);
  throw typeError(`'${typeName(v)}' object is not iterable`);
}

function toIndex(i: unknown, what: string): number {
  const n = num(i);
  if (n === undefined || !Number.isInteger(n))
    throw typeError(`${what} indices must be integers, not ${typeName(i)}`);
  return n;
}

/** `obj[key]` for lists, tuples, strings and dicts. */
export function pyGetItem(obj: unknown, key: unknown): unknown {
  if (Array.isArray(obj) || typeof obj === 'string') {
    const what = typeof obj === 'string' ? 'string' : typeName(obj);
    let i = toIndex(key, what);
    if (i < 0) i += obj.length;
    if (i < 0 || i >= obj.length) throw new PyError('IndexError', `${what} index out of range`);
    return obj[i];
  }
  if (obj instanceof Map) {
    if (!obj.has(key)) throw new PyError('KeyError', pyRepr(key));
    return obj.get(key);
  }
  if (isPlainObject(obj)) {
    const k =
      typeof key === 'string'
        ? key
        : typeof key === 'number' || typeof key === 'boolean'
          ? pyStr(key)
          : undefined;
    if (k === undefined) throw typeError(`unhashable or unsupported key type: '${typeName(key)}'`);
    const d = Object.getOwnPropertyDescriptor(obj, k);
    if (d === undefined || !('value' in d)) {
      const keys = Object.keys(obj);
      throw new PyError(
        'KeyError',
        `${strRepr(k)} (keys: ${keys.slice(0, 20).join(', ')}${keys.length > 20 ? ', ...' : ''})`,
      );
    }
    return d.value;
  }
  throw typeError(`'${typeName(obj)}' object is not subscriptable`);
}

/** `obj[lo:hi:step]` with Python's clamping rules. */
export function pySlice(obj: unknown, lo: unknown, hi: unknown, step: unknown): unknown {
  if (!(Array.isArray(obj) || typeof obj === 'string'))
    throw typeError(`'${typeName(obj)}' object is not subscriptable`);
  const len = obj.length;
  const st = step === null || step === undefined ? 1 : toIndex(step, 'slice');
  if (st === 0) throw valueError('slice step cannot be zero');
  const norm = (v: unknown, dflt: number): number => {
    if (v === null || v === undefined) return dflt;
    let i = toIndex(v, 'slice');
    if (i < 0) i += len;
    if (st > 0) return Math.min(Math.max(i, 0), len);
    return Math.min(Math.max(i, -1), len - 1);
  };
  const start = norm(lo, st > 0 ? 0 : len - 1);
  const stop = norm(hi, st > 0 ? len : -1);
  if (typeof obj === 'string' && st === 1) return obj.slice(start, Math.max(start, stop));
  const out: unknown[] = [];
  if (st > 0) for (let i = start; i < stop; i += st) out.push(obj[i]);
  else for (let i = start; i > stop; i += st) out.push(obj[i]);
  if (typeof obj === 'string') return out.join('');
  return isTuple(obj) ? makeTuple(out) : out;
}

// ---------------------------------------------------------------------------------------------------------
// Format specs: `format(x, spec)`, f'{x:spec}', '{:spec}'.format(x), '%05d' % x.

const SPEC_RE = /^(?:([\s\S])?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/;

/** `x.toFixed(p)` with Python's round-half-even on exact ties. */
export function toFixedPy(x: number, p: number): string {
  const s = x.toFixed(p);
  const exact = Math.abs(x).toFixed(Math.min(100, p + 30));
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + p);
  if (/^50*$/.test(tail)) {
    // exact tie: JS rounded away from zero; Python rounds to even
    const lastDigit = Number(p === 0 ? exact.slice(0, dot).slice(-1) : exact[dot + p]);
    if (lastDigit % 2 === 0) {
      const truncated = exact.slice(0, p === 0 ? dot : dot + 1 + p);
      return (x < 0 && Number(truncated) !== 0 ? '-' : '') + truncated;
    }
  }
  return s;
}

function groupDigits(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Python `format(value, spec)`. */
export function formatValue(value: unknown, spec: string): string {
  if (spec === '') return pyStr(value);
  if (value instanceof PyDateTime || value instanceof PyDate) return value.strftime(spec);
  const m = SPEC_RE.exec(spec);
  if (!m) throw valueError(`Invalid format specifier '${spec}'`);
  const [, fillCh, alignCh, sign = '-', alt, zero, widthS, grouping, precS, typeCh] = m;
  let fill = fillCh ?? ' ';
  let align = alignCh;
  const width = widthS ? Number(widthS) : 0;
  checkLength(width, 'format width');
  const prec = precS === undefined ? undefined : Number(precS);
  let body: string;
  let numeric = false;
  let negative = false;
  const n = num(value);
  if (n !== undefined && typeCh !== 's' && typeCh !== 'c') {
    numeric = true;
    negative = n < 0 || Object.is(n, -0);
    const a = Math.abs(n);
    let type = typeCh;
    if (type === undefined)
      type = Number.isInteger(n) && prec === undefined ? 'd' : prec === undefined ? 'r' : 'g';
    switch (type) {
      case 'd':
      case 'n':
        if (!Number.isInteger(n)) throw valueError(`Unknown format code 'd' for object of type 'float'`);
        body = numStr(a);
        break;
      case 'r':
        body = numStr(a);
        break;
      case 'f':
      case 'F':
        body = Number.isFinite(a) ? toFixedPy(a, prec ?? 6) : numStr(a);
        break;
      case 'e':
      case 'E': {
        body = fixExponent(a.toExponential(prec ?? 6));
        if (type === 'E') body = body.toUpperCase();
        break;
      }
      case '%':
        body = `${toFixedPy(a * 100, prec ?? 6)}%`;
        break;
      case 'g':
      case 'G': {
        const p = prec === 0 ? 1 : (prec ?? 6);
        const exp = a === 0 ? 0 : Math.floor(Math.log10(a));
        if (exp < -4 || exp >= p) body = fixExponent(a.toExponential(p - 1)).replace(/\.?0+e/, 'e');
        else {
          body = toFixedPy(a, Math.max(0, p - 1 - exp));
          if (body.includes('.') && !alt) body = body.replace(/\.?0+$/, '');
        }
        if (type === 'G') body = body.toUpperCase();
        break;
      }
      case 'x':
      case 'X':
      case 'o':
      case 'b': {
        if (!Number.isInteger(n))
          throw valueError(`Unknown format code '${type}' for object of type 'float'`);
        const base = type === 'o' ? 8 : type === 'b' ? 2 : 16;
        body = a.toString(base);
        if (type === 'X') body = body.toUpperCase();
        if (alt) body = `0${type === 'X' ? 'X' : type}${body}`;
        break;
      }
      default:
        throw valueError(`Unknown format code '${type}' for object of type '${typeName(value)}'`);
    }
    if (grouping) {
      const dot = body.search(/[.e%]/);
      const intPart = dot < 0 ? body : body.slice(0, dot);
      if (/^\d+$/.test(intPart)) body = groupDigits(intPart, grouping) + (dot < 0 ? '' : body.slice(dot));
    }
  } else {
    if (typeCh !== undefined && typeCh !== 's') {
      if (typeCh === 'c' && n !== undefined) body = String.fromCodePoint(n);
      else throw valueError(`Unknown format code '${typeCh}' for object of type '${typeName(value)}'`);
    } else {
      body = pyStr(value);
      if (prec !== undefined) body = body.slice(0, prec);
    }
  }
  let signStr = '';
  if (numeric) signStr = negative ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
  if (zero && align === undefined) {
    fill = '0';
    align = '=';
  }
  if (align === undefined) align = numeric ? '>' : '<';
  const len = signStr.length + body.length;
  if (len >= width) return signStr + body;
  const padN = width - len;
  switch (align) {
    case '<':
      return signStr + body + fill.repeat(padN);
    case '^':
      return fill.repeat(Math.floor(padN / 2)) + signStr + body + fill.repeat(padN - Math.floor(padN / 2));
    case '=':
      return signStr + fill.repeat(padN) + body;
    default:
      return fill.repeat(padN) + signStr + body;
  }
}

/** `'%s is %05.2f' % (a, b)` (printf-style formatting). */
export function percentFormat(fmt: string, args: unknown): string {
  const list = isTuple(args) ? (args as unknown[]) : [args];
  const mapping = isPlainObject(args) || args instanceof Map ? args : null;
  let i = 0;
  const out = fmt.replace(
    /%(?:\(([^)]*)\))?([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?([sdirfFeExXogGc%])/g,
    (
      _w,
      key: string | undefined,
      flags: string,
      width: string | undefined,
      prec: string | undefined,
      conv: string,
    ) => {
      if (conv === '%') return '%';
      let v: unknown;
      if (key !== undefined) {
        if (!mapping) throw typeError('format requires a mapping');
        v = pyGetItem(mapping, key);
      } else {
        if (i >= list.length) throw typeError('not enough arguments for format string');
        v = list[i++];
      }
      let w = width;
      if (w === '*') {
        w = String(v);
        v = list[i++];
      }
      if (conv === 's')
        return formatValue(
          pyStr(v),
          `${flags.includes('-') ? '<' : '>'}${w ?? ''}${prec !== undefined ? `.${prec}` : ''}`,
        );
      if (conv === 'r') return formatValue(pyRepr(v), `${flags.includes('-') ? '<' : '>'}${w ?? ''}`);
      const t = conv === 'i' || conv === 'u' ? 'd' : conv;
      let nv = v;
      if (t === 'd' && typeof v === 'number') nv = Math.trunc(v);
      const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      const align = flags.includes('-') ? '<' : '';
      const zero = flags.includes('0') && !align ? '0' : '';
      return formatValue(
        nv,
        `${align}${sign}${flags.includes('#') ? '#' : ''}${zero}${w ?? ''}${prec !== undefined ? `.${prec}` : ''}${t}`,
      );
    },
  );
  if (mapping === null && i < list.length)
    throw typeError('not all arguments converted during string formatting');
  return out;
}
