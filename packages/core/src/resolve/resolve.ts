import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type DescriptorScan, MimicfixError } from '@mimicfix/engine';
import { loadOptions } from '../config/load-options';
import type { ResolvedOptions } from '../config/resolve-options';
import { explainKey } from '../key/compute-key';
import { acquireKeyLock } from '../lock/key-lock';
import { prune } from '../prune/prune';
import { openSharedTier } from '../shared/shared-options';
import { DiskStore } from '../store/disk-store';
import type { GeneratorBackend, Manifest, MimicfixOptions, ResolvedManifest, ResolveStatus } from '../types';
import { ensureDir } from '../util/ensure-dir';
import { describeChanges, summariseChanges } from './describe-changes';
import { prepareRun } from './prepare';
import type { SharedTier } from './shared-tier';

/** Collaborators of `resolve()` that callers may supply (tests, the CLI, the shared tier). */
export interface ResolveDeps {
  /** Generator to use instead of `selectBackend(options)`. */
  backend?: GeneratorBackend;
  /** SHARED-TIER SEAM: the optional second cache level (src/shared/). */
  shared?: SharedTier;
  /** Descriptor scanner instead of the engine's `scanDescriptor`. */
  scanner?: (descriptorPath: string) => DescriptorScan;
}

/**
 * Turns the descriptor into datasets, from the cache when possible: load the project → key → disk lookup →
 * (shared tier) → lock → re-check → generate into a temp folder → store → unlock. Honours the mode
 * (`auto` | `frozen` | `refresh` | `offline`), and says why in `reason` (`hit`, `miss: data/x.csv changed`, …).
 */
export async function resolve(
  options: MimicfixOptions | ResolvedOptions = {},
  deps: ResolveDeps = {},
): Promise<ResolvedManifest> {
  // SHARED TIER (src/shared/): open the tier of option `shared` / MIMICFIX_SHARED_URL unless the caller passed
  // one; frozen and offline never consult it. A connection opened here is closed here.
  const o = await loadOptions(options);
  if (deps.shared || o.shared === false || o.mode === 'frozen' || o.mode === 'offline')
    return resolveWith(o, deps);
  const opened = await openSharedTier(o.shared, { lockTtlMs: o.lockStaleMs, log: o.log });
  try {
    return await resolveWith(o, { ...deps, shared: opened.tier });
  } finally {
    await opened.close();
  }
}

async function resolveWith(options: ResolvedOptions, deps: ResolveDeps): Promise<ResolvedManifest> {
  const started = performance.now();
  // Waiting for another process's lock is not work of this resolve: reported apart from durationMs.
  let lockWaitMs = 0;
  const { options: o, project, backend, keyOptions, key } = await prepareRun(options, deps);
  const log = o.log;
  for (const w of project.warnings) log(`warning: ${w}`);
  if (o.debug) {
    log(`key ${key} for ${o.descriptor} (mode ${o.mode}, cache ${o.cacheDir})`);
    for (const i of explainKey(project, backend.identity, keyOptions))
      log(`  ${i.digest.slice(0, 16)}  ${i.input}`);
  }
  const store = new DiskStore(o.cacheDir);
  const inputs = project.files.map((f) => ({ path: f.path, sha256: f.sha256 }));
  const done = (
    manifest: Manifest,
    dir: string,
    status: ResolveStatus,
    reason: string,
  ): ResolvedManifest => ({
    ...manifest,
    dir,
    status,
    reason,
    durationMs: Math.round(performance.now() - started - lockWaitMs),
    ...(lockWaitMs >= 1 ? { lockWaitMs: Math.round(lockWaitMs) } : {}),
  });

  let reason = 'refresh';
  let replace = o.mode === 'refresh';
  if (o.mode !== 'refresh') {
    const found = await store.get(key);
    if (found.status === 'hit') return finish(o, done(found.manifest, found.dir, 'hit', 'hit'));
    if (found.status === 'corrupt') {
      if (o.mode === 'frozen' || o.mode === 'offline') {
        throw new MimicfixError(
          'MIMICFIX_CACHE_CORRUPT',
          `Cache entry ${found.dir} is corrupt: ${found.problem}.`,
          {
            hint: `In ${o.mode} mode it is not regenerated. Run once with MIMICFIX_MODE=auto to rebuild it, or delete ${found.dir}.`,
            details: { key, dir: found.dir },
          },
        );
      }
      log(`cache entry ${path.basename(found.dir)} is corrupt (${found.problem}); regenerating`);
      reason = `miss: cached entry corrupt (${found.problem})`;
      replace = true;
    } else {
      const newest = await store.findNewestForDescriptor(o.descriptor);
      const changes = newest
        ? describeChanges(newest.manifest, { generator: backend.identity, inputs, options: keyOptions })
        : [];
      reason = newest ? `miss: ${summariseChanges(changes)}` : 'miss: no cached entry';
      if (o.mode === 'frozen' || o.mode === 'offline') {
        throw missError(o, key, changes, newest?.manifest);
      }
    }

    // SHARED-TIER SEAM (lookup): between the disk miss and generation.
    if (deps.shared) {
      const put = await pullShared(deps.shared, store, key, replace);
      if (put) return finish(o, done(put.manifest, put.dir, 'shared-hit', 'shared hit'));
    }
  }

  ensureDir(o.cacheDir, 'cache dir');
  const waitStarted = performance.now();
  let waited = false;
  const lock = await acquireKeyLock(o.cacheDir, key, {
    timeoutMs: o.lockTimeoutMs,
    staleMs: o.lockStaleMs,
    log: (line) => {
      waited = true;
      log(line);
    },
    ...(o.signal ? { signal: o.signal } : {}),
  });
  if (waited) {
    lockWaitMs = performance.now() - waitStarted;
    log(`waited ${Math.round(lockWaitMs)} ms for the lock of key ${key.slice(0, 12)}…`);
  }
  // SHARED-TIER SEAM (distributed lock): held inside the file lock so that one machine generates per key.
  const releaseShared = deps.shared?.lock
    ? await deps.shared.lock(key, { timeoutMs: o.lockTimeoutMs, ...(o.signal ? { signal: o.signal } : {}) })
    : undefined;
  try {
    // Another process may have generated it while we waited for the lock.
    const again = await store.get(key);
    if (again.status === 'hit') {
      const fresh = Date.parse(again.manifest.createdAt) >= Date.now() - (performance.now() - started);
      if (o.mode !== 'refresh' || fresh) {
        return finish(o, done(again.manifest, again.dir, 'hit', 'hit (generated by another process)'));
      }
    }
    // SHARED TIER (re-check): another machine may have published the entry while we waited for the shared lock.
    if (deps.shared && o.mode !== 'refresh') {
      const put = await pullShared(deps.shared, store, key, replace);
      if (put)
        return finish(
          o,
          done(put.manifest, put.dir, 'shared-hit', 'shared hit (generated by another machine)'),
        );
    }
    const names = project.expected.filter((e) => !e.nested).map((e) => e.name);
    if (names.length === 0) {
      log(
        `warning: no <generate> with a file target in ${o.descriptor}: there will be no datasets (${reason})`,
      );
    } else log(`generating ${names.join(', ')} (${reason})`);
    const temp = await store.createTemp(key);
    let put: Awaited<ReturnType<DiskStore['put']>>;
    try {
      const artifacts = await backend.generate(project, temp, {
        keyOptions,
        log,
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.onProgress ? { onProgress: o.onProgress } : {}),
        limits: o.limits,
      });
      put = await store.put(
        temp,
        {
          key,
          descriptor: o.descriptor,
          generator: backend.identity,
          inputs,
          options: keyOptions,
          artifacts,
        },
        { replace },
      );
    } finally {
      await store.removeTemp(temp);
    }
    // SHARED-TIER SEAM (publish): upload the new entry for other machines.
    if (deps.shared && put.kept === 'new') await publishShared(deps.shared, put.dir, put.manifest, log);
    return finish(o, done(put.manifest, put.dir, 'generated', reason));
  } finally {
    await releaseShared?.();
    await lock.release();
  }
}

