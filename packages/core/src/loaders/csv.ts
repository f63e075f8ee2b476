import { datasetLoadError } from './load-error';

/**
 * Parses CSV text with a header row into objects whose values are strings (DATAMIMIC's CSV exporter writes
 * no types). Quoted fields may hold the separator, `""` and newlines. `separator` defaults to `|`.
 */
export function parseCsv(text: string, separator = '|', file = '<csv>'): Record<string, string>[] {
  const rows = splitRows(text, separator, file);
  const header = rows.shift();
  if (header === undefined) return [];
  const records: Record<string, string>[] = [];
  for (const [i, row] of rows.entries()) {
    if (row.length === 1 && row[0] === '') continue; // blank line
    if (row.length !== header.length) {
      throw datasetLoadError(file, `row ${i + 2} has ${row.length} fields, the header has ${header.length}`);
    }
    const rec: Record<string, string> = {};
    header.forEach((name, j) => {
      rec[name] = row[j] as string;
    });
    records.push(rec);
  }
  return records;
}

function splitRows(text: string, sep: string, file: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  if (i >= n) return rows;
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (text.startsWith(sep, i)) {
      row.push(field);
      field = '';
      i += sep.length;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw datasetLoadError(file, 'a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
