#!/usr/bin/env node
// Runs every package's and example's tests through turbo (never cached), then sums the JSON reports that
// each runner wrote into one line: `N passed, N failed`. Exit code is non-zero if any runner failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reportDir = path.join(root, 'test-results');
fs.rmSync(reportDir, { recursive: true, force: true });
fs.mkdirSync(reportDir, { recursive: true });

const extra = process.argv.slice(2);
const turbo = spawnSync('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue', ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    MIMICFIX_REPORT_DIR: reportDir,
    TURBO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
  },
});

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const file of fs.readdirSync(reportDir).sort()) {
  if (!file.endsWith('.json')) continue;
  let report;
  try {
    report = JSON.parse(fs.readFileSync(path.join(reportDir, file), 'utf8'));
  } catch (err) {
    console.error(`test-all: cannot read report ${file}: ${err.message}`);
    failed += 1;
    continue;
  }
  // Vitest's and Jest's JSON reporters share these field names.
  const p = report.numPassedTests ?? 0;
  const f = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  passed += p;
  failed += f;
  skipped += s;
  rows.push(
    `  ${file.replace(/\.json$/, '').padEnd(34)} ${String(p).padStart(5)} passed ${String(f).padStart(3)} failed ${String(s).padStart(3)} skipped`,
  );
}
console.log('\nmimicfix test summary');
for (const r of rows) console.log(r);
if (turbo.status !== 0 && failed === 0) {
  // A runner crashed before it could write a report: count it as a failure so the line never lies.
  failed += 1;
  console.log('  (a test task failed without a report; counted as 1 failure)');
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(turbo.status === 0 && failed === 0 ? 0 : 1);
