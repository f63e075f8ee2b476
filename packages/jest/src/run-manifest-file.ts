import os from 'node:os';
import path from 'node:path';

/**
 * Folder of this Jest process's run manifests. One per process so that concurrent Jest runs never share a
 * file, and per key inside it so that several `projects` resolving the same descriptor write the same file.
 */
export function runManifestDir(pid: number = process.pid): string {
  return path.join(os.tmpdir(), `mimicfix-jest-${pid}`);
}

export function runManifestFile(key: string): string {
  return path.join(runManifestDir(), `${key}.json`);
}
