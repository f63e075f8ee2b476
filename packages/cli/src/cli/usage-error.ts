import { MimicfixError } from '@mimicfix/engine/errors';

/** A command-line mistake (exit code 2). `command` selects which usage the hint points at. */
export function usageError(message: string, command?: string, hint?: string): MimicfixError {
  return new MimicfixError('MIMICFIX_USAGE', message, {
    hint: hint ?? `run \`mimicfix ${command ? `${command} ` : ''}--help\` for usage`,
  });
}
