import { asInt, asString } from './args';
import { PyDate, PyDateTime } from './datetime';
import { typeError, valueError } from './errors';
import { typeName } from './py-ops';

/**
 * DATAMIMIC's datetime helpers, usable as functions (`add_days(dt, 30)`) and as chainable methods
 * (`dt.add_months(1).end_of_month()`). Day-granular helpers keep a `date` a `date`; hour/minute/second helpers
 * and start/end_of_day turn it into a `datetime`.
 */
type Temporal = PyDateTime | PyDate;

const DAY = 86_400_000;

function asTemporal(v: unknown, fn: string): Temporal {
  if (v instanceof PyDateTime || v instanceof PyDate) return v;
  if (v instanceof Date) return new PyDateTime(v.getTime());
  throw typeError(
    `${fn}() needs a datetime or date, not '${typeName(v)}' (after outDateFormat a value is a string)`,
  );
}

function same(t: Temporal, ms: number): Temporal {
  return t instanceof PyDate ? new PyDate(ms) : new PyDateTime(ms);
}

function addMonths(t: Temporal, months: number): Temporal {
  const d = new Date(t.ms);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const out = new Date(t.ms);
  out.setUTCFullYear(year, month, Math.min(d.getUTCDate(), lastDay));
  if (year < 1 || year > 9999) throw valueError('date value out of range');
  return same(t, out.getTime());
}

function dayStart(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/** '30d', '-2h', '1y3mo2w3d1h30m' (units y, mo, w, d, h, m, s). */
export function applyOffset(t: Temporal, offset: string): Temporal {
  const text = offset.trim();
  const m = /^([+-])?((?:\d+(?:y|mo|w|d|h|m|s))+)$/.exec(text);
  if (!m) throw valueError(`invalid offset '${offset}' (use e.g. '30d', '-2h', '1y3mo2w')`);
  const sign = m[1] === '-' ? -1 : 1;
  let out: Temporal = t;
  let ms = 0;
  for (const part of (m[2] as string).matchAll(/(\d+)(mo|y|w|d|h|m|s)/g)) {
    const n = sign * Number(part[1]);
    switch (part[2]) {
      case 'y':
        out = addMonths(out, n * 12);
        break;
      case 'mo':
        out = addMonths(out, n);
        break;
      case 'w':
        ms += n * 7 * DAY;
        break;
      case 'd':
        ms += n * DAY;
        break;
      case 'h':
        ms += n * 3_600_000;
        break;
      case 'm':
        ms += n * 60_000;
        break;
      default:
        ms += n * 1000;
    }
  }
  if (out instanceof PyDate && ms % DAY !== 0) out = new PyDateTime(out.ms);
  return same(out, out.ms + ms);
}

type Helper = (t: Temporal, args: unknown[]) => Temporal;

function byMs(unit: number, toDateTime: boolean): Helper {
  return (t, a) => {
    const n = asInt(a[0], 'add', 'n');
    const base = toDateTime && t instanceof PyDate ? new PyDateTime(t.ms) : t;
    return same(base, base.ms + n * unit);
  };
}

export const DATETIME_HELPERS = new Map<string, Helper>([
  ['add_days', byMs(DAY, false)],
  ['add_weeks', byMs(7 * DAY, false)],
  ['add_hours', byMs(3_600_000, true)],
  ['add_minutes', byMs(60_000, true)],
  ['add_seconds', byMs(1000, true)],
  ['add_months', (t, a) => addMonths(t, asInt(a[0], 'add_months', 'n'))],
  ['add_years', (t, a) => addMonths(t, 12 * asInt(a[0], 'add_years', 'n'))],
  ['date_offset', (t, a) => applyOffset(t, asString(a[0], 'date_offset', 'offset'))],
  ['start_of_day', (t) => new PyDateTime(dayStart(t.ms))],
  ['end_of_day', (t) => new PyDateTime(dayStart(t.ms) + DAY - 1)],
  ['start_of_month', (t) => same(t, Date.UTC(t.year, t.month - 1, 1))],
  [
    'end_of_month',
    (t) =>
      t instanceof PyDate
        ? new PyDate(Date.UTC(t.year, t.month, 0))
        : new PyDateTime(Date.UTC(t.year, t.month, 1) - 1),
  ],
  ['start_of_year', (t) => same(t, Date.UTC(t.year, 0, 1))],
  [
    'end_of_year',
    (t) =>
      t instanceof PyDate
        ? new PyDate(Date.UTC(t.year, 11, 31))
        : new PyDateTime(Date.UTC(t.year + 1, 0, 1) - 1),
  ],
]);

/** `add_days(dt, n)` etc. as global functions. */
export function helperFunction(name: string, helper: Helper): (args: unknown[]) => Temporal {
  return (args) => {
    if (args.length < 1) throw typeError(`${name}() missing the datetime argument`);
    return helper(asTemporal(args[0], name), args.slice(1));
  };
}
