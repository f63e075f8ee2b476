import type { ParsedArgs } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { loadCore } from '../cli/load-core';
import { withClient } from '../cli/remote-client';
import { DESCRIPTOR_DETAIL, REMOTE_OPTIONS } from '../cli/shared-options';

export const pushCommand: Command = {
  name: 'push',
  summary: 'upload the descriptor and every file it pulls in to the DATAMIMIC project',
  args: '[descriptor]',
  maxPositionals: 1,
  positionalNames: ['[descriptor]'],
  options: { ...REMOTE_OPTIONS },
  details: [
    DESCRIPTOR_DETAIL,
    'Uploads the same files the cache key covers (CRLF normalised to LF), in one v1 files/update request.',
    'Reads DATAMIMIC_URL, DATAMIMIC_PROJECT_ID and DATAMIMIC_TOKEN (the token only from the environment).',
  ],
  examples: ['mimicfix push', 'mimicfix push tests/datamimic.xml'],
  async run(ctx: CommandContext, args: ParsedArgs) {
    const { formatBytes, loadOptions, loadProject } = await loadCore();
    const descriptor = args.positionals[0];
    const resolved = await loadOptions({
      root: ctx.cwd,
      env: ctx.env,
      remote: false,
      ...(descriptor !== undefined ? { descriptor } : {}),
    });
    const project = loadProject(resolved);
    for (const w of project.warnings) ctx.info(`[mimicfix] warning: ${w}`);
    const projectId = await withClient(ctx, args, async (client) => {
      await client.updateFiles(
        project.files.map((f) => ({ path: f.path, bytes: f.bytes })),
        ctx.signal,
      );
      return client.projectId;
    });
    for (const f of project.files) ctx.out(`pushed ${f.path} (${formatBytes(f.bytes.length)})`);
    ctx.info(`[mimicfix] pushed ${project.files.length} file(s) to project ${projectId}`);
    return 0;
  },
};
