import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The programmatic entry (`main`, exit codes): ESM + CJS with types.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false, // the build script empties dist first: two configs run in parallel
    sourcemap: true,
    target: 'node20',
    splitting: false,
    shims: true,
  },
  {
    // The bin: ESM only (package.json "bin" → dist/bin.js). tsup keeps the shebang and makes the file executable.
    entry: { bin: 'src/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    splitting: false,
  },
]);
