import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeProject, runVitest } from './run-vitest';

const DESCRIPTOR = `<setup>
  <generate name="item" count="25" target="JSON">
    <key name="id" generator="IncrementGenerator(start=100)"/>
  </generate>
</setup>
`;

// A user config that already has its own globalSetup (a string, not an array) and two projects that inherit
// the root config (extends: true), so the plugin and its global setup exist once per project.
const CONFIG = `import { mimicfix } from '@mimicfix/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [mimicfix()],
  test: {
    globalSetup: './user-setup.ts',
    projects: [
      { extends: true, test: { name: 'a', include: ['a.test.ts'] } },
      { extends: true, test: { name: 'b', include: ['b.test.ts'] } },
    ],
  },
});
`;

const USER_SETUP = `import fs from 'node:fs';
export default function setup(project) {
  project.provide('userValue', 42);
  fs.appendFileSync('user-setup.log', project.name + '\\n');
}
`;

const testFile = (name: string) => `import { inject } from 'vitest';
import { test, useDatamimic } from '@mimicfix/vitest';

test('${name} sees the datasets and the user setup', ({ datamimic }) => {
  const items = datamimic('item');
  if (items.length !== 25 || items[0].id !== 100 || items[24].id !== 124) throw new Error('bad items');
  if (useDatamimic('item') !== items) throw new Error('not memoised');
  if (inject('userValue') !== 42) throw new Error('user globalSetup lost');
});
`;

let project: string;

beforeAll(() => {
  project = makeProject('mimicfix-vitest-plugin-');
  fs.writeFileSync(path.join(project, 'datamimic.xml'), DESCRIPTOR);
  fs.writeFileSync(path.join(project, 'vitest.config.ts'), CONFIG);
  fs.writeFileSync(path.join(project, 'user-setup.ts'), USER_SETUP);
  fs.writeFileSync(path.join(project, 'a.test.ts'), testFile('a'));
  fs.writeFileSync(path.join(project, 'b.test.ts'), testFile('b'));
  fs.writeFileSync(path.join(project, 'package.json'), '{"type":"module","private":true}\n');
});

afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

it("keeps the user's globalSetup and resolves once for two projects that extend the root config", () => {
  const run = runVitest(project, [], { MIMICFIX_CACHE_DIR: path.join(project, '.cache') });
  expect(run.status, run.output).toBe(0);
  expect(run.output).toMatch(/2 passed/);
  // One resolve, one log line, although the global setup ran for both projects.
  expect(run.output.match(/item: generated 25 records/g)).toHaveLength(1);
  expect(run.output).not.toMatch(/item: from cache/);
  expect(fs.readFileSync(path.join(project, 'user-setup.log'), 'utf8').trim().split('\n').sort()).toEqual([
    'a',
    'b',
  ]);
});

it('useDatamimic without the plugin fails with MIMICFIX_NOT_SETUP and says what to add', () => {
  const bare = makeProject('mimicfix-vitest-bare-');
  try {
    fs.writeFileSync(path.join(bare, 'package.json'), '{"type":"module","private":true}\n');
    fs.writeFileSync(
      path.join(bare, 'bare.test.mjs'),
      `import { expect, test } from 'vitest';
import { useDatamimic } from '@mimicfix/vitest';

test('not set up', () => {
  expect(() => useDatamimic('item')).toThrow(
    expect.objectContaining({
      code: 'MIMICFIX_NOT_SETUP',
      message: expect.stringContaining('global setup did not run'),
      hint: expect.stringContaining("mimicfix() from '@mimicfix/vitest'"),
    }),
  );
});
`,
    );
    const run = runVitest(bare, [], {});
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/1 passed/);
  } finally {
    fs.rmSync(bare, { recursive: true, force: true });
  }
});
