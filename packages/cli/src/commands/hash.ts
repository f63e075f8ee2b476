import { boolFlag, type ParsedArgs } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { loadCore } from '../cli/load-core';
import { projectOptions } from '../cli/project-options';
import { BACKEND_OPTIONS, DESCRIPTOR_DETAIL, KEY_OPTIONS } from '../cli/shared-options';

export const hashCommand: Command = {
  name: 'hash',
  summary: 'print the cache key of a descriptor (use it as a CI cache key)',
  args: '[descriptor]',
  maxPositionals: 1,
  positionalNames: ['[descriptor]'],
  options: {
    ...KEY_OPTIONS,
    ...BACKEND_OPTIONS,
    explain: { type: 'boolean', description: 'list every input of the key and its sha256' },
    json: { type: 'boolean', description: 'print the key and its inputs as JSON' },
  },
  details: [
    DESCRIPTOR_DETAIL,
    'Give hash the same options as generate and your test config (seed, counts, ...): they are part of the key.',
  ],
  examples: [
    'mimicfix hash',
    'mimicfix hash --explain',
    'mimicfix hash --seed 42 --count person=100',
    'echo "key=mimicfix-$(npx mimicfix hash)" >> "$GITHUB_OUTPUT"',
  ],
  async run(ctx: CommandContext, args: ParsedArgs) {
    // Resolved once here so that the descriptor path printed is the one core used.
    const { hashProject, loadOptions } = await loadCore();
    const resolved = await loadOptions(projectOptions(ctx, args, 'hash'));
    const { key, inputs, warnings } = await hashProject(resolved);
    if (boolFlag(args.values, 'json')) {
      ctx.out(JSON.stringify({ key, descriptor: resolved.descriptor, inputs, warnings: warnings }, null, 2));
      return 0;
    }
    if (!boolFlag(args.values, 'explain')) {
      ctx.out(key);
      for (const w of warnings) ctx.info(`[mimicfix] warning: ${w}`);
      return 0;
    }
    ctx.out(`key ${key}`);
    ctx.out(`descriptor ${resolved.descriptor}`);
    // Digest first: fixed width, so the inputs (of any length) line up after it.
    for (const i of inputs) ctx.out(`  ${i.digest}  ${i.input}`);
    for (const w of warnings) ctx.out(`warning: ${w}`);
    return 0;
  },
};
