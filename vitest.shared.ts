import path from 'node:path';

/**
 * Reporters shared by every package's Vitest config. When MIMICFIX_REPORT_DIR is set (scripts/test-all.mjs
 * sets it), each run also writes a JSON report there so that the root can sum passed/failed over all runners.
 */
export function sharedReporters(name: string): any[] {
  const dir = process.env.MIMICFIX_REPORT_DIR;
  if (!dir) return ['default'];
  return [
    'default',
    ['json', { outputFile: path.join(dir, `vitest-${name.replace(/[^a-z0-9-]/gi, '_')}.json`) }],
  ];
}
