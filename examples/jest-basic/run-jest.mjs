#!/usr/bin/env node
// `pnpm test`: runs Jest; when MIMICFIX_REPORT_DIR is set (the root `pnpm test` sets it) it also writes Jest's
// JSON report there so that scripts/test-all.mjs can sum passed/failed over every runner.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const jestBin = path.join(path.dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');
const args = [jestBin, ...process.argv.slice(2)];
const reportDir = process.env.MIMICFIX_REPORT_DIR;
if (reportDir) args.push('--json', `--outputFile=${path.join(reportDir, 'jest-basic.json')}`);

const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
