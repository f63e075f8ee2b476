import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheStatus, hashProject } from '../src/resolve/prepare';
import { resolve } from '../src/resolve/resolve';
import type { MimicfixOptions } from '../src/types';
import { createJsonBackend, regexScanner } from './helpers/json-backend';
import { tempDir, writeFiles } from './helpers/temp';

function setup() {
  const root = tempDir();
  writeFiles(root, {
    'datamimic.xml':
      '<setup>\n  <generate name="person" count="3" source="data/people.ent.csv" target="JSON"/>\n  <generate name="order" count="2" target="JSON"/>\n</setup>\n',
    'data/people.ent.csv': 'name\nAnn\n',
  });
  const counter = path.join(root, 'generations.txt');
  const lines: string[] = [];
  const backend = createJsonBackend({ counterFile: counter });
  const generations = () =>
    existsSync(counter) ? readFileSync(counter, 'utf8').trim().split('\n').length : 0;
  const run = (opts: MimicfixOptions = {}, b = backend) =>
    resolve({ root, env: {}, log: (l) => lines.push(l), ...opts }, { backend: b, scanner: regexScanner });
  return { root, run, generations, lines };
}

describe('resolve', () => {
  it('generates on the first run, hits afterwards, regenerates when a closure file changes', async () => {
    const { root, run, generations } = setup();
    const first = await run();
    expect(first).toMatchObject({
      status: 'generated',
      reason: 'miss: no cached entry',
      descriptor: 'datamimic.xml',
    });
    expect(first.datasets.person).toMatchObject({ format: 'json', files: ['person.json'], records: 3 });
    expect(first.datasets.order?.records).toBe(2);
    expect(JSON.parse(readFileSync(path.join(first.dir, 'person.json'), 'utf8'))).toHaveLength(3);
    expect(first.inputs.map((i) => i.path)).toEqual(['data/people.ent.csv', 'datamimic.xml']);
    expect(first.dir.startsWith(path.join(root, 'node_modules', '.cache', 'mimicfix', 'v1'))).toBe(true);

    const second = await run();
    expect(second).toMatchObject({ status: 'hit', reason: 'hit', key: first.key, dir: first.dir });
    expect(generations()).toBe(1);

    writeFileSync(path.join(root, 'data/people.ent.csv'), 'name\nBob\n');
    const third = await run();
    expect(third).toMatchObject({ status: 'generated', reason: 'miss: data/people.ent.csv changed' });
    expect(third.key).not.toBe(first.key);
    expect(generations()).toBe(2);
  });

  it('explains seed, counts and file additions as reasons', async () => {
    const { root, run } = setup();
    await run();
    expect((await run({ seed: 'other' })).reason).toBe('miss: seed changed');
    expect((await run({ seed: 'other', counts: { person: 5 } })).reason).toBe('miss: counts changed');
    writeFiles(root, {
      'datamimic.xml':
        '<setup><generate name="person" count="3" source="data/people.ent.csv" target="JSON"/><x source="data/more.csv"/></setup>',
      'data/more.csv': 'x',
    });
    expect((await run({ seed: 'other', counts: { person: 5 } })).reason).toBe(
      'miss: data/more.csv added, datamimic.xml changed',
    );
  });

  it('frozen mode: hit works, a miss fails listing what changed, nothing is generated', async () => {
    const { root, run, generations } = setup();
    await run();
    expect((await run({ mode: 'frozen' })).status).toBe('hit');
    writeFileSync(path.join(root, 'data/people.ent.csv'), 'name\nBob\n');
    await expect(run({ mode: 'frozen', seed: 'x' })).rejects.toMatchObject({
      code: 'MIMICFIX_CACHE_MISS',
      message: expect.stringContaining('data/people.ent.csv changed, seed changed'),
      hint: expect.stringContaining('mimicfix generate'),
    });
    expect(generations()).toBe(1);
  });

  it('offline mode fails on a miss without generating; with an empty cache says so', async () => {
    const { run, generations } = setup();
    await expect(run({ mode: 'offline' })).rejects.toMatchObject({
      code: 'MIMICFIX_CACHE_MISS',
      message: expect.stringContaining('There is no cached entry'),
    });
    expect(generations()).toBe(0);
  });

  it('refresh mode always regenerates and replaces the entry', async () => {
    const { run, generations } = setup();
    const a = await run();
    const b = await run({ mode: 'refresh' });
    expect(b).toMatchObject({ status: 'generated', reason: 'refresh', key: a.key, dir: a.dir });
    expect(generations()).toBe(2);
    expect((await run()).status).toBe('hit');
  });

  it('regenerates a corrupt entry in auto mode and fails in frozen mode', async () => {
    const { run, generations } = setup();
    const a = await run();
    rmSync(path.join(a.dir, 'person.json'));
    await expect(run({ mode: 'frozen' })).rejects.toMatchObject({
      code: 'MIMICFIX_CACHE_CORRUPT',
      message: expect.stringContaining('person.json is missing'),
    });
    const b = await run();
    expect(b).toMatchObject({
      status: 'generated',
      reason: 'miss: cached entry corrupt (person.json is missing)',
    });
    expect(JSON.parse(readFileSync(path.join(b.dir, 'person.json'), 'utf8'))).toHaveLength(3);
    expect(generations()).toBe(2);
  });

  it('logs key inputs with debug, never a token', async () => {
    const { run, lines } = setup();
    await run({ debug: true });
    expect(lines[0]).toMatch(/^key [0-9a-f]{64} for datamimic\.xml/);
    expect(lines.some((l) => l.includes('file data/people.ent.csv'))).toBe(true);
    expect(lines.some((l) => l.includes('seed "mimicfix"'))).toBe(true);
  });

  it('prunes automatically after resolve when configured, keeping the entry it returns', async () => {
    const { run } = setup();
    await run({ seed: 'a' });
    await run({ seed: 'b' });
    const c = await run({ seed: 'c', prune: { keep: 1 } });
    expect(existsSync(c.dir)).toBe(true);
    expect(await run({ seed: 'a', mode: 'offline' }).catch((e) => e.code)).toBe('MIMICFIX_CACHE_MISS');
  });

  it('puts a different generator identity under a different key', async () => {
    const { run } = setup();
    const a = await run();
    const b = await run(
      {},
      createJsonBackend({ identity: { kind: 'local', name: 'test-json-backend', version: '2.0.0' } }),
    );
    expect(b.status).toBe('generated');
    expect(b.reason).toBe('miss: generator changed (test-json-backend@1.0.0 → test-json-backend@2.0.0)');
    expect(b.key).not.toBe(a.key);
  });
});

