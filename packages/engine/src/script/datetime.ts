import { strftime } from '../generators/date-format';
import { PyError, valueError } from './errors';

/**
 * Python's naive `datetime`, `date` and `timedelta`, kept in UTC fields of a millisecond epoch value (so
 * microseconds are multiples of 1000). Exported so the runtime and exporters can recognise and serialise them.
 */
const MS_PER_DAY = 86_400_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pad(n: number, width = 2): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function epochMs(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, mi, s, ms);
  return d.getTime();
}

function checkInt(v: unknown, name: string, lo: number, hi: number): number {
  if (typeof v === 'boolean') v = v ? 1 : 0;
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new PyError('TypeError', `${name} must be an integer`);
  if (v < lo || v > hi) throw valueError(`${name} must be in ${lo}..${hi}, got ${v}`);
  return v;
}

/** Validated epoch ms for the given calendar fields. */
export function fieldsToMs(
  year: unknown,
  month: unknown,
  day: unknown,
  hour: unknown = 0,
  minute: unknown = 0,
  second: unknown = 0,
  microsecond: unknown = 0,
): number {
  const y = checkInt(year, 'year', 1, 9999);
  const m = checkInt(month, 'month', 1, 12);
  const d = checkInt(day, 'day', 1, daysInMonth(y, m));
  const h = checkInt(hour, 'hour', 0, 23);
  const mi = checkInt(minute, 'minute', 0, 59);
  const s = checkInt(second, 'second', 0, 59);
  const us = checkInt(microsecond, 'microsecond', 0, 999_999);
  return epochMs(y, m, d, h, mi, s, Math.floor(us / 1000));
}

abstract class PyTemporal {
  constructor(readonly ms: number) {
    if (!Number.isFinite(ms)) throw valueError('date value out of range');
  }
  protected get d(): Date {
    return new Date(this.ms);
  }
  get year(): number {
    return this.d.getUTCFullYear();
  }
  get month(): number {
    return this.d.getUTCMonth() + 1;
  }
  get day(): number {
    return this.d.getUTCDate();
  }
  /** Monday is 0, as in Python. */
  weekday(): number {
    return (this.d.getUTCDay() + 6) % 7;
  }
  isoweekday(): number {
    return this.weekday() + 1;
  }
  abstract get hour(): number;
  abstract get minute(): number;
  abstract get second(): number;
  abstract get microsecond(): number;

  /** Python strftime, shared with generators and converters (one implementation: generators/date-format). */
  strftime(format: string): string {
    return strftime(this.d, format);
  }
}

