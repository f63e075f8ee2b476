import path from 'node:path';
import { mimicfix } from '@mimicfix/vitest';
import { defineConfig } from 'vitest/config';

// CI sums every runner's JSON report (scripts/test-all.mjs sets MIMICFIX_REPORT_DIR).
const reportDir = process.env.MIMICFIX_REPORT_DIR;

export default defineConfig({
  // The same descriptor as examples/vitest-basic, generated through the DATAMIMIC REST API of an emulator.
  plugins: [mimicfix({ descriptor: '../vitest-basic/datamimic.xml' })],
  test: {
    include: ['test/**/*.test.ts'],
    // Runs before the plugin's global setup (Vitest merges the plugin's entry after this one).
    globalSetup: ['./emulator-setup.ts'],
    reporters: reportDir
      ? ['default', ['json', { outputFile: path.join(reportDir, 'vitest-example-remote-emulator.json') }]]
      : ['default'],
  },
});
