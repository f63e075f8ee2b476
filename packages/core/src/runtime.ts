/**
 * `@mimicfix/core/runtime`: the part of the integration that runs inside test workers. It must stay light:
 * no engine, no faker (faker is ESM-only and Jest's CommonJS runtime cannot load it on Node 20), no undici.
 * It imports the error class from `@mimicfix/engine/errors`, a faker-free entry.
 */
import { readFileSync } from 'node:fs';
import { MimicfixError } from '@mimicfix/engine/errors';
import { loadDatasetSync } from './loaders/load-dataset';
import type { ResolvedManifest } from './types';

/** Env var through which Jest's globalSetup hands the manifest path to workers. */
export const MANIFEST_ENV = 'MIMICFIX_MANIFEST';

/** Reads a manifest written by `writeRunManifest`. Clear MIMICFIX_NOT_SETUP error when missing. */
export function readRunManifest(file: string): ResolvedManifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new MimicfixError('MIMICFIX_NOT_SETUP', `The mimicfix run manifest ${file} does not exist.`, {
      hint: 'useDatamimic() needs the global setup: add the mimicfix plugin (Vitest) or preset/globalSetup (Jest).',
      cause,
    });
  }
  try {
    const value = JSON.parse(text) as ResolvedManifest;
    if (typeof value?.dir !== 'string' || typeof value.datasets !== 'object')
      throw new Error('not a run manifest');
    return value;
  } catch (cause) {
    throw new MimicfixError('MIMICFIX_NOT_SETUP', `The mimicfix run manifest ${file} is not valid.`, {
      hint: 'Rerun the tests so that the global setup writes it again.',
      cause,
    });
  }
}

/**
 * A synchronous, memoised `useDatamimic(name)` over a manifest. `getManifest` is called lazily on first use
 * (so it can read `inject('mimicfix')` or the env var). Unknown name → MimicfixError MIMICFIX_DATASET_UNKNOWN
 * listing the known names. Records are loaded with the format's loader (json, ndjson, csv, xml, txt).
 * The same array is returned on every call for a name: treat it as read-only.
 */
export function createDatasetAccessor(
  getManifest: () => ResolvedManifest,
): <T = Record<string, unknown>>(name: string) => T[] {
  let manifest: ResolvedManifest | undefined;
  const memo = new Map<string, unknown[]>();
  return <T = Record<string, unknown>>(name: string): T[] => {
    const cached = memo.get(name);
    if (cached) return cached as T[];
    manifest ??= getManifest();
    const entry = Object.hasOwn(manifest.datasets, name) ? manifest.datasets[name] : undefined;
    if (entry === undefined) {
      const known = Object.keys(manifest.datasets).sort();
      throw new MimicfixError(
        'MIMICFIX_DATASET_UNKNOWN',
        `useDatamimic("${name}"): no dataset "${name}" in ${manifest.descriptor}. Known: ${known.length > 0 ? known.join(', ') : '(none)'}.`,
        {
          hint: 'Use the name of a <generate> that has a target (e.g. target="JSON"), or check the datasets option.',
          details: { known },
        },
      );
    }
    const records = loadDatasetSync<T>(manifest.dir, entry);
    memo.set(name, records);
    return records;
  };
}

export type { MimicfixErrorCode } from '@mimicfix/engine/errors';
export { isMimicfixError, MimicfixError } from '@mimicfix/engine/errors';
