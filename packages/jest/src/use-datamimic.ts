import { createDatasetAccessor, MANIFEST_ENV, readRunManifest } from '@mimicfix/core/runtime';

// Jest gives every test file a fresh module registry, so this accessor (and its parsed records) is memoised
// per test file within a worker; the manifest is read lazily, on the first call.
const accessor = createDatasetAccessor(() => readRunManifest(process.env[MANIFEST_ENV] ?? ''));

/**
 * The records of dataset `name` (a top-level `<generate name>` of the descriptor), synchronously, so that it
 * works at module top level (`describe.each(useDatamimic('person'))`). Needs the mimicfix globalSetup
 * (preset `@mimicfix/jest` or `globalSetup: '@mimicfix/jest/global-setup'`).
 *
 * @throws MimicfixError `MIMICFIX_DATASET_UNKNOWN` for a name not in the manifest, `MIMICFIX_NOT_SETUP` without
 * the globalSetup. Match on `code` (`expect.objectContaining({ code })`): Jest runs tests in another realm.
 */
export function useDatamimic<T = Record<string, unknown>>(name: string): T[] {
  return accessor<T>(name);
}
