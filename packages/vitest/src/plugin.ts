import { fileURLToPath } from 'node:url';
import type { MimicfixOptions } from '@mimicfix/core';
import type { Plugin } from 'vitest/config';
import { registry } from './registry';

/** Absolute path of the built global setup entry (a sibling of this file in `dist/`). */
export const GLOBAL_SETUP_FILE: string = fileURLToPath(new URL('./global-setup.js', import.meta.url));

/**
 * The mimicfix Vitest plugin. Add it to `plugins` in `vitest.config.ts`; it registers mimicfix's global setup,
 * which resolves the descriptor's datasets (generate once, then cache) before any test worker starts.
 *
 * @param options - Same as core's `MimicfixOptions`; `root` defaults to the Vitest project root.
 * @example
 * ```ts
 * export default defineConfig({ plugins: [mimicfix({ descriptor: 'datamimic.xml' })] });
 * ```
 */
export function mimicfix(options: MimicfixOptions = {}): Plugin {
  return {
    name: 'mimicfix',
    // Return only our entry: Vite's mergeConfig concatenates it with the user's `globalSetup` (string or array).
    config: () => ({ test: { globalSetup: [GLOBAL_SETUP_FILE] } }),
    // Options may hold functions (log, signal), so they reach the global setup in-process, keyed by the resolved
    // config that the global setup sees as `project.vite.config` (also for the root project of `test.projects`).
    configResolved(resolved) {
      registry().options.set(resolved, options);
    },
  };
}
