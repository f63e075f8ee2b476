import fs from 'node:fs';
import path from 'node:path';
import { closestMatch, isMimicfixError, type MimicfixError } from '@mimicfix/engine/errors';
import { version } from '../package.json';
import { boolFlag, GLOBAL_OPTIONS, parseCommandArgs, splitCommand, stringFlag } from './cli/args';
import type { CommandContext } from './cli/command';
import { ExitCode, exitCodeFor } from './cli/exit-codes';
import { commandHelp, generalHelp } from './cli/help';
import { type CliIo, processIo } from './cli/io';
import { usageError } from './cli/usage-error';
import { COMMANDS } from './commands';

/** Version of the CLI package. */
export const VERSION: string = version;

export interface MainOptions {
  io?: CliIo;
  env?: Record<string, string | undefined>;
  /** @default process.cwd() */
  cwd?: string;
  /** Install SIGINT/SIGTERM handlers that abort the running command. @default true */
  handleSignals?: boolean;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. Never throws:
 * errors are printed as `error MIMICFIX_CODE: message` plus a hint on stderr.
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const io = options.io ?? processIo();
  const env = options.env ?? process.env;
  let debug = env.MIMICFIX_DEBUG === '1' || env.MIMICFIX_DEBUG === 'true' || argv.includes('--debug');
  const controller = new AbortController();
  // `on`, not `once`: a once-listener is removed before it runs, and signal-exit (loaded by core's lock) kills
  // the process when it finds itself the only listener left. The first signal aborts; a second one exits now.
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(ExitCode.INTERRUPTED);
    controller.abort(new Error('interrupted'));
  };
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    const { command: name, rest } = splitCommand(argv);
    if (name === undefined || name === 'help') {
      const target = name === 'help' ? rest.find((a) => !a.startsWith('-')) : undefined;
      if (target !== undefined) return printCommandHelp(io, target);
      const parsed = parseCommandArgs(rest, GLOBAL_OPTIONS, undefined, { max: 0 });
      if (boolFlag(parsed.values, 'version')) {
        io.stdout.write(`${VERSION}\n`);
        return ExitCode.OK;
      }
      if (boolFlag(parsed.values, 'help') || name === 'help') {
        io.stdout.write(generalHelp(COMMANDS, VERSION));
        return ExitCode.OK;
      }
      io.stderr.write(generalHelp(COMMANDS, VERSION));
      return ExitCode.USAGE;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      const guess = closestMatch(
        name,
        COMMANDS.map((c) => c.name),
        { minDistance: 1 },
      );
      throw usageError(
        `unknown command '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}`,
        undefined,
        'run `mimicfix --help` for the list of commands',
      );
    }
    const parsed = parseCommandArgs(rest, { ...GLOBAL_OPTIONS, ...command.options }, command.name, {
      min: command.minPositionals ?? 0,
      max: command.maxPositionals,
      ...(command.positionalNames ? { names: command.positionalNames } : {}),
    });
    if (boolFlag(parsed.values, 'help')) {
      io.stdout.write(commandHelp(command));
      return ExitCode.OK;
    }
    if (boolFlag(parsed.values, 'version')) {
      io.stdout.write(`${VERSION}\n`);
      return ExitCode.OK;
    }
    debug ||= boolFlag(parsed.values, 'debug');
    const quiet = boolFlag(parsed.values, 'quiet');
    const cwd = resolveCwd(options.cwd ?? process.cwd(), stringFlag(parsed.values, 'cwd'), command.name);
    const ctx: CommandContext = {
      cwd,
      env,
      io,
      quiet,
      debug,
      signal: controller.signal,
      info: (line) => {
        if (!quiet) io.stderr.write(`${line}\n`);
      },
      debugLog: (line) => {
        if (debug) io.stderr.write(`[mimicfix:debug] ${line}\n`);
      },
      out: (line) => {
        io.stdout.write(`${line}\n`);
      },
    };
    return await command.run(ctx, parsed);
  } catch (err) {
    return report(io, err, debug, controller.signal.aborted);
  } finally {
    if (handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}

function printCommandHelp(io: CliIo, name: string): number {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const guess = closestMatch(
      name,
      COMMANDS.map((c) => c.name),
      { minDistance: 1 },
    );
    return report(
      io,
      usageError(`unknown command '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}`),
      false,
      false,
    );
  }
  io.stdout.write(commandHelp(command));
  return ExitCode.OK;
}

function resolveCwd(base: string, flag: string | undefined, command: string): string {
  if (flag === undefined) return base;
  const dir = path.resolve(base, flag);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw usageError(`--cwd '${flag}' is not a folder (${dir})`, command);
  }
  return dir;
}

/** Prints an error the way every command does and returns its exit code. */
function report(io: CliIo, err: unknown, debug: boolean, aborted: boolean): number {
  if (isMimicfixError(err)) {
    io.stderr.write(`error ${(err as MimicfixError).format()}\n`);
    if (debug) io.stderr.write(`${stackOf(err)}\n`);
    return exitCodeFor(err.code);
  }
  if (aborted) {
    io.stderr.write('error MIMICFIX_ABORTED: interrupted\n');
    return ExitCode.INTERRUPTED;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`error MIMICFIX_INTERNAL: ${message}\n`);
  io.stderr.write(debug ? `${stackOf(err)}\n` : '  hint: run again with --debug for the stack trace\n');
  return ExitCode.FAILURE;
}

function stackOf(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) parts.push('caused by:');
  }
  return parts.join('\n');
}
