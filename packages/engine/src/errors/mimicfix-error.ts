/**
 * The one error class of mimicfix. It lives in the engine (the package every other package depends on) and is
 * re-exported by `@mimicfix/core`. Instances are branded with a global symbol so that `isMimicfixError()` works
 * across Jest's VM realms, where `instanceof` fails: match on `code`.
 */
const BRAND = Symbol.for('mimicfix.error');

export type MimicfixErrorCode =
  | 'MIMICFIX_DESCRIPTOR_PARSE' // XML not well-formed, DOCTYPE/entities refused
  | 'MIMICFIX_DESCRIPTOR_INVALID' // unknown element/attribute, missing required attribute, bad value
  | 'MIMICFIX_DESCRIPTOR_UNSUPPORTED' // needs a database (database, mongodb, reference, .scr.sql)
  | 'MIMICFIX_FILE_NOT_FOUND' // include/source/properties file missing
  | 'MIMICFIX_PATH_OUTSIDE_ROOT' // a path resolves outside the descriptor's folder
  | 'MIMICFIX_SCRIPT_SYNTAX' // script expression does not parse
  | 'MIMICFIX_SCRIPT_ERROR' // script evaluation failed (unknown name, type error, forbidden access)
  | 'MIMICFIX_GENERATOR' // unknown generator or bad generator arguments
  | 'MIMICFIX_LIMIT' // count/depth limits exceeded
  | 'MIMICFIX_SOURCE' // malformed source file (.ent.csv, .wgt.csv, .json)
  | 'MIMICFIX_CONFIG' // invalid option / env value
  | 'MIMICFIX_DATASET_UNKNOWN' // useDatamimic(name) with a name that is not in the manifest
  | 'MIMICFIX_DATASET_LOAD' // artifact cannot be read/parsed
  | 'MIMICFIX_CACHE_MISS' // frozen/offline mode miss
  | 'MIMICFIX_CACHE_CORRUPT' // artifact bytes/sha256 mismatch
  | 'MIMICFIX_LOCK_TIMEOUT' // waited too long for another process's lock
  | 'MIMICFIX_STORE' // store I/O failure
  | 'MIMICFIX_NOT_SETUP' // useDatamimic called without the global setup having run
  | 'MIMICFIX_HTTP_AUTH' // 401/403
  | 'MIMICFIX_HTTP_NOT_FOUND' // 404
  | 'MIMICFIX_HTTP_VALIDATION' // 422
  | 'MIMICFIX_HTTP_STATUS' // other non-2xx after retries
  | 'MIMICFIX_HTTP_TIMEOUT' // headers/body timeout
  | 'MIMICFIX_HTTP_NETWORK' // connection reset/refused after retries
  | 'MIMICFIX_HTTP_BAD_RESPONSE' // invalid JSON or unexpected shape
  | 'MIMICFIX_DOWNLOAD_TRUNCATED' // byte count differs from announced size
  | 'MIMICFIX_TASK_FAILED' // remote task ended in a failure status
  | 'MIMICFIX_TASK_TIMEOUT' // remote task did not finish within the cap
  | 'MIMICFIX_ABORTED' // aborted by signal
  | 'MIMICFIX_SHARED_CACHE' // shared tier failure
  | 'MIMICFIX_USAGE' // CLI usage error
  | 'MIMICFIX_INTERNAL';

/** Where in a descriptor file a problem is. `line` and `column` are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface MimicfixErrorOptions {
  /** What to do about it; printed after the message. */
  hint?: string;
  /** Where in a descriptor file. */
  location?: SourceLocation;
  cause?: unknown;
  /** Extra structured facts (HTTP status, task id, ...). Never the token. */
  details?: Record<string, unknown>;
}

export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

export class MimicfixError extends Error {
  readonly code: MimicfixErrorCode;
  readonly hint?: string;
  readonly location?: SourceLocation;
  readonly details?: Record<string, unknown>;

  constructor(code: MimicfixErrorCode, message: string, options: MimicfixErrorOptions = {}) {
    const where = options.location ? `${formatLocation(options.location)}: ` : '';
    super(`${where}${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MimicfixError';
    this.code = code;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.location !== undefined) this.location = options.location;
    if (options.details !== undefined) this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** `code: message` plus the hint on its own line; what CLIs and setup hooks print. */
  format(): string {
    return `${this.code}: ${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }

  /** `instanceof MimicfixError` also holds for instances from another realm (Jest VM contexts). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isMimicfixError(value);
  }
}

/** True for a MimicfixError from any realm (Jest VM contexts included). */
export function isMimicfixError(value: unknown, code?: MimicfixErrorCode): value is MimicfixError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
  return code === undefined || (value as MimicfixError).code === code;
}
