import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBackend } from '../../src/backends/local';
import { resolveOptions } from '../../src/config/resolve-options';
import { resolve } from '../../src/resolve/resolve';
import type { SharedEntry } from '../../src/resolve/shared-tier';
import { createKeyvSharedTier } from '../../src/shared/keyv-shared-tier';
import { verifyStore } from '../../src/store/verify-store';
import type { GeneratorBackend, Manifest, MimicfixOptions } from '../../src/types';
import { sha256 } from '../../src/util/hash';
import { tempDir } from '../helpers/temp';
import { runWorker, startWorker, writeSmallProject } from '../proofs/fixtures/worker';
import {
  REDIS_AVAILABLE,
  REDIS_MISSING_MESSAGE,
  REDIS_REQUIRED,
  startTestRedis,
  type TestRedis,
} from './redis';

/** The real local engine, counting its generations (one "machine" per cache dir). */
function countedEngine(): GeneratorBackend & { generations: number } {
  const engine = createLocalBackend();
  const counted = {
    identity: engine.identity,
    generations: 0,
    async generate(...args: Parameters<GeneratorBackend['generate']>) {
      counted.generations++;
      return engine.generate(...args);
    },
  };
  return counted;
}

function machine(root: string, name: string, extra: MimicfixOptions = {}) {
  const lines: string[] = [];
  const options: MimicfixOptions = {
    root,
    cacheDir: path.join(root, `cache-${name}`),
    env: {},
    log: (l) => lines.push(l),
    lockStaleMs: 3000,
    ...extra,
  };
  return { options, lines, backend: countedEngine() };
}

function fakeEntry(key: string, files: Record<string, string>): SharedEntry {
  const artifacts = Object.entries(files).map(([file, text]) => ({
    file,
    dataset: file.split('.')[0] as string,
    format: 'json' as const,
    bytes: Buffer.byteLength(text),
    sha256: sha256(Buffer.from(text)),
    records: 1,
  }));
  const manifest: Manifest = {
    formatVersion: 1,
    key,
    descriptor: 'datamimic.xml',
    createdAt: new Date().toISOString(),
    generator: { kind: 'local', name: 'test', version: '1' },
    inputs: [],
    options: { seed: 's', counts: {}, dataset: null, locale: null, datasets: null },
    datasets: {},
    artifacts,
  };
  return {
    manifest,
    files: Object.fromEntries(Object.entries(files).map(([f, t]) => [f, Buffer.from(t)])),
  };
}

