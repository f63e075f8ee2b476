import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MimicfixError } from '@mimicfix/engine';
import type { MimicfixOptions } from '../types';

/** Config file names looked up in `root`, first match wins. */
export const CONFIG_FILE_NAMES = [
  'mimicfix.config.ts',
  'mimicfix.config.mjs',
  'mimicfix.config.js',
  'mimicfix.config.json',
] as const;

/** A loaded `mimicfix.config.*`: its path (null when there is none) and its options. */
export interface LoadedConfigFile {
  path: string | null;
  options: MimicfixOptions;
}

/**
 * Loads `mimicfix.config.{ts,mjs,js,json}` from `root`. `.mjs`/`.js` are imported (default export: an object or a
 * function returning one); `.json` is parsed; `.ts` is imported when the runtime can (Node with type stripping,
 * Vitest) and otherwise refused with a hint to rename it to `.mjs`. No file → `{ path: null, options: {} }`.
 */
export async function loadConfigFile(root: string): Promise<LoadedConfigFile> {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    return { path: file, options: await readConfig(file) };
  }
  return { path: null, options: {} };
}

async function readConfig(file: string): Promise<MimicfixOptions> {
  let value: unknown;
  if (file.endsWith('.json')) {
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new MimicfixError(
        'MIMICFIX_CONFIG',
        `Config file ${file} is not valid JSON: ${(cause as Error).message}.`,
        {
          hint: 'Fix the JSON syntax (no comments, no trailing commas).',
          cause,
        },
      );
    }
  } else {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (file.endsWith('.ts') && code === 'ERR_UNKNOWN_FILE_EXTENSION') {
        throw new MimicfixError(
          'MIMICFIX_CONFIG',
          `Config file ${file} is TypeScript and this Node cannot load it.`,
          {
            hint: 'Rename it to mimicfix.config.mjs (plain JavaScript), or run Node >= 22.18 which strips types.',
            cause,
          },
        );
      }
      throw new MimicfixError(
        'MIMICFIX_CONFIG',
        `Config file ${file} could not be loaded: ${(cause as Error).message}`,
        {
          hint: 'Fix the error in the config file; it must `export default { ... }`.',
          cause,
        },
      );
    }
    value = 'default' in mod ? mod.default : mod;
    if (typeof value === 'function') value = await (value as () => unknown)();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MimicfixError('MIMICFIX_CONFIG', `Config file ${file} must export an object of options.`, {
      hint: 'Write `export default { descriptor: "datamimic.xml" }` (or a JSON object for .json).',
    });
  }
  return value as MimicfixOptions;
}
