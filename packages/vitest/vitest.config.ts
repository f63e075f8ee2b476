import { defineConfig } from 'vitest/config';
import { sharedReporters } from '../../vitest.shared';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test drives whole Vitest runs in child processes; one file at a time keeps a 2-core machine usable.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
    reporters: sharedReporters('vitest'),
  },
});
