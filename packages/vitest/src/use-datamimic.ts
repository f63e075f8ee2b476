import type { ResolvedManifest } from '@mimicfix/core';
import { createDatasetAccessor, MimicfixError } from '@mimicfix/core/runtime';
import { inject } from 'vitest';
import './provided-context';

/** Returns the records of one dataset. */
export type DatasetAccessor = <T = Record<string, unknown>>(name: string) => T[];

let current: { dir: string; load: DatasetAccessor } | undefined;

/**
 * Returns the records of dataset `name` (a top-level `<generate name>` of the descriptor). Records are parsed
 * once per worker and shared by every call; a watch rerun that regenerated gets a fresh accessor.
 *
 * @throws MimicfixError `MIMICFIX_DATASET_UNKNOWN` (lists the known names), `MIMICFIX_NOT_SETUP`, or in watch mode
 * the error of a failed re-resolve (e.g. `MIMICFIX_DESCRIPTOR_PARSE`).
 */
export function useDatamimic<T = Record<string, unknown>>(name: string): T[] {
  const failure = inject('mimicfixError');
  if (failure) {
    const code = failure.code as ConstructorParameters<typeof MimicfixError>[0];
    throw new MimicfixError(code, failure.message, failure.hint ? { hint: failure.hint } : {});
  }
  const manifest = inject('mimicfix') as ResolvedManifest | undefined;
  if (!manifest) {
    throw new MimicfixError(
      'MIMICFIX_NOT_SETUP',
      `useDatamimic('${name}'): the mimicfix global setup did not run, so there is no dataset manifest.`,
      {
        hint: "Add mimicfix() from '@mimicfix/vitest' to `plugins` in vitest.config.ts.",
      },
    );
  }
  if (current?.dir !== manifest.dir)
    current = { dir: manifest.dir, load: createDatasetAccessor(() => manifest) };
  return current.load<T>(name);
}
