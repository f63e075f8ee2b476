import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MimicfixError } from '@mimicfix/engine';

/**
 * Creates `dir` and its missing parents, one level at a time, and fails with MIMICFIX_STORE naming the folder and
 * the OS error. Why not `mkdir({ recursive: true })`: on Node 20 it spins forever (and ignores signals) on paths
 * such as `/proc/x`, where mkdir answers ENOENT although the parent exists.
 *
 * @param what - what the folder is for, for the message ("cache dir", "output folder").
 */
export function ensureDir(dir: string, what = 'folder'): void {
  const abs = path.resolve(dir);
  const missing: string[] = [];
  let cur = abs;
  for (;;) {
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(cur);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw storeError(abs, what, error);
    }
    if (st) {
      if (!st.isDirectory()) {
        throw new MimicfixError(
          'MIMICFIX_STORE',
          cur === abs
            ? `The ${what} ${abs} is not a folder (a file of that name exists).`
            : `Cannot create the ${what} ${abs}: ${cur} is a file, not a folder.`,
          { hint: `Remove that file or choose another path for the ${what}.`, details: { path: abs } },
        );
      }
      break;
    }
    missing.push(cur);
    const parent = path.dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (error) {
      // Another process may have created it meanwhile.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isDir(d)) continue;
      throw storeError(abs, what, error);
    }
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function storeError(dir: string, what: string, error: unknown): MimicfixError {
  const e = error as NodeJS.ErrnoException;
  return new MimicfixError('MIMICFIX_STORE', `Cannot create the ${what} ${dir}: ${e.message}`, {
    hint: `Choose a writable path for the ${what}${what === 'cache dir' ? ' (--cache-dir, cacheDir or MIMICFIX_CACHE_DIR)' : ''}.`,
    cause: error,
    details: { path: dir, ...(e.code ? { errno: e.code } : {}) },
  });
}
