import path from 'node:path';
import type { MimicfixOptions, RemoteOptions } from '@mimicfix/core';
import { boolFlag, type ParsedArgs, stringFlag, stringList } from './args';
import type { CommandContext } from './command';
import { usageError } from './usage-error';
import { parseCounts, parseMode } from './values';

/**
 * The explicit options of a command line (flags only; core merges env, config file and defaults under them).
 * Flags that were not given are left out so that they do not shadow env or the config file.
 */
export function projectOptions(ctx: CommandContext, args: ParsedArgs, command: string): MimicfixOptions {
  const v = args.values;
  const options: MimicfixOptions = { root: ctx.cwd, env: ctx.env, signal: ctx.signal };
  const descriptor = args.positionals[0];
  if (descriptor !== undefined) options.descriptor = descriptor;
  const mode = stringFlag(v, 'mode');
  if (mode !== undefined) options.mode = parseMode(mode, command);
  const seed = stringFlag(v, 'seed');
  if (seed !== undefined) options.seed = seed;
  const counts = parseCounts(stringList(v, 'count'), command);
  if (counts) options.counts = counts;
  const only = stringList(v, 'only');
  if (only.length) options.datasets = only;
  const dataset = stringFlag(v, 'dataset');
  if (dataset !== undefined) options.dataset = dataset;
  const locale = stringFlag(v, 'locale');
  if (locale !== undefined) options.locale = locale;
  const cacheDir = stringFlag(v, 'cache-dir');
  if (cacheDir !== undefined) options.cacheDir = path.resolve(ctx.cwd, cacheDir);
  if (ctx.debug) options.debug = true;
  const remote = backendChoice(args, command);
  if (remote !== undefined) options.remote = remote;
  return options;
}

/**
 * `--local` → false; `--remote`, `--url` or `--project` → the flags given (core fills the rest from DATAMIMIC_*
 * and the config file, and names what is missing); none → undefined (core picks remote when DATAMIMIC_URL is set).
 */
function backendChoice(args: ParsedArgs, command: string): RemoteOptions | false | undefined {
  const v = args.values;
  const local = boolFlag(v, 'local');
  const explicit = remoteFlags(args);
  const wantsRemote = boolFlag(v, 'remote') || Object.keys(explicit).length > 0;
  if (local && wantsRemote) {
    throw usageError('--local cannot be combined with --remote, --url or --project', command);
  }
  if (local) return false;
  // Partial on purpose: core merges field by field (flag > env > config file); the token never comes from a flag.
  if (wantsRemote) return explicit as RemoteOptions;
  return undefined;
}

/** `--url` / `--project` as RemoteOptions fields (only those given). */
export function remoteFlags(args: ParsedArgs): Partial<RemoteOptions> {
  const url = stringFlag(args.values, 'url');
  const projectId = stringFlag(args.values, 'project');
  return { ...(url !== undefined ? { url } : {}), ...(projectId !== undefined ? { projectId } : {}) };
}
