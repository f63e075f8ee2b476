import * as core from '@mimicfix/core';
import { loadOptions, MimicfixError, type RemoteOptions } from '@mimicfix/core';
import type { ParsedArgs } from './args';
import type { CommandContext } from './command';
import { remoteFlags } from './project-options';

/**
 * The part of core's `DatamimicClient` (packages/core/src/client/datamimic-client.ts) the remote commands use.
 * Declared here because the class is not (yet) exported from `@mimicfix/core`; it is looked up at runtime so
 * that the CLI uses core's client, never a copy of it.
 */
export interface RemoteClient {
  readonly projectId: string;
  readFile(file: string, signal?: AbortSignal): Promise<Buffer>;
  updateFiles(files: Array<{ path: string; bytes: Buffer }>, signal?: AbortSignal): Promise<void>;
  getTask(
    taskId: string,
    signal?: AbortSignal,
  ): Promise<{ taskId: string; status: string; name?: string } | null>;
  downloadArtifactV1(
    taskId: string,
    name: string,
    format: string,
    dest: string,
    options?: { signal?: AbortSignal; waitReady?: boolean },
  ): Promise<number>;
  close(): Promise<void>;
}

type ClientClass = new (options: RemoteOptions & { log?: (line: string) => void }) => RemoteClient;

/** A core export the CLI needs; a clear internal error when this build of core lacks it. */
export function coreExport<T>(name: string): T {
  const value = (core as unknown as Record<string, unknown>)[name];
  if (value === undefined) {
    throw new MimicfixError('MIMICFIX_INTERNAL', `@mimicfix/core does not export ${name}`, {
      hint: 'rebuild @mimicfix/core (pnpm --filter @mimicfix/core build) or update it to the version the CLI was built with',
    });
  }
  return value as T;
}

/**
 * A DATAMIMIC client for the remote commands: `--url`/`--project` over DATAMIMIC_URL/DATAMIMIC_PROJECT_ID over
 * the config file; the token only from DATAMIMIC_TOKEN (or the config file). Close it when done.
 */
export async function openClient(ctx: CommandContext, args: ParsedArgs): Promise<RemoteClient> {
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
  const DatamimicClient = coreExport<ClientClass>('DatamimicClient');
  return new DatamimicClient({ ...resolved.remote, log: ctx.debugLog });
}

/** Runs `fn` with a client and always closes its connection pool. */
export async function withClient<T>(
  ctx: CommandContext,
  args: ParsedArgs,
  fn: (client: RemoteClient) => Promise<T>,
): Promise<T> {
  const client = await openClient(ctx, args);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}
