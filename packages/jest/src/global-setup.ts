import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_ENV, setupDatasets, writeRunManifest } from '@mimicfix/core/integration';
import { type JestProjectConfigLike, optionsFromJest } from './options';
import { runManifestDir, runManifestFile } from './run-manifest-file';

/**
 * Jest `globalSetup`: resolves the datasets of the project's descriptor (cache hit, or generation under core's
 * cross-process lock) and hands the manifest to workers through `MIMICFIX_MANIFEST`. Jest runs it once per
 * project and again on every watch cycle; an unchanged descriptor costs only the key check, and a second
 * project with the same descriptor is a cache hit.
 */
export default async function globalSetup(_globalConfig: unknown, projectConfig: JestProjectConfigLike) {
  try {
    const manifest = await setupDatasets(optionsFromJest(projectConfig));
    warnOnSecondDescriptor(manifest.key, manifest.descriptor);
    // Workers are forked after globalSetup and inherit process.env; in-band test contexts copy it.
    process.env[MANIFEST_ENV] = writeRunManifest(manifest, runManifestFile(manifest.key));
  } catch (error) {
    // Jest prints only the stack of a failing globalSetup; the stable code and the hint would be lost.
    const format = (error as { format?: unknown }).format;
    if (typeof format === 'function') process.stderr.write(`[mimicfix] ${format.call(error)}\n`);
    throw error;
  }
}

/**
 * Workers see one manifest (one env var for the whole run), so projects with different descriptors in one
 * run cannot each get their own: say so instead of serving the wrong records silently. The run folder is
 * emptied by globalTeardown, so it only holds this run's keys.
 */
function warnOnSecondDescriptor(key: string, descriptor: string): void {
  const dir = runManifestDir();
  const others = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f !== `${key}.json`) : [];
  if (others.length === 0) return;
  process.stderr.write(
    `[mimicfix] warning: Jest projects in this run resolve different descriptors (${others.map((f) => path.basename(f, '.json').slice(0, 12)).join(', ')} and ${descriptor}); ` +
      `workers read one manifest, the last set up (${descriptor}). Use one descriptor for all projects, or run the projects separately.\n`,
  );
}
