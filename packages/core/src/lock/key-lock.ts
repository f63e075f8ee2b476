import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MimicfixError } from '@mimicfix/engine';
import lockfile from 'proper-lockfile';
import { ensureDir } from '../util/ensure-dir';
import { hostName, isProcessAlive } from '../util/process';

/** Who holds a key's lock: written beside the lock so that a waiting process can name it. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export interface KeyLockOptions {
  /** Longest wait for another holder. */
  timeoutMs: number;
  /** A lock whose holder stopped refreshing it for this long is taken over (>= 2000). */
  staleMs: number;
  /** Gets one "waiting for …" line when the lock is busy. */
  log?: (line: string) => void;
  signal?: AbortSignal;
}

/** A held lock. `compromised` turns true if another process took it over (we were too slow refreshing it). */
export interface HeldLock {
  readonly compromised: boolean;
  release(): Promise<void>;
}

/** `<cacheDir>/locks` */
export function locksDir(cacheDir: string): string {
  return path.join(cacheDir, 'locks');
}

function lockPaths(cacheDir: string, key: string) {
  const dir = locksDir(cacheDir);
  return {
    dir,
    target: path.join(dir, key),
    lockDir: path.join(dir, `${key}.lock`),
    holder: path.join(dir, `${key}.holder.json`),
  };
}

/** Reads the holder sidecar of `key`'s lock, if any. */
export function readLockHolder(cacheDir: string, key: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(lockPaths(cacheDir, key).holder, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** True when a live (not stale) process holds `key`'s lock. */
export async function isKeyLocked(cacheDir: string, key: string, staleMs = 30_000): Promise<boolean> {
  const p = lockPaths(cacheDir, key);
  try {
    return await lockfile.check(p.target, { realpath: false, lockfilePath: p.lockDir, stale: staleMs });
  } catch {
    return false;
  }
}

/**
 * Takes the cross-process lock of one cache key (proper-lockfile: a lock folder whose mtime the holder refreshes;
 * a lock not refreshed for `staleMs` is taken over). Waits at most `timeoutMs`, then fails with
 * MIMICFIX_LOCK_TIMEOUT naming the holder's pid and host.
 */
export async function acquireKeyLock(
  cacheDir: string,
  key: string,
  options: KeyLockOptions,
): Promise<HeldLock> {
  const p = lockPaths(cacheDir, key);
  ensureDir(p.dir, 'cache dir');
  const started = Date.now();
  let delay = 25;
  let announced = false;
  let compromised = false;
  for (;;) {
    if (options.signal?.aborted) {
      throw new MimicfixError('MIMICFIX_ABORTED', `Aborted while waiting for the lock of cache key ${key}.`, {
        cause: options.signal.reason,
      });
    }
    try {
      const release = await lockfile.lock(p.target, {
        realpath: false,
        lockfilePath: p.lockDir,
        stale: options.staleMs,
        update: Math.max(1000, Math.floor(options.staleMs / 3)),
        retries: 0,
        // The default throws from a timer and kills the process; losing the lock only costs a duplicate generation.
        onCompromised: () => {
          compromised = true;
        },
      });
      const me: LockHolder = { pid: process.pid, host: hostName(), since: new Date().toISOString() };
      try {
        writeFileSync(p.holder, JSON.stringify(me));
      } catch {}
      return {
        get compromised() {
          return compromised;
        },
        async release() {
          const holder = readLockHolder(cacheDir, key);
          if (holder?.pid === me.pid && holder.host === me.host) rmSync(p.holder, { force: true });
          try {
            await release();
          } catch {
            // Already released or taken over: nothing left to do.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        throw new MimicfixError(
          'MIMICFIX_STORE',
          `Could not create the lock ${p.lockDir}: ${(error as Error).message}`,
          {
            hint: 'Check that the cache folder is writable, or set MIMICFIX_CACHE_DIR.',
            cause: error,
          },
        );
      }
    }
    const holder = readLockHolder(cacheDir, key);
    if (holder && (await holderIsDead(cacheDir, key, holder))) {
      // Same host and the pid is gone (e.g. SIGKILL): no need to wait for the lock to go stale.
      options.log?.(`taking over the lock of dead pid ${holder.pid} on ${holder.host}`);
      rmSync(p.lockDir, { recursive: true, force: true });
      rmSync(p.holder, { force: true });
      continue;
    }
    const who = holder ? `pid ${holder.pid} on ${holder.host} (since ${holder.since})` : 'another process';
    if (Date.now() - started >= options.timeoutMs) {
      throw new MimicfixError(
        'MIMICFIX_LOCK_TIMEOUT',
        `Waited ${options.timeoutMs} ms for ${who} to finish generating cache key ${key.slice(0, 12)}….`,
        {
          hint: `If that process is gone, delete ${p.lockDir}; otherwise raise lockTimeoutMs.`,
          details: {
            key,
            lock: p.lockDir,
            ...(holder ? { holderPid: holder.pid, holderHost: holder.host } : {}),
          },
        },
      );
    }
    if (!announced) {
      options.log?.(`waiting for ${who}, which is generating the same datasets`);
      announced = true;
    }
    await sleep(Math.min(delay, options.timeoutMs - (Date.now() - started) + 1));
    delay = Math.min(delay * 2, 500);
  }
}

/**
 * True when `holder` ran on this host, its pid is gone, and the sidecar still names it after a short grace: a
 * new holder writes its sidecar right after taking the lock, so a sidecar left by a dead process is only trusted
 * once it did not change for that grace.
 */
async function holderIsDead(cacheDir: string, key: string, holder: LockHolder): Promise<boolean> {
  if (holder.host !== hostName() || holder.pid === process.pid || isProcessAlive(holder.pid)) return false;
  await sleep(DEAD_HOLDER_GRACE_MS);
  const again = readLockHolder(cacheDir, key);
  return (
    again !== undefined &&
    again.pid === holder.pid &&
    again.since === holder.since &&
    again.host === holder.host
  );
}

/** See `holderIsDead`. */
const DEAD_HOLDER_GRACE_MS = 200;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(1, ms)));
}
