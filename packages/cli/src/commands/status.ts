import { MimicfixError } from '@mimicfix/core';
import { boolFlag, type ParsedArgs } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { ExitCode } from '../cli/exit-codes';
import { coreExport, withClient } from '../cli/remote-client';
import { REMOTE_OPTIONS } from '../cli/shared-options';

export const statusCommand: Command = {
  name: 'status',
  summary: 'show the status of a DATAMIMIC task',
  args: '<task>',
  minPositionals: 1,
  maxPositionals: 1,
  positionalNames: ['<task>'],
  options: {
    ...REMOTE_OPTIONS,
    json: { type: 'boolean', description: 'print {"taskId", "status", "outcome", "name"} as JSON' },
  },
  details: [
    'Exit code 0 when the task succeeded or is still running, 4 when it failed or is not found.',
    'Reads DATAMIMIC_URL, DATAMIMIC_PROJECT_ID and DATAMIMIC_TOKEN (the token only from the environment).',
  ],
  examples: ['mimicfix status 5f2c0e1a', 'mimicfix status 5f2c0e1a --json'],
  async run(ctx: CommandContext, args: ParsedArgs) {
    const taskId = args.positionals[0]!;
    const { task, projectId } = await withClient(ctx, args, async (client) => ({
      task: await client.getTask(taskId, ctx.signal),
      projectId: client.projectId,
    }));
    if (task === null) {
      throw new MimicfixError(
        'MIMICFIX_HTTP_NOT_FOUND',
        `task ${taskId} was not found in project ${projectId}`,
        {
          hint: 'check the task id (a task just started can take a moment to become visible)',
          details: { taskId },
        },
      );
    }
    const classify = coreExport<(status: string) => 'running' | 'succeeded' | 'failed'>('classifyTaskStatus');
    const outcome = classify(task.status);
    if (boolFlag(args.values, 'json')) {
      ctx.out(JSON.stringify({ taskId: task.taskId, status: task.status, outcome, name: task.name ?? null }));
    } else {
      ctx.out(`task ${task.taskId}: ${task.status} (${outcome})`);
    }
    return outcome === 'failed' ? ExitCode.REMOTE : ExitCode.OK;
  },
};