export class PyDateTime extends PyTemporal {
  get hour(): number {
    return this.d.getUTCHours();
  }
  get minute(): number {
    return this.d.getUTCMinutes();
  }
  get second(): number {
    return this.d.getUTCSeconds();
  }
  get microsecond(): number {
    return this.d.getUTCMilliseconds() * 1000;
  }
  date(): PyDate {
    return new PyDate(this.ms - (((this.ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY));
  }
  isoformat(sep = 'T'): string {
    // One Date for all seven fields (the exporters call this for every datetime value they write).
    const d = this.d;
    const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${sep}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const us = d.getUTCMilliseconds() * 1000;
    return us ? `${base}.${pad(us, 6)}` : base;
  }
  /** Seconds since the epoch, reading the naive value as UTC (documented). */
  timestamp(): number {
    return this.ms / 1000;
  }
  override toString(): string {
    return this.isoformat(' ');
  }
  toJSON(): string {
    return this.isoformat();
  }
}

export class PyDate extends PyTemporal {
  get hour(): number {
    return 0;
  }
  get minute(): number {
    return 0;
  }
  get second(): number {
    return 0;
  }
  get microsecond(): number {
    return 0;
  }
  isoformat(): string {
    return `${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`;
  }
  override toString(): string {
    return this.isoformat();
  }
  toJSON(): string {
    return this.isoformat();
  }
}

export class PyTimedelta {
  /** Total length in milliseconds (may be fractional or negative). */
  constructor(readonly ms: number) {
    if (!Number.isFinite(ms)) throw valueError('timedelta out of range');
  }
  get days(): number {
    return Math.floor(this.ms / MS_PER_DAY);
  }
  get seconds(): number {
    return Math.floor((this.ms - this.days * MS_PER_DAY) / 1000);
  }
  get microseconds(): number {
    return Math.round((this.ms - this.days * MS_PER_DAY - this.seconds * 1000) * 1000);
  }
  total_seconds(): number {
    return this.ms / 1000;
  }
  toString(): string {
    const days = this.days;
    const rest = this.seconds;
    const h = Math.floor(rest / 3600);
    const m = Math.floor((rest % 3600) / 60);
    const s = rest % 60;
    let out = `${h}:${pad(m)}:${pad(s)}`;
    if (this.microseconds) out += `.${pad(this.microseconds, 6)}`;
    if (days !== 0) out = `${days} day${Math.abs(days) === 1 ? '' : 's'}, ${out}`;
    return out;
  }
  toJSON(): string {
    return this.toString();
  }
}

export function isTemporal(v: unknown): v is PyDateTime | PyDate {
  return v instanceof PyDateTime || v instanceof PyDate;
}

/** `datetime.strptime` for the directives strftime writes (except %a/%A/%j/%z, which are matched and ignored). */
export function strptime(text: string, format: string): PyDateTime {
  const fields: string[] = [];
  let re = '^';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '%' && i + 1 < format.length) {
      const c = format[++i] as string;
      const group = (name: string, pattern: string): void => {
        fields.push(name);
        re += `(${pattern})`;
      };
      switch (c) {
        case 'Y':
          group('Y', '\\d{4}');
          break;
        case 'y':
        case 'm':
        case 'd':
        case 'H':
        case 'I':
        case 'M':
        case 'S':
          group(c, '\\d{1,2}');
          break;
        case 'f':
          group('f', '\\d{1,6}');
          break;
        case 'b':
        case 'B':
          group('b', '[A-Za-z]+');
          break;
        case 'p':
          group('p', '[AaPp][Mm]');
          break;
        case 'a':
        case 'A':
          re += '[A-Za-z]+';
          break;
        case 'j':
          re += '\\d{1,3}';
          break;
        case 'z':
          re += '(?:[+-]\\d{4}|Z)?';
          break;
        case '%':
          re += '%';
          break;
        default:
          throw valueError(`strptime: unsupported directive %${c}`);
      }
    } else {
      re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const m = new RegExp(`${re}$`).exec(text);
  if (!m) throw valueError(`time data '${text}' does not match format '${format}'`);
  let year = 1900;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let micro = 0;
  let pm: boolean | null = null;
  fields.forEach((f, i) => {
    const v = m[i + 1] as string;
    switch (f) {
      case 'Y':
        year = Number(v);
        break;
      case 'y':
        year = Number(v) + (Number(v) < 69 ? 2000 : 1900);
        break;
      case 'm':
        month = Number(v);
        break;
      case 'd':
        day = Number(v);
        break;
      case 'H':
      case 'I':
        hour = Number(v);
        break;
      case 'M':
        minute = Number(v);
        break;
      case 'S':
        second = Number(v);
        break;
      case 'f':
        micro = Number(v.padEnd(6, '0'));
        break;
      case 'b': {
        const idx = MONTHS.findIndex((n) => n.toLowerCase().startsWith(v.toLowerCase().slice(0, 3)));
        if (idx < 0) throw valueError(`time data '${text}': unknown month name '${v}'`);
        month = idx + 1;
        break;
      }
      case 'p':
        pm = v.toLowerCase() === 'pm';
        break;
    }
  });
  if (pm !== null) hour = (hour % 12) + (pm ? 12 : 0);
  return new PyDateTime(fieldsToMs(year, month, day, hour, minute, second, micro));
}

/** `datetime.fromisoformat('2024-01-02T03:04:05')` and `date.fromisoformat('2024-01-02')`. */
export function parseIso(text: string): { ms: number; hasTime: boolean } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/.exec(text);
  if (!m) throw valueError(`Invalid isoformat string: '${text}'`);
  const ms = fieldsToMs(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Number((m[7] ?? '0').padEnd(6, '0')),
  );
  return { ms, hasTime: m[4] !== undefined };
}
