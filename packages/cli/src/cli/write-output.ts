import fs from 'node:fs';
import path from 'node:path';
import type { MimicfixError } from '@mimicfix/core';
import { loadCore } from './load-core';

/**
 * Writes a file the user asked for (`--out`), creating its folder; an OS failure becomes MIMICFIX_STORE naming
 * the path instead of a raw ENOENT/EACCES surfacing as MIMICFIX_INTERNAL.
 */
export async function writeOutput(
  dest: string,
  data: string | Uint8Array,
  what = 'output file',
): Promise<void> {
  await ensureOutputDir(path.dirname(dest), `folder of the ${what}`);
  try {
    fs.writeFileSync(dest, data);
  } catch (error) {
    throw await outputError(dest, what, error);
  }
}

/** Creates an output folder (see `ensureDir` in core: no endless recursive mkdir on paths such as /proc/x). */
export async function ensureOutputDir(dir: string, what = 'output folder'): Promise<void> {
  const { ensureDir } = await loadCore();
  ensureDir(dir, what);
}

/** Maps an fs error while writing `file` to MIMICFIX_STORE. */
export async function outputError(file: string, what: string, error: unknown): Promise<MimicfixError> {
  const { MimicfixError } = await loadCore();
  const e = error as NodeJS.ErrnoException;
  return new MimicfixError('MIMICFIX_STORE', `Cannot write the ${what} ${file}: ${e.message}`, {
    hint: 'Choose a writable path.',
    cause: error,
    details: { path: file, ...(e.code ? { errno: e.code } : {}) },
  });
}
