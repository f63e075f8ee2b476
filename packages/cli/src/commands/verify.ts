import { boolFlag, type ParsedArgs, stringFlag } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { ExitCode } from '../cli/exit-codes';
import { loadCore } from '../cli/load-core';
import { CACHE_OPTIONS } from '../cli/shared-options';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 're-hash every cached entry (sha256) and report bad ones; exit 1 if any is bad',
  args: '',
  maxPositionals: 0,
  options: {
    ...CACHE_OPTIONS,
    remove: { type: 'boolean', description: 'delete bad entries so that the next run regenerates them' },
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
