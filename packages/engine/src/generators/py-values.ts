import { PyDate, PyDateTime } from '../script/index';

/**
 * Generators and entities compute with JS `Date` (naive datetime in UTC fields) and hand the script engine's
 * `PyDateTime` out, so `p.birthdate.year` or `.strftime()` work in scripts and exporters print Python's format.
 */
export function toPyValue(v: unknown): unknown {
  if (v instanceof Date) return new PyDateTime(v.getTime());
  if (Array.isArray(v)) return v.map(toPyValue);
  if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPyValue(x);
    return out;
  }
  return v;
}

/** A JS `Date` for a datetime-like value (`Date`, `PyDateTime`, `PyDate`), else undefined. */
export function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (value instanceof PyDateTime || value instanceof PyDate) return new Date(value.ms);
  return undefined;
}
