import { MimicfixError } from '../errors/mimicfix-error';

/** Splits CSV text into rows of fields; `"` quotes fields (a doubled `""` is a quote). */
export function parseCsvRows(text: string, separator: string, file: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  let quoteStart = 0;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < src.length) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      quoteStart = i;
      fieldStarted = true;
      i++;
      continue;
    }
    if (src.startsWith(separator, i)) {
      row.push(field);
      field = '';
      fieldStarted = false;
      i += separator.length;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(field);
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) {
    const before = src.slice(0, quoteStart);
    const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
    const column = quoteStart - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    throw new MimicfixError('MIMICFIX_SOURCE', `${file}:${line}:${column}: unterminated quoted field`, {
      hint: 'close the quote; a quote inside a quoted field is written ""',
    });
  }
  if (fieldStarted || field !== '' || row.length > 0) {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
  }
  return rows;
}

/** `*.ent.csv`: a header line then one entity per line. */
export function parseEntityCsv(text: string, separator: string, file: string): Record<string, unknown>[] {
  const rows = parseCsvRows(text, separator, file);
  const header = rows[0];
  if (!header) return [];
  const out: Record<string, unknown>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as string[];
    if (row.length !== header.length) {
      throw new MimicfixError(
        'MIMICFIX_SOURCE',
        `${file}:${r + 1}: ${row.length} fields, the header has ${header.length} (separator "${separator}")`,
        {
          hint: 'check the separator (separator= on the element or defaultSeparator on <setup>) and quoting',
        },
      );
    }
    const rec: Record<string, unknown> = {};
    for (let c = 0; c < header.length; c++) rec[header[c] as string] = row[c];
    out.push(rec);
  }
  return out;
}

export interface WeightedValues {
  values: string[];
  weights: number[];
}

/** `*.wgt.csv`: `value|weight` per line, no header; the value may be empty, the weight defaults to 1. */
export function parseWeightedCsv(text: string, separator: string, file: string): WeightedValues {
  const values: string[] = [];
  const weights: number[] = [];
  const rows = parseCsvRows(text, separator, file);
  rows.forEach((row, i) => {
    const value = row.length > 1 ? row.slice(0, -1).join(separator) : (row[0] ?? '');
    const w = row.length > 1 ? Number(row[row.length - 1]) : 1;
    const raw = row[row.length - 1];
    if (!Number.isFinite(w) || w < 0) {
      throw new MimicfixError(
        'MIMICFIX_SOURCE',
        Number.isFinite(w)
          ? `${file}:${i + 1}: weight "${raw}" must be ≥ 0`
          : `${file}:${i + 1}: weight "${raw}" is not a number`,
        {
          hint: 'each line is value|weight with a non-negative number as weight',
        },
      );
    }
    values.push(value);
    weights.push(w);
  });
  if (!weights.some((w) => w > 0)) {
    throw new MimicfixError(
      'MIMICFIX_SOURCE',
      values.length === 0
        ? `${file}: the weighted source has no values`
        : `${file}: every weight is 0, so no value can be picked`,
      { hint: 'a .wgt.csv holds value|weight lines and at least one weight must be > 0' },
    );
  }
  return { values, weights };
}
