import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { datasetLoadError } from './load-error';

/** Newline-delimited JSON: one record per non-empty line. */
export function parseNdjson(text: string, file = '<ndjson>'): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    out.push(parseLine(line, file, i + 1));
  }
  return out;
}

/** Streams an NDJSON file record by record (for datasets too big to hold at once). */
export async function* iterateNdjson<T = Record<string, unknown>>(file: string): AsyncGenerator<T> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  stream.on('error', () => {}); // surfaced through the readline iterator below
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      yield parseLine(line, file, n) as T;
    }
  } catch (cause) {
    if ((cause as { code?: string }).code === 'MIMICFIX_DATASET_LOAD') throw cause;
    throw datasetLoadError(file, (cause as Error).message, cause);
  } finally {
    lines.close();
    stream.destroy();
  }
}

function parseLine(line: string, file: string, lineNo: number): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch (cause) {
    throw datasetLoadError(file, `line ${lineNo} is not JSON (${(cause as Error).message})`, cause);
  }
}
