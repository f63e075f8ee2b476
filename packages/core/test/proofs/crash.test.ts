/**
 * Crash proof: a generating process is SIGKILLed at seeded random points, many times. Afterwards the store holds
 * only complete, verifiable entries (or none), the next run succeeds with the right bytes, and a dead holder's
 * lock blocks the next run for at most its stale timeout. Plus: artifacts damaged from outside are detected.
 */
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalBackend } from '../../src/backends/local';
import { resolve } from '../../src/resolve/resolve';
import { DiskStore } from '../../src/store/disk-store';
import { verifyStore } from '../../src/store/verify-store';
import type { MimicfixOptions } from '../../src/types';
import { tempDir } from '../helpers/temp';
import { runWorker, startWorker, writeSmallProject } from './fixtures/worker';

const SEED = 20261203;
const LANES = 4;
const TRIALS_PER_LANE = 13; // 52 trials
const LOCK_STALE_MS = 2000;
/**
 * Slack on a loaded 2-core machine (other test files run in parallel): lock poll backoff (≤ 500 ms), timer lag,
 * loading the project. The bound still separates "stale lock taken over" from "waited for lockTimeoutMs (60 s)".
 */
const MARGIN_MS = 3000;
const SLOW_MS = 40;

/** mulberry32: a tiny seeded PRNG, so that a failing schedule can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function counterLines(file: string): number {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

/** Every entry folder (not temp leftovers) must have a valid manifest and verify (sha256) — without sweeping. */
async function assertOnlyCompleteEntries(cacheDir: string): Promise<number> {
  const base = path.join(cacheDir, 'v1');
  if (!existsSync(base)) return 0;
  const store = new DiskStore(cacheDir);
  let entries = 0;
  for (const shard of readdirSync(base)) {
    for (const name of readdirSync(path.join(base, shard))) {
      if (name.startsWith('.')) continue; // temp folders and markers: invisible to readers
      const result = await store.verifyEntry(path.join(base, shard, name));
      expect(result.problems, `${name} after a crash`).toEqual([]);
      entries++;
    }
  }
  return entries;
}

function locksLeft(cacheDir: string): number {
  try {
    return readdirSync(path.join(cacheDir, 'locks')).filter((n) => n.endsWith('.lock')).length;
  } catch {
    return 0;
  }
}

interface TrialStats {
  killedBeforeGenerate: number;
  killedAfterGenerateStarted: number;
  finishedBeforeKill: number;
  /** Trials after which the dead process's lock folder was still there: the next run had to take it over. */
  lockLeftBehind: number;
  nextGenerated: number;
  nextHit: number;
  waits: number[];
}

describe('crash proof', () => {
  it(`SIGKILL at seeded random points over ${LANES * TRIALS_PER_LANE} trials: store stays consistent, locks free themselves`, async () => {
    const random = rng(SEED);
    const root = tempDir('mimicfix-proof-crash-');
    writeSmallProject(root, 30);
    const refCache = path.join(root, 'reference-cache');

    // Calibrate the kill window on this machine: how long resolve() takes from READY to done.
    const calib = await runWorker({
      root,
      cacheDir: path.join(root, 'calibration'),
      backend: 'counted',
      counterFile: path.join(root, 'calibration.txt'),
      slowMs: SLOW_MS,
      options: { seed: 'calibration', lockStaleMs: LOCK_STALE_MS },
    });
    expect(calib.error, calib.message).toBeUndefined();
    const windowMs = Math.max(150, Math.round((calib.resolveMs ?? 100) * 1.3));

    // Draw the whole schedule up front so that it does not depend on which lane runs first.
    const schedule = Array.from({ length: LANES }, () =>
      Array.from({ length: TRIALS_PER_LANE }, () => Math.round(random() * windowMs)),
    );
    const stats: TrialStats = {
      killedBeforeGenerate: 0,
      killedAfterGenerateStarted: 0,
      finishedBeforeKill: 0,
      lockLeftBehind: 0,
      nextGenerated: 0,
      nextHit: 0,
      waits: [],
    };
    const reference = new Map<string, Record<string, string>>();

    async function lane(l: number): Promise<void> {
      const cacheDir = path.join(root, `cache-${l}`);
      const counterFile = path.join(root, `generations-${l}.txt`);
      for (const [t, delay] of (schedule[l] as number[]).entries()) {
        const seed = `trial-${l}-${t}`;
        const before = counterLines(counterFile);
        const w = startWorker({
          root,
          cacheDir,
          backend: 'counted',
          counterFile,
          slowMs: SLOW_MS,
          options: { seed, lockStaleMs: LOCK_STALE_MS, lockTimeoutMs: 60_000 },
        });
        await w.ready;
        await new Promise((r) => setTimeout(r, delay));
        w.child.kill('SIGKILL');
        const { result, signal } = await w.done;
        if (signal === null && result?.status) stats.finishedBeforeKill++;
        else if (counterLines(counterFile) > before) stats.killedAfterGenerateStarted++;
        else stats.killedBeforeGenerate++;

        if (locksLeft(cacheDir) > 0) stats.lockLeftBehind++;
        // Only complete, verifiable entries (or none), before anyone cleans up.
        await assertOnlyCompleteEntries(cacheDir);

        // The next run succeeds, waits at most the stale timeout for a dead holder's lock, and has the right bytes.
        let lockTakenAt: number | undefined;
        const options: MimicfixOptions = {
          root,
          cacheDir,
          env: {},
          seed,
          lockStaleMs: LOCK_STALE_MS,
          lockTimeoutMs: 60_000,
          // "generating …" is logged right after the lock is taken: the wait excludes generation time.
          log: (line) => {
            if (line.startsWith('generating ')) lockTakenAt ??= Date.now();
          },
        };
        const started = Date.now();
        const next = await resolve(options, { backend: createLocalBackend() });
        const waited = (lockTakenAt ?? Date.now()) - started;
        stats.waits.push(waited);
        expect(waited, `trial ${l}/${t}: next run waited ${waited} ms`).toBeLessThan(
          LOCK_STALE_MS + MARGIN_MS,
        );
        if (next.status === 'generated') stats.nextGenerated++;
        else stats.nextHit++;
        const ref = await resolve({ ...options, cacheDir: refCache }, { backend: createLocalBackend() });
        const bytes = Object.fromEntries(next.artifacts.map((a) => [a.file, a.sha256]));
        expect(bytes, `trial ${l}/${t}`).toEqual(
          Object.fromEntries(ref.artifacts.map((a) => [a.file, a.sha256])),
        );
        reference.set(seed, bytes);
      }
      // Core's verify over the whole lane: every trial left exactly one good entry.
      const verified = await verifyStore(cacheDir);
      expect(verified.filter((v) => v.ok)).toHaveLength(TRIALS_PER_LANE);
      expect(verified.filter((v) => !v.ok)).toEqual([]);
    }

    await Promise.all(Array.from({ length: LANES }, (_, l) => lane(l)));

    const trials = LANES * TRIALS_PER_LANE;
    const sorted = [...stats.waits].sort((a, b) => a - b);
    console.log(
      `crash proof (seed ${SEED}, ${trials} trials, kill window ${windowMs} ms): ` +
        `killed before generate ${stats.killedBeforeGenerate}, killed after generate started ${stats.killedAfterGenerateStarted}, ` +
        `finished before kill ${stats.finishedBeforeKill}; lock left behind ${stats.lockLeftBehind}; next run generated ${stats.nextGenerated}, hit ${stats.nextHit}; ` +
        `next-run wait median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms ` +
        `(bound ${LOCK_STALE_MS + MARGIN_MS} ms)`,
    );
    expect(stats.waits).toHaveLength(trials);
    expect(reference.size).toBe(trials);
    // The schedule must really hit the dangerous window, or the proof proves nothing.
    expect(stats.killedAfterGenerateStarted).toBeGreaterThan(0);
    expect(stats.lockLeftBehind).toBeGreaterThan(0);
  }, 240_000);
});