/** SHARED TIER: pulls `key` from the shared tier (verified there) into the disk store; undefined on a miss. */
async function pullShared(
  shared: SharedTier,
  store: DiskStore,
  key: string,
  replace: boolean,
): Promise<Awaited<ReturnType<DiskStore['put']>> | undefined> {
  const entry = await shared.get(key);
  if (!entry) return undefined;
  const temp = await store.createTemp(key);
  try {
    for (const [file, bytes] of Object.entries(entry.files))
      await writeFile(path.join(temp, path.basename(file)), bytes);
  } catch (error) {
    await store.removeTemp(temp);
    throw error;
  }
  return store.put(temp, { ...entry.manifest, artifacts: entry.manifest.artifacts }, { replace });
}

async function finish(o: ResolvedOptions, result: ResolvedManifest): Promise<ResolvedManifest> {
  if (o.prune !== false) {
    const pruned = await prune(o, { ...o.prune, protect: [result.key] });
    if (pruned.removed.length > 0)
      o.log(`pruned ${pruned.removed.length} old cache entr${pruned.removed.length === 1 ? 'y' : 'ies'}`);
  }
  return result;
}

async function publishShared(
  shared: SharedTier,
  dir: string,
  manifest: Manifest,
  log: (l: string) => void,
): Promise<void> {
  try {
    const files: Record<string, Buffer> = {};
    for (const a of manifest.artifacts) files[a.file] = await readFile(path.join(dir, a.file));
    await shared.publish({ manifest, files });
  } catch (error) {
    log(`warning: could not publish to the shared cache: ${(error as Error).message}`);
  }
}

function missError(
  o: ResolvedOptions,
  key: string,
  changes: string[],
  newest: Manifest | undefined,
): MimicfixError {
  const against = newest
    ? ` Compared with the newest cached entry for ${o.descriptor} (${newest.createdAt}): ${changes.length > 0 ? changes.join(', ') : 'key inputs changed'}.`
    : ` There is no cached entry for ${o.descriptor} in ${o.cacheDir}.`;
  const hint =
    o.mode === 'frozen'
      ? 'Frozen mode never generates. Regenerate with `mimicfix generate` (or MIMICFIX_MODE=auto) and restore/commit the cache, or revert the change.'
      : 'Offline mode never generates. Run once without MIMICFIX_MODE=offline to fill the cache.';
  return new MimicfixError(
    'MIMICFIX_CACHE_MISS',
    `Cache miss in ${o.mode} mode (key ${key.slice(0, 12)}…).${against}`,
    {
      hint,
      details: { key, mode: o.mode, changes },
    },
  );
}
