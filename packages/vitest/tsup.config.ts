import { defineConfig } from 'tsup';

const common = { dts: true, sourcemap: true, target: 'node20', splitting: false, shims: true } as const;

export default defineConfig([
  // global-setup is its own file so that Vitest can load it by path.
  {
    ...common,
    entry: { index: 'src/index.ts', 'global-setup': 'src/global-setup.ts' },
    format: ['esm'],
  },
  // The CommonJS entry must not require('vitest') (Vitest refuses require()): only the plugin, for CJS configs.
  { ...common, entry: { index: 'src/cjs.ts' }, format: ['cjs'] },
]);
