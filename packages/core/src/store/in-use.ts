import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MimicfixError } from '@mimicfix/engine';
import { ensureDir } from '../util/ensure-dir';
import { hostName, isProcessAlive } from '../util/process';
import { hostTag } from './paths';

/** Markers of another host count as live for this long (their pids cannot be checked from here). */
const FOREIGN_MARKER_MAX_AGE_MS = 24 * 3_600_000;

interface MarkerBody {
  pid: number;
  host: string;
  keys: string[];
  createdAt: string;
}

/** A held "in use" marker: `prune` keeps every entry listed in a live marker. */
export interface InUseMarker {
  readonly file: string;
  release(): void;
}

/** `<cacheDir>/in-use` */
export function inUseDir(cacheDir: string): string {
  return path.join(cacheDir, 'in-use');
}

const live = new Set<string>();
let exitHook = false;

/**
 * Marks the entries `keys` as in use by this process until `release()` (or process exit). A marker of a dead
 * process (same host, pid gone) is stale and ignored.
 */
export function markInUse(cacheDir: string, keys: string[]): InUseMarker {
  const dir = inUseDir(cacheDir);
  ensureDir(dir, 'cache dir');
  const file = path.join(
    dir,
    `${hostTag()}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.json`,
  );
  const body: MarkerBody = { pid: process.pid, host: hostName(), keys, createdAt: new Date().toISOString() };
  try {
    writeFileSync(file, JSON.stringify(body));
  } catch (error) {
    throw new MimicfixError(
      'MIMICFIX_STORE',
      `Cannot write the in-use marker ${file}: ${(error as Error).message}`,
      {
        hint: 'Check that the cache folder is writable, or set MIMICFIX_CACHE_DIR.',
        cause: error,
      },
    );
  }
  live.add(file);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const f of live) rmSync(f, { force: true });
    });
  }
  return {
    file,
    release() {
      live.delete(file);
      rmSync(file, { force: true });
    },
  };
}

/** Keys of every live marker; stale markers are deleted on the way. */
export function liveInUseKeys(cacheDir: string): Set<string> {
  const keys = new Set<string>();
  const dir = inUseDir(cacheDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return keys;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    let body: MarkerBody;
    try {
      body = JSON.parse(readFileSync(file, 'utf8')) as MarkerBody;
    } catch {
      continue; // being written right now, or garbage: neither blocks nor gets deleted
    }
    const stale =
      body.host === hostName()
        ? !isProcessAlive(body.pid)
        : Date.now() - safeMtime(file) > FOREIGN_MARKER_MAX_AGE_MS;
    if (stale) {
      rmSync(file, { force: true });
      continue;
    }
    for (const k of body.keys ?? []) keys.add(k);
  }
  return keys;
}

function safeMtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
