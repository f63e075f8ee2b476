import { datasetLoadError } from './load-error';

/** A JSON artifact: an array of records. */
export function parseJsonArray(text: string, file = '<json>'): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw datasetLoadError(file, `invalid JSON (${(cause as Error).message})`, cause);
  }
  if (!Array.isArray(value)) throw datasetLoadError(file, 'expected a JSON array of records');
  return value as Record<string, unknown>[];
}
