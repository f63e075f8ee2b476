import path from 'node:path';
import { mimicfix } from '@mimicfix/vitest';
import { defineConfig } from 'vitest/config';

// CI sums every runner's JSON report (scripts/test-all.mjs sets MIMICFIX_REPORT_DIR).
const reportDir = process.env.MIMICFIX_REPORT_DIR;

export default defineConfig({
  // No options: the mode comes from MIMICFIX_MODE (run.mjs sets frozen), descriptor and cache are the defaults,
  // so `mimicfix generate` in the same folder fills exactly the entry these tests read.
  plugins: [mimicfix()],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    reporters: reportDir
      ? ['default', ['json', { outputFile: path.join(reportDir, 'vitest-ci-frozen.json') }]]
      : ['default'],
  },
});
