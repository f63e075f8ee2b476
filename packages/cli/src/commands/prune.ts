import { boolFlag, type ParsedArgs, stringFlag } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { loadCore } from '../cli/load-core';
import { CACHE_OPTIONS } from '../cli/shared-options';
import { usageError } from '../cli/usage-error';
import { parseCount } from '../cli/values';

export const pruneCommand: Command = {
  name: 'prune',
  summary: 'delete old cache entries (keep the newest N, a size budget, or entries used recently)',
  args: '',
  maxPositionals: 0,
  options: {
    ...CACHE_OPTIONS,
    keep: { type: 'string', value: 'N', description: 'keep the N most recently used entries' },
    'max-size': {
      type: 'string',
      value: 'SIZE',
      description: 'delete least recently used entries above SIZE (500MB, 2GB)',
    },
    'older-than': {
      type: 'string',
      value: 'DURATION',
      description: 'delete entries not used for DURATION (7d, 12h, 30m)',
    },
    'dry-run': { type: 'boolean', description: 'list what would be deleted, delete nothing' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  details: [
    'At least one of --keep, --max-size, --older-than is required. Entries in use by a running test process are kept.',
  ],
  examples: [
    'mimicfix prune --keep 5',
    'mimicfix prune --max-size 500MB --older-than 14d',
    'mimicfix prune --keep 0 --dry-run',
  ],
  async run(ctx: CommandContext, args: ParsedArgs) {
    const { formatBytes, loadOptions, parseDuration, parseSize, prune } = await loadCore();
    const v = args.values;
    const keepText = stringFlag(v, 'keep');
    const maxSizeText = stringFlag(v, 'max-size');
    const olderThanText = stringFlag(v, 'older-than');
    if (keepText === undefined && maxSizeText === undefined && olderThanText === undefined) {
      throw usageError('prune needs at least one of --keep, --max-size, --older-than', 'prune');
    }
    // Validate here so that the message names the flag; core parses the same syntax.
    const options = {
      ...(keepText !== undefined ? { keep: parseCount(keepText, '--keep', 'prune') } : {}),
      ...(maxSizeText !== undefined ? { maxSize: parseSize(maxSizeText, '--max-size') } : {}),
      ...(olderThanText !== undefined ? { olderThan: parseDuration(olderThanText, '--older-than') } : {}),
      dryRun: boolFlag(v, 'dry-run'),
    };
    const cacheDir = stringFlag(v, 'cache-dir');
    const resolved = await loadOptions({
      root: ctx.cwd,
      env: ctx.env,
      ...(cacheDir !== undefined ? { cacheDir } : {}),
    });
    const result = await prune(resolved.cacheDir, options);
    if (boolFlag(v, 'json')) {
      ctx.out(JSON.stringify({ cacheDir: resolved.cacheDir, dryRun: options.dryRun, ...result }, null, 2));
      return 0;
    }
    const verb = options.dryRun ? 'would remove' : 'removed';
    for (const entry of result.removed) {
      ctx.out(`${verb} ${entry.dir} (${entry.descriptor}, ${formatBytes(entry.bytes)})`);
    }
    for (const key of result.keptInUse) ctx.info(`kept ${key}: in use by a running process`);
    ctx.out(
      `${verb} ${result.removed.length} ${result.removed.length === 1 ? 'entry' : 'entries'}, ` +
        `kept ${result.kept} (${formatBytes(result.bytesBefore)} → ${formatBytes(result.bytesAfter)})`,
    );
    return 0;
  },
};
