import { test as base, type TestAPI } from 'vitest';
import { type DatasetAccessor, useDatamimic } from './use-datamimic';

/** Test context added by mimicfix's `test`. */
export interface DatamimicFixtures {
  /** `useDatamimic` as a fixture: `test('...', ({ datamimic }) => datamimic('person'))`. */
  datamimic: DatasetAccessor;
}

let extended: TestAPI<DatamimicFixtures> | undefined;

// `test.extend` needs Vitest's collector, which does not exist while vitest.config.ts imports this package for
// `mimicfix()`; so the extended test is built on first use, inside a test file.
function extendedTest(): TestAPI<DatamimicFixtures> {
  extended ??= base.extend<DatamimicFixtures>({
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads fixture dependencies from a destructured argument.
    datamimic: async ({}, use) => {
      await use(useDatamimic);
    },
  });
  return extended;
}

/** Vitest's `test` extended with the `datamimic` fixture. */
export const test: TestAPI<DatamimicFixtures> = new Proxy(base as unknown as TestAPI<DatamimicFixtures>, {
  apply: (_target, self, args) => Reflect.apply(extendedTest(), self, args),
  get: (_target, property) => Reflect.get(extendedTest(), property),
});
