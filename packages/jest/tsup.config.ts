import { defineConfig } from 'tsup';

// Jest does not transform node_modules: ship ESM (native ESM projects) and CJS (everyone else) prebuilt.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'global-setup': 'src/global-setup.ts',
    'global-teardown': 'src/global-teardown.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  splitting: false,
  shims: true,
});
