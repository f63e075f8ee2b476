import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, makeProject, runVitest, storeEntries } from './run-vitest';

const CONFIG = `import { mimicfix } from '@mimicfix/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [mimicfix({ descriptor: 'datamimic.xml' })],
  test: { include: ['test/**/*.test.ts'] },
});
`;

const TEST = `import fs from 'node:fs';
import { useDatamimic } from '@mimicfix/vitest';
import { expect, test } from 'vitest';

test('reads records', () => {
  const people = useDatamimic('person');
  expect(people.length).toBeGreaterThan(0);
  fs.writeFileSync(process.env.PROBE_FILE as string, String(people.length));
});
`;

describe('a CommonJS project ("type": "commonjs") loads the plugin', () => {
  const projects: string[] = [];
  afterAll(() => {
    for (const p of projects) fs.rmSync(p, { recursive: true, force: true });
  });

  it('runs green with the README config and generates the datasets', () => {
    const project = makeProject('mimicfix-vitest-cjs-');
    projects.push(project);
    for (const name of ['datamimic.xml', 'company.xml', 'conf', 'data']) {
      fs.cpSync(path.join(EXAMPLE_DIR, name), path.join(project, name), { recursive: true });
    }
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'cjs-project', type: 'commonjs' }),
    );
    fs.writeFileSync(path.join(project, 'vitest.config.ts'), CONFIG);
    fs.mkdirSync(path.join(project, 'test'));
    fs.writeFileSync(path.join(project, 'test/probe.test.ts'), TEST);
    const cacheDir = path.join(project, '.cache');
    const probeFile = path.join(project, 'probe.txt');

    const run = runVitest(project, [], { MIMICFIX_CACHE_DIR: cacheDir, PROBE_FILE: probeFile });
    expect(run.output).not.toContain('cannot be imported in a CommonJS module');
    expect(run.status, run.output).toBe(0);
    expect(Number(fs.readFileSync(probeFile, 'utf8'))).toBeGreaterThan(0);
    expect(storeEntries(cacheDir)).toHaveLength(1);
  }, 120_000);
});
