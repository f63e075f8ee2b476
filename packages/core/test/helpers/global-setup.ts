import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Where child-process tests import core from: an ESM bundle of src built once per test run. */
export const CHILD_DIST = path.resolve(__dirname, '../../node_modules/.mimicfix-test-dist');

export default function setup(): void {
  const root = path.resolve(__dirname, '../..');
  execFileSync(
    path.resolve(root, '../../node_modules/.bin/tsup'),
    [
      'src/index.ts',
      '--no-config',
      '--format',
      'esm',
      '--target',
      'node20',
      '--out-dir',
      CHILD_DIST,
      '--silent',
    ],
    { cwd: root, stdio: 'inherit' },
  );
}