describe('shared tier over any Keyv store (in-memory Map)', () => {
  const KEY = 'a'.repeat(64);

  it('publishes whole entries in chunks and pulls them back byte for byte', async () => {
    const map = new Map<string, unknown>();
    const tier = createKeyvSharedTier(new Keyv({ store: map }), { chunkBytes: 10, log: () => {} });
    const big = JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ id: i })));
    await tier.publish(fakeEntry(KEY, { 'person.json': big, 'empty.json': '' }));
    const chunkKeys = [...map.keys()].filter((k) => k.includes(':chunk:'));
    // ceil(bytes / 10) chunks for person.json, one (empty) chunk for empty.json.
    expect(chunkKeys).toHaveLength(Math.ceil(Buffer.byteLength(big) / 10) + 1);
    expect([...map.keys()].filter((k) => k.includes(':entry:'))).toHaveLength(1);
    const back = await tier.get(KEY);
    expect(back?.files['person.json']?.toString()).toBe(big);
    expect(back?.files['empty.json']?.length).toBe(0);
    expect(await tier.get('b'.repeat(64))).toBeUndefined();
    expect(tier.lockKind).toBe('keyv-best-effort');
  });

  it('ignores, reports and deletes an entry whose bytes do not match the manifest', async () => {
    const map = new Map<string, unknown>();
    const lines: string[] = [];
    const tier = createKeyvSharedTier(new Keyv({ store: map }), { log: (l) => lines.push(l) });
    await tier.publish(fakeEntry(KEY, { 'person.json': '[{"id":1}]' }));
    const chunkKey = [...map.keys()].find((k) => k.includes(':chunk:')) as string;
    const stored = JSON.parse(map.get(chunkKey) as string) as { value: string };
    stored.value = Buffer.from('[{"id":2}]').toString('base64');
    map.set(chunkKey, JSON.stringify(stored));

    expect(await tier.get(KEY)).toBeUndefined();
    expect(lines.join('\n')).toMatch(/failed verification \(person\.json sha256 differs from the manifest\)/);
    expect([...map.keys()].filter((k) => k.includes(':entry:'))).toHaveLength(0);
    // A fresh publish is accepted again after the bad one was removed.
    await tier.publish(fakeEntry(KEY, { 'person.json': '[{"id":1}]' }));
    expect((await tier.get(KEY))?.files['person.json']?.toString()).toBe('[{"id":1}]');
  });

  it('best-effort lock: a second holder waits and stops waiting once the entry is published', async () => {
    const keyv = new Keyv({ store: new Map() });
    const tier = createKeyvSharedTier(keyv, { pollMs: 20, settleMs: 10, lockTtlMs: 60_000, log: () => {} });
    const releaseA = await tier.lock?.(KEY, { timeoutMs: 5000 });
    let bDone = false;
    const b = tier.lock?.(KEY, { timeoutMs: 5000 }).then((release) => {
      bDone = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(bDone).toBe(false);
    await tier.publish(fakeEntry(KEY, { 'person.json': '[]' }));
    const releaseB = await b;
    expect(bDone).toBe(true);
    await releaseB?.();
    await releaseA?.();
    // Released: a third caller gets it at once.
    const other = 'c'.repeat(64);
    const r1 = await tier.lock?.(other, { timeoutMs: 1000 });
    await r1?.();
    const r2 = await tier.lock?.(other, { timeoutMs: 1000 });
    await r2?.();
  });

  it('best-effort lock times out with MIMICFIX_LOCK_TIMEOUT naming the holder', async () => {
    const tier = createKeyvSharedTier(new Keyv({ store: new Map() }), {
      pollMs: 20,
      settleMs: 5,
      log: () => {},
    });
    const release = await tier.lock?.(KEY, { timeoutMs: 1000 });
    await expect(tier.lock?.(KEY, { timeoutMs: 200 })).rejects.toMatchObject({
      code: 'MIMICFIX_LOCK_TIMEOUT',
      message: expect.stringContaining(`pid ${process.pid}`),
    });
    await release?.();
  });

  it('two machines through resolve(): A generates and publishes, B gets a shared hit without generating', async () => {
    const root = tempDir('mimicfix-shared-mem-');
    writeSmallProject(root);
    const keyv = new Keyv({ store: new Map() });
    const a = machine(root, 'a', { shared: keyv });
    const b = machine(root, 'b', { shared: keyv });
    const ra = await resolve(a.options, { backend: a.backend });
    const rb = await resolve(b.options, { backend: b.backend });
    expect([ra.status, rb.status]).toEqual(['generated', 'shared-hit']);
    expect([a.backend.generations, b.backend.generations]).toEqual([1, 0]);
    expect(rb.key).toBe(ra.key);
    expect(rb.dir).not.toBe(ra.dir);
    for (const art of ra.artifacts) {
      expect(readFileSync(path.join(rb.dir, art.file))).toEqual(readFileSync(path.join(ra.dir, art.file)));
    }
    expect((await verifyStore(b.options.cacheDir as string)).map((v) => v.ok)).toEqual([true]);
  });
});

