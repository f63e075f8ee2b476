import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Imported by path: adding the workspace package as a devDependency would need a lockfile change.
import { type AdapterDriver, childEnv, linkModules, probeBody, runNode } from '../../contract/src/index';

/** packages/vitest: what temp projects link as `@mimicfix/vitest` (its dist/ must be built). */
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitestDir = path.dirname(
  createRequire(path.join(packageDir, 'package.json')).resolve('vitest/package.json'),
);

/** The Vitest driver of the adapter contract: `mimicfix()` in vitest.config.mjs, ESM probe files, two workers. */
export const vitestDriver: AdapterDriver = {
  name: 'vitest',
  scaffold(dir, probes) {
    linkModules(dir, { vitest: vitestDir, '@mimicfix/vitest': packageDir });
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
    fs.writeFileSync(
      path.join(dir, 'vitest.config.mjs'),
      `import { mimicfix } from '@mimicfix/vitest';
import { defineConfig } from 'vitest/config';
export default defineConfig({ plugins: [mimicfix()], test: { include: ['*.test.mjs'] } });
`,
    );
    const header = `import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { useDatamimic } from '@mimicfix/vitest';
`;
    for (const probe of probes)
      fs.writeFileSync(path.join(dir, `${probe.id}.test.mjs`), header + probeBody(probe));
  },
  run(dir, { env, args = [] }) {
    const bin = path.join(vitestDir, 'vitest.mjs');
    return runNode([bin, 'run', '--maxWorkers=2', ...args], dir, childEnv(env));
  },
};
