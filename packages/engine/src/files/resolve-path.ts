import fs from 'node:fs';
import path from 'node:path';
import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';

/**
 * The real path of `abs` with symlinks resolved. A path that does not exist (yet) resolves its nearest existing
 * ancestor and appends the rest, so a symlinked folder on the way is still seen.
 */
export function realPathOf(abs: string): string {
  try {
    return fs.realpathSync.native(abs);
  } catch {
    const parent = path.dirname(abs);
    if (parent === abs) return abs;
    return path.join(realPathOf(parent), path.basename(abs));
  }
}

function isInside(dir: string, abs: string): boolean {
  const rel = path.relative(dir, abs);
  return !(rel === '' || rel.startsWith('..') || path.isAbsolute(rel));
}

/**
 * Every relative path in a descriptor (include, source, execute, properties) resolves against the ROOT
 * descriptor's folder, also inside included files (DATAMIMIC semantics). Nothing may escape that folder, so that
 * the cache key's closure is complete and a descriptor cannot read arbitrary files. The check is made on the
 * lexical path AND on the real path (symlinks resolved), so a symlink inside the folder cannot point outside.
 */
export function resolveInRoot(rootDir: string, uri: string, location?: SourceLocation): string {
  const abs = path.resolve(rootDir, uri);
  const outside = (shown: string): never => {
    throw new MimicfixError(
      'MIMICFIX_PATH_OUTSIDE_ROOT',
      `"${uri}" resolves to ${shown}, outside the descriptor folder ${rootDir}`,
      { location, hint: 'keep every included/source file inside the folder of the root descriptor' },
    );
  };
  if (!isInside(rootDir, abs)) outside(abs);
  const real = realPathOf(abs);
  if (!isInside(realPathOf(rootDir), real)) outside(`${real} (through a symbolic link)`);
  return abs;
}

export function readTextFile(abs: string, uri: string, location?: SourceLocation): string {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch (cause) {
    throw notReadable(uri, abs, location, cause);
  }
}

/** MIMICFIX_FILE_NOT_FOUND for a descriptor path, naming it as written (relative to the root folder). */
export function notReadable(
  uri: string,
  abs: string,
  location: SourceLocation | undefined,
  cause?: unknown,
): MimicfixError {
  const code = (cause as { code?: string } | undefined)?.code;
  const why =
    code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'is not readable' : 'does not exist';
  return new MimicfixError('MIMICFIX_FILE_NOT_FOUND', `cannot read "${uri}": ${why} (${abs})`, {
    location,
    cause,
    hint: 'create the file or fix the path; relative paths resolve against the root descriptor folder',
  });
}

/** A generate name that becomes a file name: letters, digits, `_ - .`, and not `.`/`..`. */
export function isPlainFileName(name: string): boolean {
  return /^[A-Za-z0-9_.-]+$/.test(name) && name !== '.' && name !== '..';
}

/**
 * Joins an artifact file name to outDir and refuses anything that would land outside it: the last line of
 * defence behind descriptor validation of generate names.
 */
export function artifactPath(outDir: string, file: string): string {
  const dir = path.resolve(outDir);
  const abs = path.resolve(dir, file);
  if (
    path.dirname(abs) !== dir ||
    !isPlainFileName(path.basename(abs)) ||
    file.includes('/') ||
    file.includes('\\')
  ) {
    throw new MimicfixError(
      'MIMICFIX_PATH_OUTSIDE_ROOT',
      `artifact file "${file}" would be written outside ${dir}`,
      {
        hint: 'a generate name that writes a file must be a plain file name: letters, digits, _ - .',
      },
    );
  }
  return abs;
}
