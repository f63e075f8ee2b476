import type { CacheStatus } from '@mimicfix/core';
import { MimicfixError } from '@mimicfix/engine/errors';
import { boolFlag, type ParsedArgs, stringFlag } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { ExitCode } from '../cli/exit-codes';
import { loadCore } from '../cli/load-core';
import { projectOptions } from '../cli/project-options';
import { withClient } from '../cli/remote-client';
import { BACKEND_OPTIONS, CACHE_OPTIONS, KEY_OPTIONS } from '../cli/shared-options';

export const statusCommand: Command = {
  name: 'status',
  summary: 'show a DATAMIMIC task’s status, or (without <task>) whether the descriptor is cached',
  args: '[task]',
  maxPositionals: 1,
  positionalNames: ['[task]'],
  options: {
    descriptor: {
      type: 'string',
      value: 'FILE',
      description: 'without <task>: the root descriptor (default datamimic.xml or the config file’s)',
    },
    ...KEY_OPTIONS,
    ...CACHE_OPTIONS,
    ...BACKEND_OPTIONS,
    json: { type: 'boolean', description: 'print the status as JSON' },
  },
  details: [
    'With <task>: the task’s status from DATAMIMIC (v2 tasks/search). Exit 0 when it succeeded or is still',
    'running, 4 when it failed or is not found. Reads DATAMIMIC_URL, DATAMIMIC_PROJECT_ID, DATAMIMIC_TOKEN.',
    'Without <task>: would `mimicfix generate` hit the cache, and if not, what changed. Nothing is generated.',
    'Exit 0 on a hit, 3 on a miss or a corrupt entry.',
  ],
  examples: [
    'mimicfix status 5f2c0e1a',
    'mimicfix status 5f2c0e1a --json',
    'mimicfix status',
    'mimicfix status --seed 42',
  ],
  async run(ctx: CommandContext, args: ParsedArgs) {
    const taskId = args.positionals[0];
    if (taskId === undefined) return projectStatus(ctx, args);
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
    const { classifyTaskStatus } = await loadCore();
    const outcome = classifyTaskStatus(task.status);
    if (boolFlag(args.values, 'json')) {
      ctx.out(JSON.stringify({ taskId: task.taskId, status: task.status, outcome, name: task.name ?? null }));
    } else {
      ctx.out(`task ${task.taskId}: ${task.status} (${outcome})`);
    }
    return outcome === 'failed' ? ExitCode.REMOTE : ExitCode.OK;
  },
};

/** `mimicfix status` without a task: core's cacheStatus() for the project. */
async function projectStatus(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const descriptor = stringFlag(args.values, 'descriptor');
  const options = projectOptions(
    ctx,
    { ...args, positionals: descriptor !== undefined ? [descriptor] : [] },
    'status',
  );
  const { cacheStatus } = await loadCore();
  const status: CacheStatus = await cacheStatus(options);
  if (boolFlag(args.values, 'json')) {
    ctx.out(JSON.stringify(status, null, 2));
  } else {
    ctx.out(`${status.status} ${status.key}`);
    if (status.status !== 'hit') ctx.out(`  reason: ${status.reason}`);
    if (status.dir) ctx.out(`  dir: ${status.dir}`);
    // The reason shortens long lists ("a, b, c and 4 more"): print all of them.
    if (status.changes.length > 3) for (const change of status.changes) ctx.out(`  - ${change}`);
  }
  return status.status === 'hit' ? ExitCode.OK : ExitCode.CACHE_MISS;
}
