import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, makeProject, runVitest, storeEntries } from './run-vitest';

// The probe writes what a test worker saw (manifest status and key, record count) to a file, so the parent
// can compare runs without parsing Vitest's output.
const PROBE = `import fs from 'node:fs';
import { useDatamimic } from '@mimicfix/vitest';
import { inject, test } from 'vitest';

test('probe', () => {
  const manifest = inject('mimicfix');
  const people = useDatamimic('person');
  fs.writeFileSync(process.env.PROBE_FILE, JSON.stringify({
    status: manifest.status, key: manifest.key, dir: manifest.dir, people: people.length,
  }));
});
`;

interface Probe {
  status: string;
  key: string;
  dir: string;
  people: number;
}

/** inode, mtime and ctime: a rewrite (rename into place or write in place) changes at least one of them. */
function stamp(file: string): string {
  const s = fs.statSync(file, { bigint: true });
  return `${s.ino}:${s.mtimeNs}:${s.ctimeNs}`;
}

describe('examples/vitest-basic, three runs in a temp copy', () => {
  let project: string;
  let cacheDir: string;
  let probeFile: string;
  const env = () => ({ MIMICFIX_CACHE_DIR: cacheDir, PROBE_FILE: probeFile });
  const probe = (): Probe => JSON.parse(fs.readFileSync(probeFile, 'utf8'));

  beforeAll(() => {
    project = makeProject('mimicfix-vitest-e2e-');
    for (const name of [
      'datamimic.xml',
      'company.xml',
      'conf',
      'data',
      'test',
      'vitest.config.ts',
      'package.json',
    ]) {
      fs.cpSync(path.join(EXAMPLE_DIR, name), path.join(project, name), { recursive: true });
    }
    fs.writeFileSync(path.join(project, 'test/probe.test.ts'), PROBE);
    cacheDir = path.join(project, '.cache');
    probeFile = path.join(project, 'probe.json');
  });

  afterAll(() => {
    fs.rmSync(project, { recursive: true, force: true });
  });

  let first: Probe;
  let manifestStamp: string;
  let artifactStamp: string;

  it('run 1 generates every dataset and the example suite passes', () => {
    const run = runVitest(project, [], env());
    expect(run.output).toMatch(/person: generated 1000 records/);
    expect(run.output).toMatch(/company: generated 12 records/);
    expect(run.status, run.output).toBe(0);
    first = probe();
    expect(first).toMatchObject({ status: 'generated', people: 1000 });
    const entries = storeEntries(cacheDir);
    expect(entries).toEqual([first.dir]);
    manifestStamp = stamp(path.join(first.dir, 'manifest.json'));
    artifactStamp = stamp(path.join(first.dir, 'person.json'));
  });

  it('run 2 reads the cache: same entry, nothing rewritten, no generation', () => {
    const run = runVitest(project, [], env());
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/person: from cache/);
    // Core prints `<name>: generated N records` only when it generated.
    expect(run.output).not.toMatch(/: generated \d+ records/);
    const second = probe();
    expect(second).toEqual({ ...first, status: 'hit' });
    expect(storeEntries(cacheDir)).toEqual([first.dir]);
    expect(stamp(path.join(first.dir, 'manifest.json'))).toBe(manifestStamp);
    expect(stamp(path.join(first.dir, 'person.json'))).toBe(artifactStamp);
  });

  it('run 3 regenerates after the descriptor changed, and the tests see the new data', () => {
    const descriptor = path.join(project, 'datamimic.xml');
    const xml = fs.readFileSync(descriptor, 'utf8');
    expect(xml).toContain('<generate name="person" count="1000"');
    fs.writeFileSync(
      descriptor,
      xml.replace('<generate name="person" count="1000"', '<generate name="person" count="1234"'),
    );
    // Only the probe: the example's own tests pin count 1000.
    const run = runVitest(project, ['test/probe.test.ts'], env());
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/person: generated 1234 records/);
    const third = probe();
    expect(third.status).toBe('generated');
    expect(third.people).toBe(1234);
    expect(third.key).not.toBe(first.key);
    expect(storeEntries(cacheDir)).toEqual([first.dir, third.dir].sort());
    // The old entry is untouched: switching back would be a hit.
    expect(stamp(path.join(first.dir, 'manifest.json'))).toBe(manifestStamp);
  });
});
