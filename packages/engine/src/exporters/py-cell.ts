import { pyStr } from '../script';
import { isoformat, pyNumber } from './py-format';

/** Python `str()` of a value as a CSV cell; None is the empty cell (csv module semantics). */
export function pyCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return pyNumber(v);
    case 'boolean':
      return v ? 'True' : 'False';
    default:
      if (v instanceof Date) return isoformat(v, ' ');
      return pyStr(v);
  }
}
