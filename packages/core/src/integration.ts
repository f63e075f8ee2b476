/**
 * `@mimicfix/core/integration`: everything the Vitest and Jest adapters (and the CLI) need, so that the
 * adapters stay thin wiring. CONTRACT: the signatures below are relied on by packages/vitest and packages/jest.
 */
import type { MimicfixOptions, ResolvedManifest } from './types';

/** Env var through which Jest's globalSetup hands the manifest path to workers. */
export const MANIFEST_ENV = 'MIMICFIX_MANIFEST';

/**
 * Loads `mimicfix.config.{ts,mjs,js,json}` from `root` (if any), merges explicit options over env over the file
 * over defaults, runs `resolve()` and prints one line per dataset (`[mimicfix] person: generated 1000 records
 * in 412 ms` / `[mimicfix] person: from cache (hit)`). Returns the resolved manifest.
 */
export async function setupDatasets(_options: MimicfixOptions = {}): Promise<ResolvedManifest> {
  throw new Error('setupDatasets: not implemented yet');
}

/** Writes the manifest (with `dir`) to a JSON file for workers; returns its path. */
export function writeRunManifest(_manifest: ResolvedManifest, _file?: string): string {
  throw new Error('writeRunManifest: not implemented yet');
}

/** Reads a manifest written by `writeRunManifest`. Clear MIMICFIX_NOT_SETUP error when missing. */
export function readRunManifest(_file: string): ResolvedManifest {
  throw new Error('readRunManifest: not implemented yet');
}

/**
 * A synchronous, memoised `useDatamimic(name)` over a manifest. `getManifest` is called lazily on first use
 * (so it can read `inject('mimicfix')` or the env var). Unknown name → MimicfixError MIMICFIX_DATASET_UNKNOWN
 * listing the known names. Records are loaded with the format's loader (json, ndjson, csv, xml, txt).
 */
export function createDatasetAccessor(
  _getManifest: () => ResolvedManifest,
): <T = Record<string, unknown>>(name: string) => T[] {
  throw new Error('createDatasetAccessor: not implemented yet');
}
