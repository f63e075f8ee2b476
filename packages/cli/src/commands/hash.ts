import {
  computeKey,
  explainKey,
  loadOptions,
  loadProject,
  normaliseKeyOptions,
  selectBackend,
} from '@mimicfix/core';
import { boolFlag, type ParsedArgs } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
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
    const resolved = await loadOptions(projectOptions(ctx, args, 'hash'));
    const project = loadProject(resolved);
    const { identity } = await selectBackend(resolved);
    const keyOptions = normaliseKeyOptions({
      seed: resolved.seed,
      counts: resolved.counts,
      dataset: resolved.dataset,
      locale: resolved.locale,
      datasets: resolved.datasets,
    });
    const key = computeKey(project, identity, keyOptions);
    const inputs = explainKey(project, identity, keyOptions);
    if (boolFlag(args.values, 'json')) {
      ctx.out(
        JSON.stringify({ key, descriptor: resolved.descriptor, inputs, warnings: project.warnings }, null, 2),
      );
      return 0;
    }
    if (!boolFlag(args.values, 'explain')) {
      ctx.out(key);
      for (const w of project.warnings) ctx.info(`[mimicfix] warning: ${w}`);
      return 0;
    }
    ctx.out(`key ${key}`);
    ctx.out(`descriptor ${resolved.descriptor}`);
    // Digest first: fixed width, so the inputs (of any length) line up after it.
    for (const i of inputs) ctx.out(`  ${i.digest}  ${i.input}`);
    for (const w of project.warnings) ctx.out(`warning: ${w}`);
    return 0;
  },
};
