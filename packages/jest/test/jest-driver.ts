import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AdapterDriver,
  childEnv,
  linkModules,
  type ProbeSpec,
  probeBody,
  runNode,
} from '@mimicfix/adapter-contract';

/** packages/jest: what temp projects link as `@mimicfix/jest` (its dist/ must be built). */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(packageDir, 'package.json'));
const jestDir = path.dirname(require.resolve('jest/package.json'));
export const jestBin = path.join(jestDir, 'bin', 'jest.js');

/** Links `jest` and `@mimicfix/jest` into a temp project. */
export function linkJest(dir: string): void {
  linkModules(dir, { jest: jestDir, '@mimicfix/jest': packageDir });
}

/** A CommonJS probe test file (no transform needed). */
export function cjsProbe(probe: ProbeSpec): string {
  return `const fs = require('node:fs');\nconst path = require('node:path');\nconst { useDatamimic } = require('@mimicfix/jest');\n${probeBody(probe)}`;
}

let runs = 0;

/** Runs the real Jest CLI in `dir`; a fresh Jest cache per run so Jest never falls back to in-band from timings. */
export function runJest(
  dir: string,
  env: Record<string, string>,
  args: string[] = [],
  nodeArgs: string[] = [],
) {
  const cacheDirectory = path.join(dir, `.jest-cache-${process.pid}-${runs++}`);
  return runNode(
    [...nodeArgs, jestBin, '--ci', `--cacheDirectory=${cacheDirectory}`, ...args],
    dir,
    childEnv(env),
  );
}

/** The Jest driver of the adapter contract: preset `@mimicfix/jest`, CJS probe files, two workers. */
export const jestDriver: AdapterDriver = {
  name: 'jest',
  scaffold(dir, probes) {
    linkJest(dir);
    const config = {
      preset: '@mimicfix/jest',
      testEnvironment: 'node',
      transform: {},
      testMatch: ['<rootDir>/*.test.js'],
    };
    fs.writeFileSync(path.join(dir, 'jest.config.json'), JSON.stringify(config, null, 2));
    for (const probe of probes) fs.writeFileSync(path.join(dir, `${probe.id}.test.js`), cjsProbe(probe));
  },
  run(dir, { env, args = [] }) {
    return runJest(dir, env, ['--maxWorkers=2', ...args]);
  },
};
