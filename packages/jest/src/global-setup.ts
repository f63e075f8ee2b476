import { MANIFEST_ENV, setupDatasets, writeRunManifest } from '@mimicfix/core/integration';
import { type JestProjectConfigLike, optionsFromJest } from './options';
import { runManifestFile } from './run-manifest-file';

/**
 * Jest `globalSetup`: resolves the datasets of the project's descriptor (cache hit, or generation under core's
 * cross-process lock) and hands the manifest to workers through `MIMICFIX_MANIFEST`. Jest runs a global setup
 * module once per run (with the config of the first project listing it) and again on every watch cycle; an
 * unchanged descriptor costs only the key check, and a repeated call for the same key is a cache hit.
 */
export default async function globalSetup(_globalConfig: unknown, projectConfig: JestProjectConfigLike) {
  try {
    const manifest = await setupDatasets(optionsFromJest(projectConfig));
    // Workers are forked after globalSetup and inherit process.env; in-band test contexts copy it.
    process.env[MANIFEST_ENV] = writeRunManifest(manifest, runManifestFile(manifest.key));
  } catch (error) {
    // Jest prints only the stack of a failing globalSetup; the stable code and the hint would be lost.
    const format = (error as { format?: unknown }).format;
    if (typeof format === 'function') process.stderr.write(`[mimicfix] ${format.call(error)}\n`);
    throw error;
  }
}
