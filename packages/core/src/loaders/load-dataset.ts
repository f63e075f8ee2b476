import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactFormat } from '@mimicfix/engine';
import type { DatasetEntry } from '../types';
import { parseCsv } from './csv';
import { parseJsonArray } from './json';
import { datasetLoadError } from './load-error';
import { parseNdjson } from './ndjson';
import { parseTxt } from './txt';
import { parseXmlItems } from './xml';

/** Parses the text of one artifact file of `format`. CSV/XML values are strings; TXT records are lines. */
export function parseArtifact(
  text: string,
  format: ArtifactFormat,
  file: string,
  separator?: string,
): unknown[] {
  switch (format) {
    case 'json':
      return parseJsonArray(text, file);
    case 'ndjson':
      return parseNdjson(text, file);
    case 'csv':
      return parseCsv(text, separator ?? '|', file);
    case 'xml':
      return parseXmlItems(text, file);
    case 'txt':
      return parseTxt(text);
    default:
      throw datasetLoadError(file, `unknown format "${String(format)}"`);
  }
}

/** Loads every file of a dataset (chunks concatenated in order) synchronously: for Jest's top-level use. */
export function loadDatasetSync<T = Record<string, unknown>>(dir: string, entry: DatasetEntry): T[] {
  const out: unknown[] = [];
  for (const f of entry.files) {
    const file = path.join(dir, f);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw datasetLoadError(file, (cause as Error).message, cause);
    }
    for (const r of parseArtifact(text, entry.format, file, entry.separator)) out.push(r);
  }
  return out as T[];
}

/** Async `loadDatasetSync`. */
export async function loadDataset<T = Record<string, unknown>>(
  dir: string,
  entry: DatasetEntry,
): Promise<T[]> {
  const out: unknown[] = [];
  for (const f of entry.files) {
    const file = path.join(dir, f);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      throw datasetLoadError(file, (cause as Error).message, cause);
    }
    for (const r of parseArtifact(text, entry.format, file, entry.separator)) out.push(r);
  }
  return out as T[];
}
