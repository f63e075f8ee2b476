/**
 * The CommonJS entry (`require('@mimicfix/vitest')`): what a CommonJS-bundled `vitest.config` needs, without
 * loading Vitest at module load (Vitest refuses `require()`). Test files always run as ES modules in Vitest and
 * get the full ESM entry; `useDatamimic`/`test` here only explain that.
 */

import type { TestAPI } from 'vitest';
import type { DatamimicFixtures } from './fixture';
import type { DatasetAccessor } from './use-datamimic';

export type { MimicfixOptions, ResolvedManifest } from '@mimicfix/core';
export type { DatamimicFixtures } from './fixture';
export { GLOBAL_SETUP_FILE, mimicfix } from './plugin';
export type { DatasetAccessor } from './use-datamimic';

function esmOnly(name: string): Error {
  const error = new Error(
    `${name} from @mimicfix/vitest was loaded through require() (CommonJS). Vitest runs test files as ES modules: ` +
      `import { ${name} } from '@mimicfix/vitest' in the test file (a .ts/.mts/.mjs test file, not a .cjs one).`,
  );
  error.name = 'MimicfixError';
  (error as Error & { code: string }).code = 'MIMICFIX_CONFIG';
  return error;
}

/** Only available from the ESM entry; throws here (see the module comment). */
export const useDatamimic: DatasetAccessor = (() => {
  throw esmOnly('useDatamimic');
}) as unknown as DatasetAccessor;

/** Only available from the ESM entry; any use throws here (see the module comment). */
export const test: TestAPI<DatamimicFixtures> = new Proxy(
  (() => {}) as unknown as TestAPI<DatamimicFixtures>,
  {
    apply: () => {
      throw esmOnly('test');
    },
    get: () => {
      throw esmOnly('test');
    },
  },
);
