/**
 * `@mimicfix/core/integration`: everything the Vitest and Jest adapters (and the CLI) need, so that the
 * adapters stay thin wiring. CONTRACT: the signatures below are relied on by packages/vitest and packages/jest.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MimicfixError } from '@mimicfix/engine';
import { loadOptions } from './config/load-options';
import { loadDatasetSync } from './loaders/load-dataset';
import { type ResolveDeps, resolve } from './resolve/resolve';
import { type InUseMarker, markInUse } from './store/in-use';
import type { MimicfixOptions, ResolvedManifest } from './types';

/** Env var through which Jest's globalSetup hands the manifest path to workers. */
export const MANIFEST_ENV = 'MIMICFIX_MANIFEST';

// One marker per cache folder: a re-run (watch mode) replaces it, so older entries become prunable again.
const markers = new Map<string, InUseMarker>();

/**
 * Loads `mimicfix.config.{ts,mjs,js,json}` from `root` (if any), merges explicit options over env over the file
 * over defaults, runs `resolve()` and prints one line per dataset (`[mimicfix] person: generated 1000 records
 * in 412 ms` / `[mimicfix] person: from cache (hit)`). Returns the resolved manifest.
 *
 * `deps` (optional) replaces the backend/scanner, as for `resolve()`.
 * The entry is marked "in use" until `teardownDatasets()` or the end of this process, so `prune` leaves it alone.
 */
export async function setupDatasets(
  options: MimicfixOptions = {},
  deps: ResolveDeps = {},
): Promise<ResolvedManifest> {
  const resolved = await loadOptions(options);
  const manifest = await resolve(resolved, deps);
  markers.get(resolved.cacheDir)?.release();
  markers.set(resolved.cacheDir, markInUse(resolved.cacheDir, [manifest.key]));
  for (const [name, ds] of Object.entries(manifest.datasets)) {
    if (manifest.status === 'generated') {
      resolved.log(`${name}: generated ${ds.records} records in ${manifest.durationMs} ms`);
    } else if (manifest.status === 'shared-hit') {
      resolved.log(`${name}: from shared cache (${ds.records} records)`);
    } else {
      resolved.log(`${name}: from cache (${manifest.reason})`);
    }
  }
  return manifest;
}

/** Releases the "in use" markers taken by `setupDatasets()` in this process (call from global teardown). */
export function teardownDatasets(): void {
  for (const m of markers.values()) m.release();
  markers.clear();
}

/**
 * Writes the manifest (with `dir`) to a JSON file for workers; returns its path. Default file:
 * `<cacheDir>/runs/run-<pid>.json` (cacheDir derived from `manifest.dir`).
 */
export function writeRunManifest(manifest: ResolvedManifest, file?: string): string {
  const target = path.resolve(
    file ?? path.join(manifest.dir, '..', '..', '..', 'runs', `run-${process.pid}.json`),
  );
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(manifest));
  renameSync(temp, target);
  return target;
}

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
