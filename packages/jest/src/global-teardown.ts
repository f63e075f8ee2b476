import fs from 'node:fs';
import { MANIFEST_ENV, teardownDatasets } from '@mimicfix/core/integration';
import { runManifestDir } from './run-manifest-file';

/**
 * Jest `globalTeardown`: releases the "in use" marks of this run's cache entries (so `prune` may remove them
 * later) and removes this process's run manifests. The cache entries stay.
 */
export default async function globalTeardown(): Promise<void> {
  teardownDatasets();
  fs.rmSync(runManifestDir(), { recursive: true, force: true });
  delete process.env[MANIFEST_ENV];
}
