/**
 * `@mimicfix/core/integration`: everything the Vitest and Jest adapters (and the CLI) need, so that the
 * adapters stay thin wiring. CONTRACT: the signatures below are relied on by packages/vitest and packages/jest.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MimicfixError } from '@mimicfix/engine/errors';
import { loadOptions } from './config/load-options';
import { type ResolveDeps, resolve } from './resolve/resolve';
import { type InUseMarker, markInUse } from './store/in-use';
import type { MimicfixOptions, ResolvedManifest } from './types';
import { ensureDir } from './util/ensure-dir';

export { createDatasetAccessor, MANIFEST_ENV, readRunManifest } from './runtime';

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
  ensureDir(path.dirname(target), 'run manifest folder');
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(manifest));
    renameSync(temp, target);
  } catch (error) {
    throw new MimicfixError(
      'MIMICFIX_STORE',
      `Cannot write the run manifest ${target}: ${(error as Error).message}`,
      {
        hint: 'Check that the cache folder is writable, or set MIMICFIX_CACHE_DIR.',
        cause: error,
      },
    );
  }
  return target;
}
