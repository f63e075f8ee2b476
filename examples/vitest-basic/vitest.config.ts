import path from 'node:path';
import { mimicfix } from '@mimicfix/vitest';
import { defineConfig } from 'vitest/config';

// CI sums every runner's JSON report (scripts/test-all.mjs sets MIMICFIX_REPORT_DIR).
const reportDir = process.env.MIMICFIX_REPORT_DIR;

export default defineConfig({
  plugins: [mimicfix({ descriptor: 'datamimic.xml' })],
  test: {
    include: ['test/**/*.test.ts'],
    reporters: reportDir
      ? ['default', ['json', { outputFile: path.join(reportDir, 'vitest-example-vitest-basic.json') }]]
      : ['default'],
  },
});
