import type { DatamimicClient, RemoteOptions } from '@mimicfix/core';
import { MimicfixError } from '@mimicfix/engine/errors';
import type { ParsedArgs } from './args';
import type { CommandContext } from './command';
import { loadCore } from './load-core';
import { remoteFlags } from './project-options';

/**
 * A DATAMIMIC client for the remote commands: `--url`/`--project` over DATAMIMIC_URL/DATAMIMIC_PROJECT_ID over
 * the config file; the token only from DATAMIMIC_TOKEN (or the config file). Close it when done.
 */
export async function openClient(ctx: CommandContext, args: ParsedArgs): Promise<DatamimicClient> {
  const { DatamimicClient, loadOptions } = await loadCore();
  const explicit = remoteFlags(args);
  const resolved = await loadOptions({
    root: ctx.cwd,
    env: ctx.env,
    ...(Object.keys(explicit).length > 0 ? { remote: explicit as RemoteOptions } : {}),
  });
  if (resolved.remote === false) {
    throw new MimicfixError('MIMICFIX_CONFIG', 'no DATAMIMIC instance is configured', {
      hint: 'set DATAMIMIC_URL (or --url), DATAMIMIC_PROJECT_ID (or --project) and DATAMIMIC_TOKEN in the environment',
    });
  }
  return new DatamimicClient({ ...resolved.remote, log: ctx.debugLog });
}

/** Runs `fn` with a client and always closes its connection pool. */
export async function withClient<T>(
  ctx: CommandContext,
  args: ParsedArgs,
  fn: (client: DatamimicClient) => Promise<T>,
): Promise<T> {
  const client = await openClient(ctx, args);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}
