import { PyDate, PyDateTime } from '../script/index';

/**
 * Generators and entities compute with JS `Date` (naive datetime in UTC fields) and hand the script engine's
 * `PyDateTime` out, so `p.birthdate.year` or `.strftime()` work in scripts and exporters print Python's format.
 */
export function toPyValue(v: unknown): unknown {
  // Hot path (every generator value, every entity field): primitives first, without allocation.
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof Date) return new PyDateTime(v.getTime());
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = toPyValue(v[i]);
    return out;
  }
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    const src = v as Record<string, unknown>;
    for (const k of Object.keys(src)) out[k] = toPyValue(src[k]);
    return out;
  }
  return v;
}

/**
 * `toPyValue` for an object its producer has just built and never touches again (an entity record): converts
 * the fields in place instead of copying the whole record, which saves one object per entity and record.
 * Nested values are converted (and copied) as `toPyValue` does.
 */
export function toPyRecordInPlace(v: Record<string, unknown>): Record<string, unknown> {
  if (Object.getPrototypeOf(v) !== Object.prototype) return toPyValue(v) as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (typeof x === 'object' && x !== null) v[k] = toPyValue(x);
  }
  return v;
}

/** A JS `Date` for a datetime-like value (`Date`, `PyDateTime`, `PyDate`), else undefined. */
export function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (value instanceof PyDateTime || value instanceof PyDate) return new Date(value.ms);
  return undefined;
}
