import path from 'node:path';
import type { MimicfixOptions } from '../types';
import { loadConfigFile } from './load-config-file';
import { isResolvedOptions, type ResolvedOptions, resolveOptions } from './resolve-options';

/**
 * `loadConfigFile(root)` + `resolveOptions()`: what `resolve()`, `setupDatasets()` and the CLI call. Already
 * resolved options are returned as they are.
 */
export async function loadOptions(options: MimicfixOptions | ResolvedOptions = {}): Promise<ResolvedOptions> {
  if (isResolvedOptions(options)) return options;
  const root = path.resolve(options.root ?? process.cwd());
  const file = await loadConfigFile(root);
  return resolveOptions(options, options.env ?? process.env, file);
}
