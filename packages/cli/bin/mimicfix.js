#!/usr/bin/env node
// The committed bin shim: package managers link it on install, before `dist/` is built, so the link never points
// at a missing file. It runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs';

const target = new URL('../dist/bin.js', import.meta.url);
if (existsSync(target)) {
  await import(target.href);
} else {
  process.stderr.write(
    'error MIMICFIX_INTERNAL: the mimicfix CLI is not built (dist/bin.js is missing).\n' +
      '  hint: run `pnpm build` in the repository (or `pnpm --filter mimicfix... build`).\n',
  );
  process.exitCode = 1;
}
