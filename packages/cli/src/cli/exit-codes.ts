import type { MimicfixErrorCode } from '@mimicfix/engine/errors';

/** Process exit codes of the mimicfix CLI. Documented in docs/cli.md and `mimicfix --help`. */
export const ExitCode = {
  /** Everything worked. */
  OK: 0,
  /** Generation, verification or store failure (and anything unexpected). */
  FAILURE: 1,
  /** Bad command line: unknown command or flag, missing/invalid argument, invalid option value. */
  USAGE: 2,
  /** Cache miss in `frozen` or `offline` mode; `status` without a task on a miss. */
  CACHE_MISS: 3,
  /** Remote DATAMIMIC/HTTP problem: auth, network, timeout, bad response, failed task. */
  REMOTE: 4,
  /** The descriptor is wrong: XML, validation, scripts, generators, source files, limits. */
  DESCRIPTOR: 5,
  /** Interrupted by SIGINT/SIGTERM. */
  INTERRUPTED: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

const BY_CODE: Partial<Record<MimicfixErrorCode, ExitCodeValue>> = {
  MIMICFIX_USAGE: ExitCode.USAGE,
  MIMICFIX_CONFIG: ExitCode.USAGE,
  MIMICFIX_CACHE_MISS: ExitCode.CACHE_MISS,
  MIMICFIX_HTTP_AUTH: ExitCode.REMOTE,
  MIMICFIX_HTTP_NOT_FOUND: ExitCode.REMOTE,
  MIMICFIX_HTTP_VALIDATION: ExitCode.REMOTE,
  MIMICFIX_HTTP_STATUS: ExitCode.REMOTE,
  MIMICFIX_HTTP_TIMEOUT: ExitCode.REMOTE,
  MIMICFIX_HTTP_NETWORK: ExitCode.REMOTE,
  MIMICFIX_HTTP_BAD_RESPONSE: ExitCode.REMOTE,
  MIMICFIX_DOWNLOAD_TRUNCATED: ExitCode.REMOTE,
  MIMICFIX_TASK_FAILED: ExitCode.REMOTE,
  MIMICFIX_TASK_TIMEOUT: ExitCode.REMOTE,
  MIMICFIX_DESCRIPTOR_PARSE: ExitCode.DESCRIPTOR,
  MIMICFIX_DESCRIPTOR_INVALID: ExitCode.DESCRIPTOR,
  MIMICFIX_DESCRIPTOR_UNSUPPORTED: ExitCode.DESCRIPTOR,
  MIMICFIX_FILE_NOT_FOUND: ExitCode.DESCRIPTOR,
  MIMICFIX_PATH_OUTSIDE_ROOT: ExitCode.DESCRIPTOR,
  MIMICFIX_SCRIPT_SYNTAX: ExitCode.DESCRIPTOR,
  MIMICFIX_SCRIPT_ERROR: ExitCode.DESCRIPTOR,
  MIMICFIX_GENERATOR: ExitCode.DESCRIPTOR,
  MIMICFIX_SOURCE: ExitCode.DESCRIPTOR,
  MIMICFIX_LIMIT: ExitCode.DESCRIPTOR,
  MIMICFIX_ABORTED: ExitCode.INTERRUPTED,
};

/** The exit code for a MimicfixError code; everything not listed is a plain failure (1). */
export function exitCodeFor(code: string): ExitCodeValue {
  return BY_CODE[code as MimicfixErrorCode] ?? ExitCode.FAILURE;
}

/** The table printed by `mimicfix --help` and kept in docs/cli.md. */
export const EXIT_CODE_HELP: ReadonlyArray<[number, string]> = [
  [ExitCode.OK, 'ok'],
  [ExitCode.FAILURE, 'failure (generation, verification or store failed)'],
  [ExitCode.USAGE, 'usage error (unknown command/flag, bad value, invalid config)'],
  [ExitCode.CACHE_MISS, 'cache miss in frozen/offline mode (and `status` without a task on a miss)'],
  [ExitCode.REMOTE, 'remote/HTTP error (auth, network, timeout, task failed)'],
  [ExitCode.DESCRIPTOR, 'descriptor error (XML, validation, script, generator, source file)'],
  [ExitCode.INTERRUPTED, 'interrupted (SIGINT/SIGTERM)'],
];
