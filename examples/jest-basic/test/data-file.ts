import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads a source file of the shared descriptor (examples/vitest-basic/data): the tests check generated values
 * against the same source rows the descriptor reads.
 */
export function readDataFile(file: string): string {
  return fs.readFileSync(path.resolve(__dirname, '../../vitest-basic/data', file), 'utf8');
}
