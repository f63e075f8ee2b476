import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeProject, startWatch } from './run-vitest';

const descriptor = (count: number) => `<setup>
  <generate name="item" count="${count}" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
  </generate>
</setup>
`;

let project: string;

beforeAll(() => {
  project = makeProject('mimicfix-vitest-watch-');
  fs.writeFileSync(path.join(project, 'package.json'), '{"type":"module","private":true}\n');
  fs.writeFileSync(path.join(project, 'datamimic.xml'), descriptor(5));
  fs.writeFileSync(
    path.join(project, 'vitest.config.mjs'),
    `import { mimicfix } from '@mimicfix/vitest';
import { defineConfig } from 'vitest/config';
export default defineConfig({ plugins: [mimicfix()], test: { include: ['*.test.mjs'] } });
`,
  );
  fs.writeFileSync(
    path.join(project, 'count.test.mjs'),
    `import { test, useDatamimic } from '@mimicfix/vitest';
test('count', () => { console.log('COUNT=' + useDatamimic('item').length); });
`,
  );
});

afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

it('watch mode: a descriptor edit regenerates, a test edit reads the cache, a broken descriptor fails the rerun', async () => {
  const watch = startWatch(project, { MIMICFIX_CACHE_DIR: path.join(project, '.cache') });
  try {
    await watch.waitFor(/COUNT=5/);
    await watch.waitFor(/Waiting for file changes/);
    expect(watch.output()).toMatch(/item: generated 5 records/);

    // The descriptor is no test's import: only the plugin's rerun trigger makes Vitest notice it.
    fs.writeFileSync(path.join(project, 'datamimic.xml'), descriptor(7));
    await watch.waitFor(/COUNT=7/);
    await watch.waitFor(/Waiting for file changes/, 2);
    expect(watch.output()).toMatch(/item: generated 7 records/);

    fs.appendFileSync(path.join(project, 'count.test.mjs'), '\n');
    await watch.waitFor(/COUNT=7/, 2);
    await watch.waitFor(/Waiting for file changes/, 3);
    expect(watch.output().match(/item: from cache/g)).toHaveLength(1);
    expect(watch.output().match(/generated \d+ records/g)).toHaveLength(2);

    // A broken descriptor fails the rerun's tests with its parse error; the watcher survives and recovers.
    fs.writeFileSync(path.join(project, 'datamimic.xml'), descriptor(7).replace('count="7"', 'count="7'));
    await watch.waitFor(/MIMICFIX_DESCRIPTOR_PARSE/);
    await watch.waitFor(/Tests\s+1 failed/);
    fs.writeFileSync(path.join(project, 'datamimic.xml'), descriptor(9));
    await watch.waitFor(/COUNT=9/);
    expect(watch.output()).toMatch(/item: generated 9 records/);
  } finally {
    await watch.stop();
  }
});
