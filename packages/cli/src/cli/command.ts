import type { OptionSpecs, ParsedArgs } from './args';
import type { CliIo } from './io';

/** What every command receives. */
export interface CommandContext {
  /** Folder relative paths resolve against (`--cwd` or process.cwd()). */
  cwd: string;
  env: Record<string, string | undefined>;
  io: CliIo;
  quiet: boolean;
  debug: boolean;
  /** Aborted on SIGINT/SIGTERM while a command runs. */
  signal: AbortSignal;
  /** A status line for humans on stderr; silenced by --quiet. */
  info(line: string): void;
  /** A debug line on stderr, only with --debug. */
  debugLog(line: string): void;
  /** A result line on stdout. */
  out(line: string): void;
}

/** One `mimicfix <name>` command: its flags, help text and handler. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** e.g. `[descriptor]`, `<task> <name> [format]`. */
  args: string;
  /** Fewest positionals accepted (the first ones of `positionalNames` are required). @default 0 */
  minPositionals?: number;
  /** Most positionals accepted. */
  maxPositionals: number;
  positionalNames?: string[];
  options: OptionSpecs;
  /** Extra paragraphs for `mimicfix <name> --help`. */
  details?: string[];
  examples?: string[];
  /** Returns the exit code. Throws MimicfixError for failures (mapped to exit codes by main). */
  run(ctx: CommandContext, args: ParsedArgs): Promise<number>;
}
