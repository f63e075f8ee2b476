import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDatasetAccessor,
  readRunManifest,
  setupDatasets,
  teardownDatasets,
  writeRunManifest,
} from '../src/integration';
import { liveInUseKeys } from '../src/store/in-use';
import { createJsonBackend, regexScanner } from './helpers/json-backend';
import { tempDir, writeFiles } from './helpers/temp';

function project(format: 'json' | 'csv' = 'json') {
  const root = tempDir();
  writeFiles(root, {
    'datamimic.xml':
      '<setup><generate name="person" count="3" target="JSON"/><generate name="order" count="1" target="JSON"/></setup>',
  });
  const lines: string[] = [];
  const deps = { backend: createJsonBackend({ format }), scanner: regexScanner };
  return { root, lines, deps, opts: { root, env: {}, log: (l: string) => lines.push(l) } };
}

describe('integration', () => {
  it('setupDatasets prints one line per dataset: generated, then from cache; marks the entry in use', async () => {
    const { opts, deps, lines } = project();
    const first = await setupDatasets(opts, deps);
    expect(lines.filter((l) => l.startsWith('person:') || l.startsWith('order:'))).toEqual([
      `order: generated 1 records in ${first.durationMs} ms`,
      `person: generated 3 records in ${first.durationMs} ms`,
    ]);
    const cacheDir = path.join(opts.root, 'node_modules', '.cache', 'mimicfix');
    expect(liveInUseKeys(cacheDir).has(first.key)).toBe(true);
    lines.length = 0;
    await setupDatasets(opts, deps);
    expect(lines).toEqual(['order: from cache (hit)', 'person: from cache (hit)']);
    // a re-run replaces this process's marker instead of adding one
    expect(readdirSync(path.join(cacheDir, 'in-use'))).toHaveLength(1);
    teardownDatasets();
    expect(liveInUseKeys(cacheDir).has(first.key)).toBe(false);
  });

  it('writes and reads the run manifest; a missing one is MIMICFIX_NOT_SETUP', async () => {
    const { opts, deps, root } = project();
    const m = await setupDatasets(opts, deps);
    teardownDatasets();
    const file = writeRunManifest(m);
    expect(file).toBe(
      path.join(root, 'node_modules', '.cache', 'mimicfix', 'runs', `run-${process.pid}.json`),
    );
    expect(readRunManifest(file)).toEqual(JSON.parse(JSON.stringify(m)));
    const custom = writeRunManifest(m, path.join(root, 'x', 'm.json'));
    expect(readdirSync(path.dirname(custom))).toEqual(['m.json']);
    expect(() => readRunManifest(path.join(root, 'nope.json'))).toThrowError(
      expect.objectContaining({ code: 'MIMICFIX_NOT_SETUP', hint: expect.stringContaining('globalSetup') }),
    );
  });

  it('createDatasetAccessor loads lazily, memoises, and lists known names for an unknown one', async () => {
    const { opts, deps } = project('csv');
    const m = await setupDatasets(opts, deps);
    teardownDatasets();
    let calls = 0;
    const use = createDatasetAccessor(() => {
      calls++;
      return readRunManifest(writeRunManifest(m));
    });
    expect(calls).toBe(0);
    const people = use<{ id: string; name: string }>('person');
    expect(people).toEqual([
      { id: '1', seed: 'mimicfix', name: 'person-0' },
      { id: '2', seed: 'mimicfix', name: 'person-1' },
      { id: '3', seed: 'mimicfix', name: 'person-2' },
    ]);
    expect(use('person')).toBe(people);
    expect(use('order')).toHaveLength(1);
    expect(calls).toBe(1);
    expect(() => use('persons')).toThrowError(
      expect.objectContaining({
        code: 'MIMICFIX_DATASET_UNKNOWN',
        message: expect.stringContaining('Known: order, person'),
      }),
    );
    expect(existsSync(path.join(m.dir, 'person.csv'))).toBe(true);
    expect(readFileSync(path.join(m.dir, 'manifest.json'), 'utf8')).toContain('"separator": "|"');
  });
});
