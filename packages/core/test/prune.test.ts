import { spawn } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prune } from '../src/prune/prune';
import { DiskStore } from '../src/store/disk-store';
import { markInUse } from '../src/store/in-use';
import { verifyStore } from '../src/store/verify-store';
import { parseDuration, parseSize } from '../src/util/units';
import { CHILD_DIST } from './helpers/global-setup';
import { tempDir } from './helpers/temp';

const DAY = 86_400_000;

/** Four entries of 1000 bytes (+ manifest), last used 1..4 days ago: k1 newest. */
async function fill(cache: string) {
  const store = new DiskStore(cache);
  const keys: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const key = `${i}${i}`.padEnd(64, 'a');
    const temp = await store.createTemp(key);
    writeFileSync(path.join(temp, 'p.json'), `[${'0,'.repeat(498)}0]`);
    const { dir } = await store.put(temp, {
      key,
      descriptor: 'datamimic.xml',
      generator: { kind: 'local', name: 'e', version: '1' },
      inputs: [],
      options: { seed: String(i), counts: {}, dataset: null, locale: null, datasets: null },
      artifacts: [{ file: 'p.json', dataset: 'p', format: 'json', records: 499 }],
    });
    const t = new Date(Date.now() - i * DAY);
    utimesSync(path.join(dir, '.last-used'), t, t);
    keys.push(key);
  }
  return { store, keys };
}

const remaining = async (store: DiskStore) => (await store.listEntries()).map((e) => e.key);

describe('prune', () => {
  it('keeps the newest N entries', async () => {
    const cache = tempDir();
    const { store, keys } = await fill(cache);
    const r = await prune(cache, { keep: 2 });
    expect(r.removed.map((e) => e.key)).toEqual([keys[2], keys[3]]);
    expect(await remaining(store)).toEqual([keys[0], keys[1]]);
  });

  it('removes entries older than a duration', async () => {
    const cache = tempDir();
    const { store, keys } = await fill(cache);
    await prune(cache, { olderThan: '2.5d' });
    expect(await remaining(store)).toEqual([keys[0], keys[1]]);
  });

  it('fits a size budget by removing least recently used entries', async () => {
    const cache = tempDir();
    const { store, keys } = await fill(cache);
    const per = (await store.listEntries())[0]?.bytes ?? 0;
    expect(per).toBeGreaterThan(1000);
    const r = await prune({ cacheDir: cache }, { maxSize: per * 3 - 1 });
    expect(await remaining(store)).toEqual([keys[0], keys[1]]);
    expect(r.bytesAfter).toBe(per * 2);
  });

  it('dry run removes nothing', async () => {
    const cache = tempDir();
    const { store } = await fill(cache);
    const r = await prune(cache, { keep: 0, dryRun: true });
    expect(r.removed).toHaveLength(4);
    expect(await remaining(store)).toHaveLength(4);
  });

  it('never removes entries in use by a live process; a dead process marker does not protect', async () => {
    const cache = tempDir();
    const { store, keys } = await fill(cache);
    const own = markInUse(cache, [keys[3] as string]);
    const ready = path.join(cache, 'ready');
    const child = spawn(
      process.execPath,
      [path.join(__dirname, 'fixtures/hold-in-use.mjs'), CHILD_DIST, cache, ready, keys[2] as string],
      {
        stdio: 'ignore',
      },
    );
    try {
      for (let i = 0; i < 400 && !existsSync(ready); i++) await new Promise((r) => setTimeout(r, 25));
      const r = await prune(cache, { keep: 0 });
      expect(r.keptInUse.sort()).toEqual([keys[2], keys[3]].sort());
      expect(await remaining(store)).toEqual([keys[2], keys[3]]);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));
      own.release();
      await prune(cache, { keep: 0 });
      expect(await remaining(store)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      own.release();
    }
  });
});

describe('verifyStore', () => {
  it('reports and optionally removes corrupt entries', async () => {
    const cache = tempDir();
    const { store, keys } = await fill(cache);
    const dir = (await store.findEntryDir(keys[1] as string)) as string;
    writeFileSync(path.join(dir, 'p.json'), `[${'1,'.repeat(498)}0]`); // same size
    const results = await verifyStore(cache);
    expect(results.filter((r) => !r.ok).map((r) => r.key)).toEqual([keys[1]]);
    await verifyStore(cache, { remove: true });
    expect(await remaining(store)).toEqual([keys[0], keys[2], keys[3]]);
  });
});

describe('units', () => {
  it('parses sizes and durations and rejects nonsense naming the option', () => {
    expect(parseSize('500MB')).toBe(500 * 1024 * 1024);
    expect(parseSize('1.5 kb')).toBe(1536);
    expect(parseSize(10)).toBe(10);
    expect(parseDuration('7d')).toBe(7 * DAY);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(() => parseSize('5 parsecs', 'prune.maxSize')).toThrowError(/prune\.maxSize/);
    expect(() => parseDuration('-1d')).toThrowError(expect.objectContaining({ code: 'MIMICFIX_CONFIG' }));
  });
});