describe('artifacts damaged from outside', () => {
  async function warm() {
    const root = tempDir('mimicfix-proof-damage-');
    writeSmallProject(root, 20);
    const lines: string[] = [];
    const options: MimicfixOptions = {
      root,
      cacheDir: path.join(root, 'cache'),
      env: {},
      log: (l) => lines.push(l),
    };
    const first = await resolve(options, { backend: createLocalBackend() });
    expect(first.status).toBe('generated');
    const file = path.join(first.dir, 'person.json');
    return { options, first, file, lines, original: readFileSync(file) };
  }

  const damages: Array<[string, (file: string) => void]> = [
    ['deleted', (f) => rmSync(f)],
    ['truncated', (f) => truncateSync(f, 10)],
    ['extended', (f) => writeFileSync(f, Buffer.concat([readFileSync(f), Buffer.from(' ')]))],
  ];

  for (const [what, damage] of damages) {
    it(`${what} artifact: auto mode regenerates it`, async () => {
      const { options, first, file, lines, original } = await warm();
      damage(file);
      const again = await resolve(options, { backend: createLocalBackend() });
      expect(again.status).toBe('generated');
      expect(again.reason).toMatch(/^miss: cached entry corrupt \(person\.json /);
      expect(lines.join('\n')).toMatch(/is corrupt .*regenerating/);
      expect(readFileSync(path.join(again.dir, 'person.json'))).toEqual(original);
      expect(again.key).toBe(first.key);
      expect((await verifyStore(options.cacheDir as string)).every((v) => v.ok)).toBe(true);
    });

    it(`${what} artifact: frozen mode reports MIMICFIX_CACHE_CORRUPT and leaves it alone`, async () => {
      const { options, file } = await warm();
      damage(file);
      await expect(
        resolve({ ...options, mode: 'frozen' }, { backend: createLocalBackend() }),
      ).rejects.toMatchObject({
        code: 'MIMICFIX_CACHE_CORRUPT',
        message: expect.stringContaining('person.json'),
      });
      expect(existsSync(file)).toBe(what !== 'deleted');
    });
  }

  it('same-size bit flip: caught by verify (sha256), which is what `mimicfix verify` runs', async () => {
    const { options, file } = await warm();
    const bytes = readFileSync(file);
    bytes[5] = (bytes[5] as number) ^ 0x01;
    writeFileSync(file, bytes);
    const results = await verifyStore(options.cacheDir as string);
    expect(results).toHaveLength(1);
    expect(results[0]?.ok).toBe(false);
    expect(results[0]?.problems).toEqual(['person.json sha256 differs from the manifest']);
    // verify --remove deletes it, and the next auto run regenerates the original bytes.
    await verifyStore(options.cacheDir as string, { remove: true });
    const again = await resolve(options, { backend: createLocalBackend() });
    expect(again.status).toBe('generated');
  });
});
