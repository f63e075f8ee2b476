import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, makeProject, runVitest } from './run-vitest';

describe('a failing global setup', () => {
  const projects: string[] = [];
  afterAll(() => {
    for (const p of projects) fs.rmSync(p, { recursive: true, force: true });
  });

  it('prints a clean [mimicfix] CODE: message and hint line, and the run fails', () => {
    const project = makeProject('mimicfix-vitest-setup-error-');
    projects.push(project);
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
    // frozen mode on an empty cache: MIMICFIX_CACHE_MISS in the global setup.
    const run = runVitest(project, [], {
      MIMICFIX_CACHE_DIR: path.join(project, '.cache'),
      MIMICFIX_MODE: 'frozen',
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/^\[mimicfix\] MIMICFIX_CACHE_MISS: .+$/m);
    expect(run.output).toMatch(/^ {2}hint: .+$/m);
  }, 120_000);
});
