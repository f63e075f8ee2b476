import { createHash } from 'node:crypto';
import { parseIsoDate, strftime } from '../generators/date-format';
import { dateOf as asDate, toPyValue } from '../generators/py-values';
import { HASH_ALGORITHMS, nodeHashName } from '../generators/security-generators';
import type { ConverterDef } from './converter-def';

/**
 * DateFormat(format_str): formats a datetime with a Python strftime pattern. Accepts a datetime (`PyDateTime`, `PyDate`
 * or `Date`), an ISO string (`2024-01-31`, `2024-01-31T10:00:00`) or an epoch-seconds number.
 */
export const dateFormat: ConverterDef = {
  name: 'DateFormat',
  params: ['format_str'],
  create(a, _c, fail) {
    const format = a.str('format_str');
    if (format === undefined) throw a.fail("needs a format string, e.g. DateFormat('%d.%m.%Y')");
    return (v) => {
      if (v === null || v === undefined) return v;
      const d =
        asDate(v) ??
        (typeof v === 'string' ? parseIsoDate(v) : typeof v === 'number' ? new Date(v * 1000) : undefined);
      if (!d) throw fail(`DateFormat expects a datetime (or an ISO date string), got ${JSON.stringify(v)}`);
      return strftime(d, format);
    };
  },
};

/** Timestamp2Date: epoch seconds (int or float) → datetime (`PyDateTime`, naive, read as UTC). */
export const timestamp2Date: ConverterDef = {
  name: 'Timestamp2Date',
  params: [],
  create: (_a, _c, fail) => (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw fail(`Timestamp2Date expects an int or float, got ${JSON.stringify(v)}`);
    return toPyValue(new Date(Math.round(v * 1000)));
  },
};

/** Date2Timestamp: datetime (or ISO string) → whole epoch seconds (int). */
export const date2Timestamp: ConverterDef = {
  name: 'Date2Timestamp',
  params: [],
  create: (_a, _c, fail) => (v) => {
    const d = asDate(v) ?? (typeof v === 'string' ? parseIsoDate(v) : undefined);
    if (!d) throw fail(`Date2Timestamp expects a datetime, got ${JSON.stringify(v)}`);
    return Math.floor(d.getTime() / 1000);
  },
};

/** Hash(hash_type, output_format='hex', salt=None): digest of the UTF-8 string (+ salt) as hex or base64. */
export const hash: ConverterDef = {
  name: 'Hash',
  params: ['hash_type', 'output_format', 'salt'],
  create(a, _c, fail) {
    const type = a.str('hash_type', 'md5');
    const algo = nodeHashName(type);
    if (!algo)
      throw a.fail(`argument "hash_type" must be one of ${HASH_ALGORITHMS.join(', ')}, got "${type}"`);
    const out = a.choice('output_format', ['hex', 'base64'], 'hex') as 'hex' | 'base64';
    const salt = a.str('salt', '');
    return (v) => {
      if (typeof v !== 'string') throw fail(`Hash expects a string, got ${JSON.stringify(v)}`);
      return createHash(algo)
        .update(v + salt, 'utf8')
        .digest(out);
    };
  },
};