describe('shared option and MIMICFIX_SHARED_URL', () => {
  it('reads the env var, lets an explicit false win, and never prints the password', () => {
    const env = { MIMICFIX_SHARED_URL: 'redis://user:s3cret@127.0.0.1:6379' };
    const o = resolveOptions({ root: '/tmp' }, env);
    expect(o.shared).toEqual({ url: 'redis://user:s3cret@127.0.0.1:6379' });
    expect(JSON.stringify(o)).toContain('"shared":"redis://user:***@127.0.0.1:6379"');
    expect(JSON.stringify(o)).not.toContain('s3cret');
    expect(resolveOptions({ root: '/tmp', shared: false }, env).shared).toBe(false);
    expect(resolveOptions({ root: '/tmp' }, {}).shared).toBe(false);
  });

  it('rejects a URL that is not redis:// and names the env var', () => {
    expect(() => resolveOptions({ root: '/tmp' }, { MIMICFIX_SHARED_URL: 'http://x' })).toThrow(
      expect.objectContaining({
        code: 'MIMICFIX_CONFIG',
        message: expect.stringContaining('MIMICFIX_SHARED_URL'),
      }),
    );
  });

  it('a Redis that is down costs a warning, not the run', async () => {
    const root = tempDir('mimicfix-shared-down-');
    writeSmallProject(root);
    // Port 1 on 127.0.0.1: nothing listens there, the connection is refused at once.
    const m = machine(root, 'a', { shared: { url: 'redis://127.0.0.1:1' } });
    const r = await resolve(m.options, { backend: m.backend });
    expect(r.status).toBe('generated');
    expect(m.backend.generations).toBe(1);
    expect(m.lines.join('\n')).toMatch(/warning: shared cache/);
  });
});

if (!REDIS_AVAILABLE) {
  const note = `shared tier against Redis: ${REDIS_MISSING_MESSAGE}`;
  if (REDIS_REQUIRED) {
    it('Redis is available (MIMICFIX_REQUIRE_REDIS=1)', () => {
      throw new Error(note);
    });
  } else {
    console.warn(`SKIPPED ${note}`);
  }
}

