import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_IDENTITY } from '../src/backends/local';
import { createDatasetAccessor, setupDatasets, teardownDatasets } from '../src/integration';
import { loadProject } from '../src/project/load-project';
import { resolve } from '../src/resolve/resolve';
import { tempDir, writeFiles } from './helpers/temp';

// End to end with the real engine (@mimicfix/engine dist): project loader → key → store → local backend.
const DESCRIPTOR = `<setup>
  <generate name="person" count="5" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    <key name="city" source="data/cities.wgt.csv"/>
    <key name="score" type="int" script="id * 10"/>
  </generate>
  <generate name="order" count="3" target="CSV">
    <key name="no" type="int" script="7"/>
    <key name="tag" constant="t"/>
  </generate>
</setup>
`;

function project() {
  const root = tempDir();
  writeFiles(root, { 'datamimic.xml': DESCRIPTOR, 'data/cities.wgt.csv': 'Berlin|1\nParis|1\n' });
  const lines: string[] = [];
  return { root, lines, opts: { root, env: {}, log: (l: string) => lines.push(l) } };
}

describe('resolve with the local engine', () => {
  it('generates, caches, and regenerates when a source file changes', async () => {
    const { root, opts } = project();
    const first = await resolve(opts);
    expect(first.status).toBe('generated');
    expect(first.generator).toEqual(LOCAL_IDENTITY);
    expect(first.inputs.map((i) => i.path)).toEqual(['data/cities.wgt.csv', 'datamimic.xml']);
    expect(first.datasets.person).toMatchObject({ format: 'json', files: ['person.json'], records: 5 });
    expect(first.datasets.order).toMatchObject({
      format: 'csv',
      files: ['order.csv'],
      records: 3,
      separator: '|',
    });
    const people = JSON.parse(readFileSync(path.join(first.dir, 'person.json'), 'utf8')) as Array<
      Record<string, unknown>
    >;
    expect(people.map((p) => p.id)).toEqual([1, 2, 3, 4, 5]);
    expect(people.map((p) => p.score)).toEqual([10, 20, 30, 40, 50]);
    for (const p of people) expect(['Berlin', 'Paris']).toContain(p.city);

    expect((await resolve(opts)).status).toBe('hit');
    writeFiles(root, { 'data/cities.wgt.csv': 'Rome|1\n' });
    const third = await resolve(opts);
    expect(third).toMatchObject({ status: 'generated', reason: 'miss: data/cities.wgt.csv changed' });
    const again = JSON.parse(readFileSync(path.join(third.dir, 'person.json'), 'utf8')) as Array<
      Record<string, unknown>
    >;
    expect(again.map((p) => p.city)).toEqual(['Rome', 'Rome', 'Rome', 'Rome', 'Rome']);
  });

  it('is deterministic: two cache dirs get byte-identical artifacts and the same key', async () => {
    const { opts } = project();
    const a = await resolve({ ...opts, cacheDir: 'cache-a' });
    const b = await resolve({ ...opts, cacheDir: 'cache-b' });
    expect(b.key).toBe(a.key);
    expect(b.artifacts).toEqual(a.artifacts);
    expect(readFileSync(path.join(b.dir, 'person.json'))).toEqual(
      readFileSync(path.join(a.dir, 'person.json')),
    );
  });

  it('setupDatasets + accessor load JSON and CSV records', async () => {
    const { opts, lines } = project();
    const m = await setupDatasets(opts);
    teardownDatasets();
    expect(lines).toContain(`person: generated 5 records in ${m.durationMs} ms`);
    const use = createDatasetAccessor(() => m);
    expect(use('person')).toHaveLength(5);
    expect(use('order')).toEqual([
      { no: '7', tag: 't' },
      { no: '7', tag: 't' },
      { no: '7', tag: 't' },
    ]);
  });
});

describe('loadProject with the engine scanner', () => {
  it('collects includes, sources and conf/*.properties; resolves {expr} paths from setup variables', () => {
    const root = tempDir();
    writeFiles(root, {
      'datamimic.xml':
        '<setup>\n  <include uri="conf/base.properties"/>\n  <variable name="f" constant="data/people.ent.csv"/>\n' +
        '  <generate name="person" count="2" source="{f}" target="JSON"/>\n' +
        '  <generate name="city" count="2" target="CSV"><key name="c" source="data/cities.wgt.csv"/></generate>\n</setup>\n',
      'conf/base.properties': 'a=1\n',
      'conf/other.properties': 'x=2\n',
      'data/people.ent.csv': 'name\nAnn\n',
      'data/cities.wgt.csv': 'Rome|1\n',
      'notes/readme.md': 'hi',
      'node_modules/.cache/mimicfix/v1/x.json': '{}',
    });
    const p = loadProject({
      root,
      descriptorPath: path.join(root, 'datamimic.xml'),
      cacheDir: path.join(root, 'node_modules/.cache/mimicfix'),
    });
    expect(p.files.map((f) => f.path)).toEqual([
      'conf/base.properties',
      'conf/other.properties',
      'data/cities.wgt.csv',
      'data/people.ent.csv',
      'datamimic.xml',
    ]);
    expect(p.expected.map((e) => e.name)).toEqual(['person', 'city']);
    expect(p.warnings).toEqual([]);
  });

  it('hashes the whole folder (and says so) when a path expression cannot be resolved statically', () => {
    const root = tempDir();
    writeFiles(root, {
      'datamimic.xml':
        '<setup>\n  <generate name="person" count="2" source="{region_file}" target="JSON"/>\n</setup>\n',
      'data/people.ent.csv': 'name\nAnn\n',
      'notes/readme.md': 'hi',
      'node_modules/.cache/mimicfix/v1/x.json': '{}',
    });
    const p = loadProject({
      root,
      descriptorPath: path.join(root, 'datamimic.xml'),
      cacheDir: path.join(root, 'node_modules/.cache/mimicfix'),
    });
    expect(p.files.map((f) => f.path)).toEqual(['data/people.ent.csv', 'datamimic.xml', 'notes/readme.md']);
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toContain('source="{region_file}"');
  });
});
