/**
 * Counts the records of a downloaded artifact by reading it: the remote API reports no counts.
 * JSON: array length; ndjson/txt: non-empty lines; CSV: rows minus the header (quote-aware); XML: `<item>`s.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type ArtifactFormat, MimicfixError } from '@mimicfix/engine';

export async function countRecords(file: string, format: ArtifactFormat): Promise<number> {
  switch (format) {
    case 'json': {
      const text = await readFile(file, 'utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (cause) {
        throw new MimicfixError('MIMICFIX_DATASET_LOAD', `${file}: downloaded JSON artifact does not parse`, {
          cause,
        });
      }
      return Array.isArray(value) ? value.length : 1;
    }
    case 'ndjson':
    case 'txt':
      return countLines(file, false);
    case 'csv':
      return Math.max(0, (await countLines(file, true)) - 1);
    case 'xml': {
      const text = await readFile(file, 'utf8');
      return text.match(/<item[\s>/]/g)?.length ?? 0;
    }
  }
}

/** Non-empty lines, streamed; with `quotes`, newlines inside double-quoted CSV fields do not count. */
async function countLines(file: string, quotes: boolean): Promise<number> {
  let lines = 0;
  let lineHasContent = false;
  let inQuotes = false;
  for await (const chunk of createReadStream(file)) {
    const buf = chunk as Buffer;
    for (let i = 0; i < buf.length; i++) {
      const byte = buf[i];
      if (quotes && byte === 0x22) inQuotes = !inQuotes;
      if (byte === 0x0a && !inQuotes) {
        if (lineHasContent) lines++;
        lineHasContent = false;
      } else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09) {
        lineHasContent = true;
      }
    }
  }
  return lineHasContent ? lines + 1 : lines;
}
