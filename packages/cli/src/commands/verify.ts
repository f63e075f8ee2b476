import fs from 'node:fs';
import { boolFlag, type ParsedArgs, stringFlag } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { ExitCode } from '../cli/exit-codes';
import { loadCore } from '../cli/load-core';
import { CACHE_OPTIONS } from '../cli/shared-options';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 're-hash every cached entry (sha256) and mark bad ones; exit 1 if any is bad or there is no cache',
  args: '',
  maxPositionals: 0,
  options: {
    ...CACHE_OPTIONS,
    remove: { type: 'boolean', description: 'delete bad entries instead of marking them' },
    json: {
      type: 'boolean',
      description: 'print {"cacheDir", "entries": [{key, dir, ok, problems}], "bad"}',
    },
  },
  examples: ['mimicfix verify', 'mimicfix verify --cache-dir .cache/mimicfix --remove'],
  async run(ctx: CommandContext, args: ParsedArgs) {
    const { loadOptions, verifyStore } = await loadCore();
    const cacheDir = stringFlag(args.values, 'cache-dir');
    const resolved = await loadOptions({
      root: ctx.cwd,
      env: ctx.env,
      ...(cacheDir !== undefined ? { cacheDir } : {}),
    });
    const remove = boolFlag(args.values, 'remove');
    // A mistyped path must not pass CI as "0 entries, 0 bad".
    if (!fs.existsSync(resolved.cacheDir) || !fs.statSync(resolved.cacheDir).isDirectory()) {
      const { MimicfixError } = await loadCore();
      throw new MimicfixError(
        'MIMICFIX_STORE',
        `There is no cache folder at ${resolved.cacheDir}; nothing to verify.`,
        {
          hint: 'Check --cache-dir / cacheDir / MIMICFIX_CACHE_DIR, or run `mimicfix generate` first.',
          details: { cacheDir: resolved.cacheDir },
        },
      );
    }
    const results = await verifyStore(resolved.cacheDir, { remove });
    const bad = results.filter((r) => !r.ok);
    if (boolFlag(args.values, 'json')) {
      ctx.out(JSON.stringify({ cacheDir: resolved.cacheDir, entries: results, bad: bad.length }, null, 2));
    } else {
      for (const r of results) {
        ctx.out(r.ok ? `ok ${r.dir}` : `bad ${r.dir}: ${r.problems.join('; ')}${remove ? ' (removed)' : ''}`);
      }
      ctx.info(
        `[mimicfix] ${results.length} ${results.length === 1 ? 'entry' : 'entries'} in ${resolved.cacheDir}, ${bad.length} bad`,
      );
    }
    return bad.length > 0 ? ExitCode.FAILURE : ExitCode.OK;
  },
};
