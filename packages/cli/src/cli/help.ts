import { GLOBAL_OPTIONS, type OptionSpecs } from './args';
import type { Command } from './command';
import { EXIT_CODE_HELP } from './exit-codes';

function optionRows(specs: OptionSpecs): string[] {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : '';
    const repeat = spec.multiple ? ' (repeatable)' : '';
    return [`${short}--${name}${value}`, `${spec.description}${repeat}`] as const;
  });
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** `mimicfix --help`: commands, global flags, exit codes. */
export function generalHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => `${c.name} ${c.args}`.length));
  const lines = [
    `mimicfix ${version}: realistic, cached DATAMIMIC datasets for Vitest and Jest`,
    '',
    'Usage: mimicfix <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${`${c.name} ${c.args}`.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    ...optionRows(GLOBAL_OPTIONS),
    '',
    'Exit codes:',
    ...EXIT_CODE_HELP.map(([code, text]) => `  ${String(code).padStart(3)}  ${text}`),
    '',
    'Environment: MIMICFIX_CACHE_DIR, MIMICFIX_MODE, MIMICFIX_SEED, MIMICFIX_DEBUG,',
    '  DATAMIMIC_URL, DATAMIMIC_PROJECT_ID, DATAMIMIC_TOKEN (the token is read only from the environment).',
    '',
    'Run `mimicfix <command> --help` for the options of one command. Docs: docs/cli.md',
  ];
  return `${lines.join('\n')}\n`;
}

/** `mimicfix <command> --help`. */
export function commandHelp(command: Command): string {
  const lines = [
    `Usage: mimicfix ${command.name} ${command.args}`.trimEnd() + ' [options]',
    '',
    command.summary,
  ];
  if (command.details?.length) lines.push('', ...command.details);
  if (Object.keys(command.options).length) lines.push('', 'Options:', ...optionRows(command.options));
  lines.push('', 'Global options:', ...optionRows(GLOBAL_OPTIONS));
  if (command.examples?.length) lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}
