import fs from 'node:fs';
import path from 'node:path';
import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';

/**
 * Every relative path in a descriptor (include, source, execute, properties) resolves against the ROOT
 * descriptor's folder, also inside included files (DATAMIMIC semantics). Nothing may escape that folder, so that
 * the cache key's closure is complete and a descriptor cannot read arbitrary files.
 */
export function resolveInRoot(rootDir: string, uri: string, location?: SourceLocation): string {
  const abs = path.resolve(rootDir, uri);
  const rel = path.relative(rootDir, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new MimicfixError(
      'MIMICFIX_PATH_OUTSIDE_ROOT',
      `"${uri}" resolves to ${abs}, outside the descriptor folder ${rootDir}`,
      { location, hint: 'keep every included/source file inside the folder of the root descriptor' },
    );
  }
  return abs;
}

export function readTextFile(abs: string, uri: string, location?: SourceLocation): string {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch (cause) {
    throw new MimicfixError('MIMICFIX_FILE_NOT_FOUND', `cannot read "${uri}" (${abs})`, {
      location,
      cause,
      hint: 'check the path; relative paths resolve against the root descriptor folder',
    });
  }
}
