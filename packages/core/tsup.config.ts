import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', integration: 'src/integration.ts', runtime: 'src/runtime.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  splitting: false,
  shims: true,
});
