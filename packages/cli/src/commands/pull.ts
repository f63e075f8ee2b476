import fs from 'node:fs';
import path from 'node:path';
import { type ParsedArgs, stringFlag } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { withClient } from '../cli/remote-client';
import { REMOTE_OPTIONS } from '../cli/shared-options';
import { writeOutput } from '../cli/write-output';

export const pullCommand: Command = {
  name: 'pull',
  summary: 'print a file of the DATAMIMIC project to stdout',
  args: '<file>',
  minPositionals: 1,
  maxPositionals: 1,
  positionalNames: ['<file>'],
  options: {
    ...REMOTE_OPTIONS,
    out: { type: 'string', value: 'FILE', description: 'write the bytes to FILE instead of stdout' },
  },
  details: [
    'Reads DATAMIMIC_URL, DATAMIMIC_PROJECT_ID and DATAMIMIC_TOKEN (the token only from the environment).',
  ],
  examples: [
    'mimicfix pull datamimic.xml > remote.xml',
    'mimicfix pull data/people.ent.csv --out people.ent.csv',
  ],
  async run(ctx: CommandContext, args: ParsedArgs) {
    const file = args.positionals[0]!;
    const bytes = await withClient(ctx, args, (client) => client.readFile(file, ctx.signal));
    const out = stringFlag(args.values, 'out');
    if (out === undefined) {
      ctx.io.stdout.write(bytes);
      return 0;
    }
    const dest = path.resolve(ctx.cwd, out);
    await writeOutput(dest, bytes, 'pulled file');
    ctx.info(`[mimicfix] wrote ${file} to ${dest} (${bytes.length} bytes)`);
    return 0;
  },
};
