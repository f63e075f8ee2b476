#!/usr/bin/env node
// The CI recipe of docs/ci.md as one script: pre-warm the cache with the CLI, then run the tests in frozen mode.
//   1. mimicfix hash        → the cache key (what actions/cache is keyed on)
//   2. mimicfix generate    → fills node_modules/.cache/mimicfix (a CI cache restore would do this instead)
//   3. vitest run           → with MIMICFIX_MODE=frozen: a miss fails instead of generating
// The cache is cleared first (unless --keep-cache) so that every run proves the whole flow from cold.
// MIMICFIX_REPORT_DIR passes through to vitest.config.ts (JSON report vitest-ci-frozen.json).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, 'node_modules', 'mimicfix', 'dist', 'bin.js');
const vitest = path.join(here, 'node_modules', 'vitest', 'vitest.mjs');
const cacheDir = path.join(here, 'node_modules', '.cache', 'mimicfix');

// The pre-warm must not inherit a caller's mode, cache dir or remote settings: this example is about the local flow.
const env = { ...process.env };
for (const name of ['MIMICFIX_MODE', 'MIMICFIX_CACHE_DIR', 'MIMICFIX_SHARED_URL', 'DATAMIMIC_URL'])
  delete env[name];

function step(title, args, extraEnv = {}) {
  console.log(`\n[ci-frozen] ${title}: node ${path.relative(here, args[0])} ${args.slice(1).join(' ')}`);
  const r = spawnSync(process.execPath, args, { cwd: here, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`[ci-frozen] ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

if (!process.argv.includes('--keep-cache')) fs.rmSync(cacheDir, { recursive: true, force: true });
step('cache key', [cli, 'hash']);
step('pre-warm', [cli, 'generate', '--mode', 'auto']);
step('tests (frozen)', [vitest, 'run'], { MIMICFIX_MODE: 'frozen' });