describe.skipIf(!REDIS_AVAILABLE)('shared tier against a real Redis (@keyv/redis)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('two machines: A generates and publishes, B gets a shared hit without generating', async () => {
    const root = tempDir('mimicfix-shared-redis-');
    writeSmallProject(root);
    const prefix = redis.prefix();
    // Small chunks: every artifact is split over several Redis values.
    const shared = { url: redis.url, prefix, ttlMs: 600_000, chunkBytes: 256 };
    const a = machine(root, 'a', { shared });
    const b = machine(root, 'b', { shared });
    const ra = await resolve(a.options, { backend: a.backend });
    const rb = await resolve(b.options, { backend: b.backend });
    expect([ra.status, rb.status]).toEqual(['generated', 'shared-hit']);
    expect([a.backend.generations, b.backend.generations]).toEqual([1, 0]);
    expect(rb.artifacts.map((x) => x.sha256)).toEqual(ra.artifacts.map((x) => x.sha256));
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const chunks = await client.keys(`${prefix}v1:chunk:*`);
      const expected = ra.artifacts.reduce((n, x) => n + Math.ceil(x.bytes / 256), 0);
      expect(chunks).toHaveLength(expected);
      expect(expected).toBeGreaterThan(ra.artifacts.length);
      expect(await client.keys(`${prefix}v1:lock:*`)).toEqual([]); // released
    } finally {
      await client.close();
    }
    expect(rb.datasets.person?.records).toBe(40);
    // A third resolve on B is a plain disk hit.
    expect((await resolve(b.options, { backend: b.backend })).status).toBe('hit');
  });

  it('corrupted bytes in Redis are detected: B regenerates, and republishes a good entry', async () => {
    const root = tempDir('mimicfix-shared-corrupt-');
    writeSmallProject(root);
    const prefix = redis.prefix();
    const shared = { url: redis.url, prefix, ttlMs: 600_000 };
    const a = machine(root, 'a', { shared });
    await resolve(a.options, { backend: a.backend });

    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys(`${prefix}v1:chunk:*`);
      expect(keys.length).toBeGreaterThan(0);
      const chunk = keys.sort()[0] as string;
      const stored = JSON.parse((await client.get(chunk)) as string) as { value: string };
      const bytes = Buffer.from(stored.value, 'base64');
      bytes[0] = (bytes[0] as number) ^ 0x01; // same size, different content
      stored.value = bytes.toString('base64');
      await client.set(chunk, JSON.stringify(stored), { expiration: 'KEEPTTL' });

      const b = machine(root, 'b', { shared });
      const rb = await resolve(b.options, { backend: b.backend });
      expect(rb.status).toBe('generated');
      expect(b.backend.generations).toBe(1);
      expect(b.lines.join('\n')).toMatch(/failed verification \(.+ sha256 differs from the manifest\)/);

      const c = machine(root, 'c', { shared });
      const rc = await resolve(c.options, { backend: c.backend });
      expect(rc.status).toBe('shared-hit');
      expect(c.backend.generations).toBe(0);
      expect(rc.artifacts.map((x) => x.sha256)).toEqual(rb.artifacts.map((x) => x.sha256));
    } finally {
      await client.close();
    }
  });

  it('4 processes with separate cache dirs contend: exactly 1 generation, identical entries', async () => {
    const root = tempDir('mimicfix-shared-procs-');
    writeSmallProject(root);
    const counterFile = path.join(root, 'generations.txt');
    const shared = { url: redis.url, prefix: redis.prefix(), ttlMs: 600_000 };
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) =>
        runWorker({
          root,
          cacheDir: path.join(root, `cache-${name}`),
          backend: 'counted',
          counterFile,
          slowMs: 300,
          options: { shared, lockStaleMs: 10_000, lockTimeoutMs: 60_000 },
        }),
      ),
    );
    for (const r of results) expect(r.error, r.message).toBeUndefined();
    expect(readFileSync(counterFile, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    expect(results.filter((r) => r.status === 'generated')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'shared-hit')).toHaveLength(3);
    const first = results[0];
    for (const r of results) {
      expect(r.key).toBe(first?.key);
      expect(r.artifacts).toEqual(first?.artifacts);
    }
  });

  it('a holder killed while generating frees the shared lock within its expiry', async () => {
    const root = tempDir('mimicfix-shared-kill-');
    writeSmallProject(root);
    const counterFile = path.join(root, 'generations.txt');
    const lockStaleMs = 2000;
    const shared = { url: redis.url, prefix: redis.prefix(), ttlMs: 600_000 };
    const holder = startWorker({
      root,
      cacheDir: path.join(root, 'cache-a'),
      backend: 'counted',
      counterFile,
      slowMs: 60_000,
      options: { shared, lockStaleMs, lockTimeoutMs: 60_000 },
    });
    // It appends to the counter inside generate(), i.e. while it holds both locks.
    const end = Date.now() + 30_000;
    while (readFileSyncSafe(counterFile) === '') {
      if (Date.now() > end) throw new Error('holder never started generating');
      await new Promise((r) => setTimeout(r, 20));
    }
    holder.child.kill('SIGKILL');
    await holder.done;

    const b = machine(root, 'b', { shared, lockStaleMs, lockTimeoutMs: 60_000 });
    let lockTakenAt: number | undefined;
    const log = b.options.log as (l: string) => void;
    b.options.log = (line) => {
      // Logged right after both locks are taken: the wait excludes generation time.
      if (line.startsWith('generating ')) lockTakenAt ??= Date.now();
      log(line);
    };
    const started = Date.now();
    const rb = await resolve(b.options, { backend: b.backend });
    const waited = (lockTakenAt ?? Date.now()) - started;
    expect(rb.status).toBe('generated');
    expect(b.lines.join('\n')).toMatch(/waiting for pid \d+ on .+\(shared cache\)/);
    // A bound, not a speed test: the lock expires lockStaleMs after its last renewal (< lockTimeoutMs of 60 s);
    // 2 s of slack for polling and timer lag on a loaded machine.
    expect(waited).toBeLessThan(lockStaleMs + 2000);
  });
});

function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
