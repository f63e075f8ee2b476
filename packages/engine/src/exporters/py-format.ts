/**
 * Python-compatible text of values, as DATAMIMIC's exporters write them (json.dumps with default separators
 * and ensure_ascii; str() for CSV cells). JS numbers that are integers print as Python ints.
 */
function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Python `datetime.isoformat()` of a Date read as naive UTC (microseconds only when non-zero). */
export function isoformat(d: Date, sep = 'T'): string {
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${sep}${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const ms = d.getUTCMilliseconds();
  return ms === 0 ? base : `${base}.${pad(ms * 1000, 6)}`;
}

/** Python `repr()` of a number: integers in full, floats with Python's exponent spelling. */
export function pyNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const mant = s.slice(0, e);
  const exp = s.slice(e + 1);
  const sign = exp[0] === '-' ? '-' : '+';
  const digits = exp.replace(/^[+-]/, '');
  return `${mant}e${sign}${digits.padStart(2, '0')}`;
}

const NON_ASCII = /[\u007f-\uffff]/g;
const HAS_NON_ASCII = /[\u007f-\uffff]/;

/** `json.dumps(str)` with ensure_ascii=True. */
export function pyJsonString(s: string): string {
  // fast path: printable ASCII without quote or backslash needs no escaping
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
      plain = false;
      break;
    }
  }
  if (plain) return `"${s}"`;
  const j = JSON.stringify(s);
  return HAS_NON_ASCII.test(j)
    ? j.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : j;
}

type Isoformattable = { isoformat(): string };
function hasIsoformat(v: object): v is Isoformattable {
  return typeof (v as Partial<Isoformattable>).isoformat === 'function';
}

// `"key": ` per key name: records repeat the same few keys, so each is escaped once. Bounded, because dict
// values built by scripts may have arbitrary keys.
const KEY_PREFIX = new Map<string, string>();
function keyPrefix(k: string): string {
  let p = KEY_PREFIX.get(k);
  if (p === undefined) {
    p = `${pyJsonString(k)}: `;
    if (KEY_PREFIX.size < 4096) KEY_PREFIX.set(k, p);
  }
  return p;
}

/** `json.dumps(value, cls=DateTimeEncoder)` with Python's default `, ` and `: ` separators. */
export function pyJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return pyJsonString(v);
    case 'number':
      return pyNumber(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'object': {
      if (v instanceof Date) return `"${isoformat(v)}"`;
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) out += (i ? ', ' : '') + pyJson(v[i]);
        return `${out}]`;
      }
      if (hasIsoformat(v)) return pyJsonString(v.isoformat());
      let out = '{';
      let sep = '';
      for (const k in v) {
        out += sep + keyPrefix(k) + pyJson((v as Record<string, unknown>)[k]);
        sep = ', ';
      }
      return `${out}}`;
    }
    default:
      return pyJsonString(String(v));
  }
}

/** `json.dumps(value, indent=4)` (DATAMIMIC's chunk_size=1 layout). */
export function pyJsonIndented(v: unknown, indent = 4, level = 0): string {
  const inner = ' '.repeat(indent * (level + 1));
  const outer = ' '.repeat(indent * level);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + pyJsonIndented(x, indent, level + 1)).join(',\n')}\n${outer}]`;
  }
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && !hasIsoformat(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    return `{\n${keys
      .map(
        (k) =>
          `${inner}${pyJsonString(k)}: ${pyJsonIndented((v as Record<string, unknown>)[k], indent, level + 1)}`,
      )
      .join(',\n')}\n${outer}}`;
  }
  return pyJson(v);
}