describe('resolve failures', () => {
  it('leaves no temp folder and no held lock when the generator fails', async () => {
    const { root, run } = setup();
    const failing = {
      identity: { kind: 'local', name: 'test-json-backend', version: '1.0.0' } as const,
      async generate(_p: unknown, outDir: string) {
        writeFileSync(path.join(outDir, 'person.json'), '[');
        throw new Error('generator exploded');
      },
    };
    await expect(run({}, failing)).rejects.toThrow('generator exploded');
    const cache = path.join(root, 'node_modules', '.cache', 'mimicfix');
    const shards = readdirSync(path.join(cache, 'v1'));
    for (const s of shards) expect(readdirSync(path.join(cache, 'v1', s))).toEqual([]);
    expect(readdirSync(path.join(cache, 'locks'))).toEqual([]);
    expect((await run()).status).toBe('generated');
  });
});

describe('hashProject / cacheStatus', () => {
  it('computes the key without the store and reports hit/miss with reasons', async () => {
    const root = tempDir();
    writeFiles(root, { 'datamimic.xml': '<setup><generate name="person" count="2" target="JSON"/></setup>' });
    const opts = { root, env: {}, log: () => {} };
    const deps = { backend: createJsonBackend(), scanner: regexScanner };
    const hash = await hashProject(opts, deps);
    expect(hash.key).toMatch(/^[0-9a-f]{64}$/);
    expect(hash.inputs.map((i) => i.input)).toContain('file datamimic.xml');
    expect(await cacheStatus(opts, deps)).toMatchObject({ status: 'miss', reason: 'miss: no cached entry' });
    const m = await resolve(opts, deps);
    expect(m.key).toBe(hash.key);
    expect(await cacheStatus(opts, deps)).toMatchObject({ status: 'hit', dir: m.dir });
    expect(await cacheStatus({ ...opts, seed: 'x' }, deps)).toMatchObject({
      status: 'miss',
      changes: ['seed changed'],
    });
  });
});

describe('the token', () => {
  it('appears in no error, log line or file when a remote generator is configured', async () => {
    const root = tempDir();
    writeFiles(root, { 'datamimic.xml': '<setup><generate name="person" count="2" target="JSON"/></setup>' });
    const lines: string[] = [];
    const env = {
      DATAMIMIC_URL: 'http://127.0.0.1:9',
      DATAMIMIC_PROJECT_ID: 'p1',
      DATAMIMIC_TOKEN: 'tok-VERY-SECRET',
    };
    const error = await resolve(
      { root, env, mode: 'offline', debug: true, log: (l) => lines.push(l) },
      { scanner: regexScanner },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MIMICFIX_CACHE_MISS' });
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
      'SECRET',
    );
    expect(lines.join('\n')).toContain('"kind":"remote","host":"127.0.0.1:9","projectId":"p1"');
    expect(lines.join('\n')).not.toContain('SECRET');
    const hashed = await hashProject({ root, env }, { scanner: regexScanner });
    expect(JSON.stringify(hashed)).not.toContain('SECRET');
  });
});
