import { defineConfig } from 'tsup';

export default defineConfig({
  // global-setup is its own file so that Vitest can load it by path.
  entry: { index: 'src/index.ts', 'global-setup': 'src/global-setup.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  splitting: false,
  shims: true,
});
