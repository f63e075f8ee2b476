import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireKeyLock, readLockHolder } from '../src/lock/key-lock';
import { hashProject } from '../src/resolve/prepare';
import { resolve } from '../src/resolve/resolve';
import { CHILD_DIST } from './helpers/global-setup';
import { tempDir, writeFiles } from './helpers/temp';

const FIXTURES = path.join(__dirname, 'fixtures');
const KEY = 'e'.repeat(64);

function run(
  script: string,
  args: string[],
): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(process.execPath, [path.join(FIXTURES, script), CHILD_DIST, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const done = new Promise<{ code: number | null; out: string }>((res) =>
    child.on('close', (code) => res({ code, out: out || err })),
  );
  return { child, done };
}

async function waitFor(file: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!existsSync(file)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${file}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('key lock across processes', () => {
  it('lets exactly one of N contending processes generate; the others read its entry', async () => {
    const root = tempDir();
    writeFiles(root, { 'datamimic.xml': '<setup><generate name="person" count="2" target="JSON"/></setup>' });
    const cache = path.join(root, 'cache');
    const counter = path.join(root, 'generations.txt');
    const workers = Array.from({ length: 4 }, () => run('resolve-worker.mjs', [root, cache, counter, '400']));
    const results = await Promise.all(workers.map((w) => w.done));
    for (const r of results) expect(r.code, r.out).toBe(0);
    const parsed = results.map(
      (r) => JSON.parse(r.out) as { status: string; reason: string; key: string; records: number },
    );
    expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(parsed.filter((p) => p.status === 'generated')).toHaveLength(1);
    expect(parsed.filter((p) => p.status === 'hit')).toHaveLength(3);
    expect(new Set(parsed.map((p) => p.key)).size).toBe(1);
    for (const p of parsed) expect(p.records).toBe(2);
  });

  it('names the holder on timeout and takes over a killed holder after the stale time', async () => {
    const cache = tempDir();
    const ready = path.join(cache, 'ready');
    const holder = run('hold-lock.mjs', [cache, KEY, ready]);
    try {
      await waitFor(ready);
      const pid = Number(readFileSync(ready, 'utf8'));
      expect(readLockHolder(cache, KEY)).toMatchObject({ pid, host: os.hostname() });
      const lines: string[] = [];
      await expect(
        acquireKeyLock(cache, KEY, { timeoutMs: 300, staleMs: 2000, log: (l) => lines.push(l) }),
      ).rejects.toMatchObject({
        code: 'MIMICFIX_LOCK_TIMEOUT',
        message: expect.stringContaining(`pid ${pid} on ${os.hostname()}`),
      });
      expect(lines[0]).toContain(`pid ${pid}`);
      holder.child.kill('SIGKILL');
      await holder.done;
      const lock = await acquireKeyLock(cache, KEY, { timeoutMs: 20_000, staleMs: 2000 });
      expect(readLockHolder(cache, KEY)?.pid).toBe(process.pid);
      await lock.release();
      expect(readLockHolder(cache, KEY)).toBeUndefined();
    } finally {
      holder.child.kill('SIGKILL');
    }
  });

  it('takes over at once the lock of a SIGKILLed holder on this host (no waiting for the stale time)', async () => {
    const cache = tempDir();
    const ready = path.join(cache, 'ready');
    const holder = run('hold-lock.mjs', [cache, KEY, ready]);
    try {
      await waitFor(ready);
      const pid = Number(readFileSync(ready, 'utf8'));
      holder.child.kill('SIGKILL');
      await holder.done;
      const lines: string[] = [];
      // Stale time 60 s, timeout 10 s: only the dead-pid takeover can get this lock.
      const lock = await acquireKeyLock(cache, KEY, {
        timeoutMs: 10_000,
        staleMs: 60_000,
        log: (l) => lines.push(l),
      });
      expect(lines).toContain(`taking over the lock of dead pid ${pid} on ${os.hostname()}`);
      expect(readLockHolder(cache, KEY)?.pid).toBe(process.pid);
      await lock.release();
    } finally {
      holder.child.kill('SIGKILL');
    }
  });

  it('resolve() reports the lock wait apart from durationMs', async () => {
    const root = tempDir();
    writeFiles(root, { 'datamimic.xml': '<setup><generate name="person" count="2" target="JSON"/></setup>' });
    const cache = path.join(root, 'cache');
    const opts = { root, cacheDir: cache, env: {}, lockStaleMs: 60_000 };
    const { key } = await hashProject(opts);
    const ready = path.join(root, 'ready');
    const holder = run('hold-lock.mjs', [cache, key, ready]);
    try {
      await waitFor(ready);
      const lines: string[] = [];
      const pending = resolve({ ...opts, log: (l) => lines.push(l) });
      // Kill the holder only once resolve() is waiting for its lock.
      const end = Date.now() + 20_000;
      while (!lines.some((l) => l.startsWith('waiting for')) && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 25));
      }
      holder.child.kill('SIGKILL');
      const manifest = await pending;
      expect(manifest.status).toBe('generated');
      expect(manifest.lockWaitMs).toBeGreaterThan(0);
      expect(lines).toContainEqual(expect.stringMatching(/^waited \d+ ms for the lock of key /));
    } finally {
      holder.child.kill('SIGKILL');
    }
  });

  it('serialises two holders in one process and releases cleanly', async () => {
    const cache = tempDir();
    const a = await acquireKeyLock(cache, KEY, { timeoutMs: 1000, staleMs: 2000 });
    const order: string[] = [];
    const b = acquireKeyLock(cache, KEY, { timeoutMs: 10_000, staleMs: 2000 }).then((l) => {
      order.push('b');
      return l;
    });
    await new Promise((r) => setTimeout(r, 100));
    order.push('a-release');
    await a.release();
    await (await b).release();
    expect(order).toEqual(['a-release', 'b']);
  });

  it('stops waiting when the signal aborts', async () => {
    const cache = tempDir();
    const a = await acquireKeyLock(cache, KEY, { timeoutMs: 1000, staleMs: 2000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    await expect(
      acquireKeyLock(cache, KEY, { timeoutMs: 20_000, staleMs: 2000, signal: ac.signal }),
    ).rejects.toMatchObject({
      code: 'MIMICFIX_ABORTED',
    });
    await a.release();
  });
});
