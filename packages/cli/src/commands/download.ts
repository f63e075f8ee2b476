import fs from 'node:fs';
import path from 'node:path';
import { type ParsedArgs, stringFlag } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { loadCore } from '../cli/load-core';
import { withClient } from '../cli/remote-client';
import { REMOTE_OPTIONS } from '../cli/shared-options';
import { usageError } from '../cli/usage-error';
import { ensureOutputDir } from '../cli/write-output';

/** A name or format becomes part of a local file name: keep it to one plain path segment. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const downloadCommand: Command = {
  name: 'download',
  summary: 'download one artifact of a DATAMIMIC task (format default json)',
  args: '<task> <name> [format]',
  minPositionals: 2,
  maxPositionals: 3,
  positionalNames: ['<task>', '<name>', '[format]'],
  options: {
    ...REMOTE_OPTIONS,
    out: {
      type: 'string',
      value: 'DIR',
      description: 'folder to write <name>.<format> into (default: the working folder)',
    },
  },
  details: [
    'Uses the v1 route task/<task>/artifact/download/<name>/<format> and writes <name>.<format>.',
    'Reads DATAMIMIC_URL, DATAMIMIC_PROJECT_ID and DATAMIMIC_TOKEN (the token only from the environment).',
  ],
  examples: ['mimicfix download 5f2c0e1a person', 'mimicfix download 5f2c0e1a person csv --out fixtures/'],
  async run(ctx: CommandContext, args: ParsedArgs) {
    const [taskId, name, format = 'json'] = args.positionals as [string, string, string?];
    for (const [label, value] of [
      ['<name>', name],
      ['[format]', format],
    ] as const) {
      if (!SEGMENT.test(value) || value.includes('..')) {
        throw usageError(`${label} '${value}' is not a plain name (letters, digits, . _ -)`, 'download');
      }
    }
    const outText = stringFlag(args.values, 'out');
    const dir = path.resolve(ctx.cwd, outText ?? '.');
    await ensureOutputDir(dir, 'download folder');
    const dest = path.join(dir, `${name}.${format}`);
    const bytes = await withClient(ctx, args, (client) =>
      client.downloadArtifactV1(taskId, name, format, dest, { signal: ctx.signal }),
    );
    const { formatBytes } = await loadCore();
    ctx.out(`${dest} (${formatBytes(bytes)})`);
    return 0;
  },
};
