#!/usr/bin/env node
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // main() reports its own errors; reaching this means the reporter itself failed.
    process.stderr.write(`error MIMICFIX_INTERNAL: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
