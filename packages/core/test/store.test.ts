import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskStore, type EntryDraft } from '../src/store/disk-store';
import { tempName } from '../src/store/paths';
import { tempDir } from './helpers/temp';

const KEY = 'ab'.padEnd(64, '0');
const KEY2 = 'cd'.padEnd(64, '1');

function draft(key: string, artifacts: EntryDraft['artifacts']): EntryDraft {
  return {
    key,
    descriptor: 'tests/datamimic.xml',
    generator: { kind: 'local', name: 'e', version: '1' },
    inputs: [{ path: 'datamimic.xml', sha256: 'f'.repeat(64) }],
    options: { seed: 's', counts: {}, dataset: null, locale: null, datasets: null },
    artifacts,
  };
}

async function putPerson(store: DiskStore, key = KEY, content = '[{"a":1},{"a":2}]') {
  const temp = await store.createTemp(key);
  writeFileSync(path.join(temp, 'person.json'), content);
  return store.put(
    temp,
    draft(key, [{ file: 'person.json', dataset: 'person', format: 'json', records: 2 }]),
  );
}

describe('DiskStore', () => {
  it('writes v1/<key[0..2]>/<slug>_<key>/manifest.json + artifacts and reads it back as a hit', async () => {
    const cache = tempDir();
    const store = new DiskStore(cache);
    const put = await putPerson(store);
    expect(put.kept).toBe('new');
    expect(put.dir).toBe(path.join(cache, 'v1', 'ab', `tests-datamimic_${KEY}`));
    expect(readdirSync(put.dir).sort()).toEqual(['.last-used', 'manifest.json', 'person.json']);
    const manifest = JSON.parse(readFileSync(path.join(put.dir, 'manifest.json'), 'utf8'));
    expect(manifest.artifacts).toEqual([
      {
        file: 'person.json',
        dataset: 'person',
        format: 'json',
        bytes: 17,
        sha256: createHash('sha256').update('[{"a":1},{"a":2}]').digest('hex'),
        records: 2,
      },
    ]);
    expect(manifest.datasets.person).toMatchObject({
      format: 'json',
      files: ['person.json'],
      records: 2,
      bytes: 17,
    });
    // no temp folders left behind
    expect(readdirSync(path.join(cache, 'v1', 'ab')).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    const got = await new DiskStore(cache).get(KEY);
    expect(got.status).toBe('hit');
  });

  it('treats an entry without (or with an invalid) manifest as a miss', async () => {
    const cache = tempDir();
    const store = new DiskStore(cache);
    const { dir } = await putPerson(store);
    rmSync(path.join(dir, 'manifest.json'));
    expect((await store.get(KEY)).status).toBe('miss');
    writeFileSync(path.join(dir, 'manifest.json'), '{"formatVersion":1,"key":"x"');
    expect((await store.get(KEY)).status).toBe('miss');
    // a later put replaces the broken folder
    const again = await putPerson(store);
    expect(again.kept).toBe('new');
    expect((await store.get(KEY)).status).toBe('hit');
  });

  it('detects a deleted or resized artifact on read, and a same-size edit with verify', async () => {
    const cache = tempDir();
    const store = new DiskStore(cache);
    const { dir } = await putPerson(store);
    writeFileSync(path.join(dir, 'person.json'), '[{"a":1},{"a":3}]'); // same size, other bytes
    expect((await store.get(KEY)).status).toBe('hit');
    const verified = await store.get(KEY, { verify: true });
    expect(verified).toMatchObject({
      status: 'corrupt',
      problem: 'person.json sha256 differs from the manifest',
    });
    expect((await store.verifyEntry(KEY)).ok).toBe(false);
    writeFileSync(path.join(dir, 'person.json'), '[]');
    expect(await store.get(KEY)).toMatchObject({
      status: 'corrupt',
      problem: 'person.json has 2 bytes, expected 17',
    });
    rmSync(path.join(dir, 'person.json'));
    expect(await store.get(KEY)).toMatchObject({ status: 'corrupt', problem: 'person.json is missing' });
  });

  it('keeps the existing entry when another writer won, and removes its own temp folder', async () => {
    const cache = tempDir();
    const store = new DiskStore(cache);
    const first = await putPerson(store);
    const second = await putPerson(store, KEY, '[{"a":1},{"a":9}]');
    expect(second.kept).toBe('existing');
    expect(second.dir).toBe(first.dir);
    expect(readFileSync(path.join(first.dir, 'person.json'), 'utf8')).toBe('[{"a":1},{"a":2}]');
    expect(readdirSync(path.join(cache, 'v1', 'ab'))).toEqual([path.basename(first.dir)]);
  });

  it('replaces the entry with replace: true (refresh)', async () => {
    const cache = tempDir();
    const store = new DiskStore(cache);
    await putPerson(store);
    const temp = await store.createTemp(KEY);
    writeFileSync(path.join(temp, 'person.json'), '[{"a":5}]');
    const put = await store.put(
      temp,
      draft(KEY, [{ file: 'person.json', dataset: 'person', format: 'json', records: 1 }]),
      {
        replace: true,
      },
    );
    expect(put.kept).toBe('new');
    expect(readFileSync(path.join(put.dir, 'person.json'), 'utf8')).toBe('[{"a":5}]');
    expect(readdirSync(path.join(cache, 'v1', 'ab'))).toHaveLength(1);
  });

  it('removes the temp folder when put fails', async () => {
    const cache = tempDir();
    const store = new DiskStore(cache);
    const temp = await store.createTemp(KEY);
    await expect(
      store.put(temp, draft(KEY, [{ file: 'person.json', dataset: 'person', format: 'json', records: 1 }])),
    ).rejects.toMatchObject({ code: 'MIMICFIX_STORE' });
    expect(existsSync(temp)).toBe(false);
    expect((await store.get(KEY)).status).toBe('miss');
  });

  it("cleans a crashed writer's temp folder and then verifies entries fully on first read", async () => {
    const cache = tempDir();
    const { dir } = await putPerson(new DiskStore(cache));
    // A temp folder of a process that no longer exists (pid 2^22+ is above Linux's pid_max default).
    const dead = path.join(cache, 'v1', 'ab', tempName().replace(`-${process.pid}-`, '-4194999-'));
    mkdirSync(dead);
    writeFileSync(path.join(dead, 'person.json'), 'half');
    writeFileSync(path.join(dir, 'person.json'), '[{"a":1},{"a":3}]'); // same size: only sha256 catches it
    const fresh = new DiskStore(cache);
    expect(await fresh.get(KEY)).toMatchObject({
      status: 'corrupt',
      problem: expect.stringContaining('sha256'),
    });
    expect(existsSync(dead)).toBe(false);
  });

  it('keeps a live writer temp folder', async () => {
    const cache = tempDir();
    const store = new DiskStore(cache);
    const temp = await store.createTemp(KEY);
    expect(await new DiskStore(cache).sweepTemp()).toBe(0);
    expect(existsSync(temp)).toBe(true);
  });

  it('lists entries by last use and finds the newest for a descriptor; touch does not rewrite the entry', async () => {
    const cache = tempDir();
    const store = new DiskStore(cache);
    const a = await putPerson(store, KEY);
    await new Promise((r) => setTimeout(r, 20));
    const b = await putPerson(store, KEY2);
    const manifestMtime = statSync(path.join(a.dir, 'manifest.json')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await store.get(KEY); // use a again
    expect((await store.listEntries()).map((e) => e.key)).toEqual([KEY, KEY2]);
    expect(statSync(path.join(a.dir, 'manifest.json')).mtimeMs).toBe(manifestMtime);
    expect((await store.findNewestForDescriptor('tests/datamimic.xml'))?.key).toBe(KEY2);
    expect(await store.findNewestForDescriptor('other.xml')).toBeUndefined();
    expect(b.manifest.descriptor).toBe('tests/datamimic.xml');
  });

  it('records the CSV separator detected from the header row', async () => {
    const cache = tempDir();
    const store = new DiskStore(cache);
    const temp = await store.createTemp(KEY);
    writeFileSync(path.join(temp, 'p.csv'), 'id,"a|b",c\n1,x,y\n');
    const put = await store.put(
      temp,
      draft(KEY, [{ file: 'p.csv', dataset: 'p', format: 'csv', records: 1 }]),
    );
    expect(put.manifest.datasets.p?.separator).toBe(',');
  });
});
