import { parseArgs } from 'node:util';
import { closestMatch } from '@mimicfix/engine/errors';
import { usageError } from './usage-error';

/** One flag of a command, as parseArgs takes it plus what help prints. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Placeholder of the value in help, e.g. `DIR`. */
  value?: string;
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export type ParsedValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface ParsedArgs {
  values: ParsedValues;
  positionals: string[];
}

/** Flags that every command takes. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  help: {
    type: 'boolean',
    short: 'h',
    description: 'show help (for a command: `mimicfix <command> --help`)',
  },
  version: { type: 'boolean', description: 'print the version' },
  cwd: { type: 'string', value: 'DIR', description: 'run as if started in DIR' },
  quiet: { type: 'boolean', short: 'q', description: 'print only results and errors' },
  debug: { type: 'boolean', description: 'print debug lines and stack traces (also MIMICFIX_DEBUG=1)' },
};

/**
 * Splits argv into the command name and the rest. Global flags may stand before the command; the value of
 * `--cwd DIR` is skipped so that it is not taken for the command.
 */
export function splitCommand(argv: readonly string[]): { command?: string; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token === '--cwd') {
      i++;
      continue;
    }
    if (token.startsWith('-') && token !== '-') continue;
    return { command: token, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { rest: [...argv] };
}

/**
 * Parses a command's arguments with `node:util` parseArgs, non-strict so that unknown flags reach our own
 * check, which can suggest the closest known flag (`--sed` → did you mean `--seed`?).
 */
export function parseCommandArgs(
  argv: readonly string[],
  specs: OptionSpecs,
  command: string | undefined,
  positionals: { min?: number; max: number; names?: string[] },
): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = { type: spec.type };
    if (spec.short) options[name].short = spec.short;
    if (spec.multiple) options[name].multiple = true;
  }
  const {
    values,
    positionals: rest,
    tokens,
  } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const known = Object.keys(specs);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = specs[token.name];
    if (!spec && token.name === 'token') {
      // Never take a secret on the command line: it would land in shell history and process lists.
      throw usageError(
        'option --token is not accepted',
        command,
        'set the token in the DATAMIMIC_TOKEN environment variable',
      );
    }
    if (!spec) {
      const guess = token.rawName.startsWith('--')
        ? closestMatch(token.name, known, { minDistance: 1 })
        : undefined;
      const where = command ? ` for \`mimicfix ${command}\`` : '';
      throw usageError(
        `unknown option ${token.rawName}${where}${guess ? ` (did you mean --${guess}?)` : ''}`,
        command,
      );
    }
    if (spec.type === 'string' && (token.value === undefined || token.value === '')) {
      throw usageError(
        `option ${token.rawName} needs a value${spec.value ? ` (${spec.value})` : ''}`,
        command,
      );
    }
    if (spec.type === 'boolean' && token.inlineValue) {
      throw usageError(`option ${token.rawName} takes no value`, command);
    }
  }
  if (rest.length < (positionals.min ?? 0)) {
    const name = positionals.names?.[rest.length] ?? 'argument';
    throw usageError(`missing ${name}`, command);
  }
  if (rest.length > positionals.max) {
    const extra = rest[positionals.max]!;
    const expected = positionals.names?.length ? ` (expected ${positionals.names.join(' ')})` : '';
    throw usageError(`unexpected argument '${extra}'${expected}`, command);
  }
  return { values: values as ParsedValues, positionals: rest };
}

/** A string flag's value (the last one if repeated). */
export function stringFlag(values: ParsedValues, name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a repeatable string flag. */
export function stringList(values: ParsedValues, name: string): string[] {
  const v = values[name];
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' ? [v] : [];
}

export function boolFlag(values: ParsedValues, name: string): boolean {
  return values[name] === true;
}
