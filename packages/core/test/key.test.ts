import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeKey, explainKey } from '../src/key/compute-key';
import { loadProject } from '../src/project/load-project';
import type { GeneratorIdentity, KeyOptions } from '../src/types';
import { regexScanner } from './helpers/json-backend';
import { tempDir, writeFiles } from './helpers/temp';

const LOCAL: GeneratorIdentity = { kind: 'local', name: '@mimicfix/engine', version: '0.1.0' };
const OPTIONS: KeyOptions = { seed: 'mimicfix', counts: {}, dataset: null, locale: null, datasets: null };
const DESCRIPTOR =
  '<setup>\n  <generate name="person" count="3" source="data/people.ent.csv" target="JSON"/>\n</setup>\n';

function project(files: Record<string, string>) {
  const root = tempDir();
  writeFiles(root, files);
  const descriptorPath = path.join(root, 'datamimic.xml');
  return loadProject(
    { root, descriptorPath, cacheDir: path.join(root, 'node_modules/.cache/mimicfix') },
    regexScanner,
  );
}

const base = { 'datamimic.xml': DESCRIPTOR, 'data/people.ent.csv': 'name|age\nAnn|31\n' };

describe('computeKey', () => {
  it('matches the golden value for a fixed tiny project', () => {
    const p = project(base);
    expect(p.files.map((f) => f.path)).toEqual(['data/people.ent.csv', 'datamimic.xml']);
    expect(computeKey(p, LOCAL, OPTIONS)).toBe(
      'd9b20238d0c3db05ce7811a69b2449fb44b0b4fc1cc9533864417d6cb752b108',
    );
  });

  it('gives the same key for CRLF and LF checkouts', () => {
    const crlf = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v.replace(/\n/g, '\r\n')]));
    expect(computeKey(project(crlf), LOCAL, OPTIONS)).toBe(computeKey(project(base), LOCAL, OPTIONS));
  });

  it('changes when a byte, a path, the seed, an option or the identity changes', () => {
    const k = computeKey(project(base), LOCAL, OPTIONS);
    const byte = computeKey(
      project({ ...base, 'data/people.ent.csv': 'name|age\nAnn|32\n' }),
      LOCAL,
      OPTIONS,
    );
    const renamed = project({
      'datamimic.xml': DESCRIPTOR.replace('people.ent', 'persons.ent'),
      'data/persons.ent.csv': base['data/people.ent.csv'],
    });
    const seed = computeKey(project(base), LOCAL, { ...OPTIONS, seed: 'other' });
    const counts = computeKey(project(base), LOCAL, { ...OPTIONS, counts: { person: 5 } });
    const id = computeKey(project(base), { ...LOCAL, version: '0.2.0' }, OPTIONS);
    const remote = computeKey(
      project(base),
      { kind: 'remote', host: 'h', projectId: 'p', apiVersion: 'v2' },
      OPTIONS,
    );
    const all = [k, byte, computeKey(renamed, LOCAL, OPTIONS), seed, counts, id, remote];
    expect(new Set(all).size).toBe(all.length);
  });

  it('does not depend on option order and never takes a token', () => {
    const p = project(base);
    const a = computeKey(p, LOCAL, { ...OPTIONS, counts: { a: 1, b: 2 }, datasets: ['x', 'y'] });
    const b = computeKey(p, LOCAL, { ...OPTIONS, counts: { b: 2, a: 1 }, datasets: ['y', 'x'] });
    expect(a).toBe(b);
    const remote = { kind: 'remote', host: 'dm.example', projectId: 'p1', apiVersion: 'v2' } as const;
    const withToken = { ...remote, token: 'secret-token-1' } as unknown as GeneratorIdentity;
    const otherToken = { ...remote, token: 'secret-token-2' } as unknown as GeneratorIdentity;
    expect(computeKey(p, withToken, OPTIONS)).toBe(computeKey(p, remote, OPTIONS));
    expect(computeKey(p, otherToken, OPTIONS)).toBe(computeKey(p, remote, OPTIONS));
    expect(JSON.stringify(explainKey(p, withToken, OPTIONS))).not.toContain('secret');
  });

  it('explains each input with a digest', () => {
    const p = project(base);
    const inputs = explainKey(p, LOCAL, OPTIONS);
    expect(inputs.map((i) => i.input)).toEqual([
      'format version 1',
      'generator {"kind":"local","name":"@mimicfix/engine","version":"0.1.0"}',
      'file data/people.ent.csv',
      'file datamimic.xml',
      'seed "mimicfix"',
      'counts {}',
      'dataset null',
      'locale null',
      'datasets null',
    ]);
    expect(inputs[2]?.digest).toBe(p.files[0]?.sha256);
    for (const i of inputs) expect(i.digest).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('loadProject', () => {
  it('adds conf/*.properties, sorts paths and hashes LF-normalised bytes', () => {
    const p = project({ ...base, 'conf/base.properties': 'a=1\r\n', 'conf/readme.md': 'x' });
    expect(p.files.map((f) => f.path)).toEqual([
      'conf/base.properties',
      'data/people.ent.csv',
      'datamimic.xml',
    ]);
    expect(p.files[0]?.bytes.toString()).toBe('a=1\n');
    expect(p.warnings).toEqual([]);
  });

  it('hashes the whole folder (without node_modules/.git/cache) when a path is an expression', () => {
    const p = project({
      'datamimic.xml': '<setup><generate name="p" count="1" source="{file}"/></setup>',
      'data/a.csv': 'x',
      'other/b.txt': 'y',
      'node_modules/dep/index.js': 'z',
      '.git/HEAD': 'ref',
    });
    expect(p.files.map((f) => f.path)).toEqual(['data/a.csv', 'datamimic.xml', 'other/b.txt']);
    expect(p.warnings[0]).toMatch(/cannot be resolved statically.*hashing every file/);
  });

  it('fails with MIMICFIX_FILE_NOT_FOUND naming the missing descriptor', () => {
    const root = tempDir();
    const descriptorPath = path.join(root, 'missing.xml');
    expect(() => loadProject({ root, descriptorPath, cacheDir: root }, regexScanner)).toThrowError(
      expect.objectContaining({
        code: 'MIMICFIX_FILE_NOT_FOUND',
        message: expect.stringContaining(descriptorPath),
      }),
    );
  });
});
