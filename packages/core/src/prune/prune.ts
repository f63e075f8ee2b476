import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isKeyLocked } from '../lock/key-lock';
import { DiskStore, type StoredEntry } from '../store/disk-store';
import { liveInUseKeys } from '../store/in-use';
import type { PruneOptions } from '../types';
import { isProcessAlive } from '../util/process';
import { parseDuration, parseSize } from '../util/units';

export interface PruneResult {
  /** Entries removed (or, with `dryRun`, that would be). */
  removed: Array<{ key: string; dir: string; descriptor: string; bytes: number; lastUsed: number }>;
  /** Entries left in the store. */
  kept: number;
  /** Keys a limit selected but that were kept because a live run uses them (or a generation holds their lock). */
  keptInUse: string[];
  bytesBefore: number;
  bytesAfter: number;
  /** Leftover temp folders of crashed writers removed. */
  tempRemoved: number;
}

/**
 * Removes store entries by least recent use: those unused for `olderThan`, those beyond the newest `keep`, then
 * the oldest until the store fits `maxSize`. Entries listed by a live "in use" marker, entries whose key lock is
 * held, and `protect`ed keys are never removed. Also removes crashed writers' temp folders and stale markers.
 */
export async function prune(
  target: string | { cacheDir: string },
  options: PruneOptions & { protect?: string[]; now?: number } = {},
): Promise<PruneResult> {
  const cacheDir = typeof target === 'string' ? target : target.cacheDir;
  const store = new DiskStore(cacheDir);
  const now = options.now ?? Date.now();
  const olderThan =
    options.olderThan !== undefined ? parseDuration(options.olderThan, 'prune.olderThan') : undefined;
  const maxSize = options.maxSize !== undefined ? parseSize(options.maxSize, 'prune.maxSize') : undefined;
  const keep = options.keep;

  const tempRemoved = options.dryRun ? 0 : await store.sweepTemp(true);
  const entries = await store.listEntries(); // most recently used first
  const protectedKeys = liveInUseKeys(cacheDir);
  for (const k of options.protect ?? []) protectedKeys.add(k);
  for (const e of entries) if (await isKeyLocked(cacheDir, e.key)) protectedKeys.add(e.key);

  const doomed = new Set<StoredEntry>();
  const keptInUse = new Set<string>();
  const select = (e: StoredEntry): boolean => {
    if (protectedKeys.has(e.key)) {
      keptInUse.add(e.key);
      return false;
    }
    doomed.add(e);
    return true;
  };

  if (olderThan !== undefined) for (const e of entries) if (now - e.lastUsed > olderThan) select(e);
  if (keep !== undefined) {
    let survivors = 0;
    for (const e of entries) {
      if (doomed.has(e)) continue;
      if (survivors < keep || !select(e)) survivors++;
    }
  }
  if (maxSize !== undefined) {
    let total = entries.filter((e) => !doomed.has(e)).reduce((n, e) => n + e.bytes, 0);
    for (const e of [...entries].reverse()) {
      if (total <= maxSize) break;
      if (doomed.has(e)) continue;
      if (select(e)) total -= e.bytes;
    }
  }

  const removed: PruneResult['removed'] = [];
  for (const e of entries) {
    if (!doomed.has(e)) continue;
    if (!options.dryRun) await store.remove(e.dir);
    removed.push({
      key: e.key,
      dir: e.dir,
      descriptor: e.manifest.descriptor,
      bytes: e.bytes,
      lastUsed: e.lastUsed,
    });
  }
  if (!options.dryRun) cleanRunFiles(cacheDir);
  const bytesBefore = entries.reduce((n, e) => n + e.bytes, 0);
  const freed = removed.reduce((n, e) => n + e.bytes, 0);
  return {
    removed,
    kept: entries.length - removed.length,
    keptInUse: [...keptInUse],
    bytesBefore,
    bytesAfter: bytesBefore - freed,
    tempRemoved,
  };
}

/** Run manifests (`<cacheDir>/runs/run-<pid>.json`) of processes that are gone. */
function cleanRunFiles(cacheDir: string): void {
  const dir = path.join(cacheDir, 'runs');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^run-(\d+)\.json$/.exec(name);
    if (m && !isProcessAlive(Number(m[1]))) rmSync(path.join(dir, name), { force: true });
  }
}
