import path from 'node:path';
import { inspect } from 'node:util';
import { type EngineLimits, MimicfixError } from '@mimicfix/engine';
import { closestMatch } from '@mimicfix/engine/errors';
import { describeShared, resolveSharedOption, type SharedOption } from '../shared/shared-options';
import type { MimicfixOptions, Mode, PruneOptions, RemoteOptions } from '../types';
import { defaultLog } from '../util/log';
import { parseDuration, parseSize } from '../util/units';
import type { LoadedConfigFile } from './load-config-file';

const MODES: readonly Mode[] = ['auto', 'frozen', 'refresh', 'offline'];

/** Every key of `MimicfixOptions`: anything else is a typo that would otherwise be ignored silently. */
const OPTION_KEYS: readonly (keyof MimicfixOptions)[] = [
  'root',
  'descriptor',
  'cacheDir',
  'seed',
  'mode',
  'counts',
  'dataset',
  'locale',
  'datasets',
  'remote',
  'lockTimeoutMs',
  'lockStaleMs',
  'debug',
  'log',
  'env',
  'signal',
  'onProgress',
  'prune',
  'shared',
  'limits',
];
const LIMIT_KEYS: readonly (keyof EngineLimits)[] = ['maxCount', 'maxDepth', 'maxTotalRecords'];
const RESOLVED = Symbol.for('mimicfix.resolved-options');

/** Remote options with every default filled in. `toJSON`/`inspect` of it mask the token. */
export interface ResolvedRemoteOptions extends Required<RemoteOptions> {}

/** `MimicfixOptions` after precedence and defaults: every field present. */
export interface ResolvedOptions {
  /** Absolute root folder. */
  root: string;
  /** Root descriptor relative to `root`, POSIX separators. */
  descriptor: string;
  /** Absolute path of the root descriptor. */
  descriptorPath: string;
  /** Absolute cache folder. */
  cacheDir: string;
  seed: string;
  mode: Mode;
  counts: Record<string, number>;
  dataset: string | null;
  locale: string | null;
  /** Sorted, de-duplicated; null = all. */
  datasets: string[] | null;
  remote: ResolvedRemoteOptions | false;
  lockTimeoutMs: number;
  lockStaleMs: number;
  debug: boolean;
  log: (line: string) => void;
  env: Record<string, string | undefined>;
  signal: AbortSignal | undefined;
  onProgress: ((name: string, done: number, total: number) => void) | undefined;
  prune: PruneOptions | false;
  /** SHARED TIER (src/shared/): the shared cache option after precedence, or false. */
  shared: SharedOption;
  /** Engine limits for the local backend (not part of the key: they never change a valid result). */
  limits: EngineLimits;
  /** The config file that contributed, or null. */
  configFile: string | null;
}

/** True for an object returned by `resolveOptions()`. */
export function isResolvedOptions(value: unknown): value is ResolvedOptions {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[RESOLVED] === true;
}

/**
 * Merges explicit options > environment > config file > defaults into `ResolvedOptions`, validating each value
 * (errors name the option or env var). `env` defaults to `options.env ?? process.env`; `file` is what
 * `loadConfigFile()` returned (or nothing). The result masks the token in `JSON.stringify` and `util.inspect`.
 */
export function resolveOptions(
  options: MimicfixOptions = {},
  env: Record<string, string | undefined> = options.env ?? process.env,
  file: LoadedConfigFile = { path: null, options: {} },
): ResolvedOptions {
  const f = file.options;
  rejectUnknownKeys(options, OPTION_KEYS, '', null);
  rejectUnknownKeys(f, OPTION_KEYS, '', file.path);
  const pick = <K extends keyof MimicfixOptions>(key: K): MimicfixOptions[K] =>
    options[key] !== undefined ? options[key] : f[key];

  // Not from the file: the file is found in root.
  const root = path.resolve(options.root ?? process.cwd());
  const descriptorOpt = pick('descriptor') ?? 'datamimic.xml';
  if (typeof descriptorOpt !== 'string' || descriptorOpt.trim() === '') {
    throw configError('descriptor', descriptorOpt, 'a path to the root descriptor, e.g. "datamimic.xml"');
  }
  const descriptorPath = path.resolve(root, descriptorOpt);
  const descriptor = toPosix(path.relative(root, descriptorPath)) || path.basename(descriptorPath);

  const cacheDirOpt = options.cacheDir ?? nonEmpty(env.MIMICFIX_CACHE_DIR) ?? f.cacheDir;
  const cacheDir = path.resolve(root, cacheDirOpt ?? path.join('node_modules', '.cache', 'mimicfix'));

  const seedOpt = options.seed ?? nonEmpty(env.MIMICFIX_SEED) ?? f.seed ?? 'mimicfix';
  if ((typeof seedOpt !== 'string' && typeof seedOpt !== 'number') || String(seedOpt) === '') {
    throw configError('seed', seedOpt, 'a non-empty string or a number', 'MIMICFIX_SEED');
  }

  const modeFromEnv = nonEmpty(env.MIMICFIX_MODE);
  const mode = (options.mode ?? modeFromEnv ?? f.mode ?? 'auto') as Mode;
  if (!MODES.includes(mode)) {
    const fromEnv = options.mode === undefined && modeFromEnv !== undefined;
    throw configError(fromEnv ? 'MIMICFIX_MODE' : 'mode', mode, `one of ${MODES.join(', ')}`);
  }

  // An explicit option wins, so a malformed MIMICFIX_DEBUG is only an error when it is actually used.
  const debug = options.debug ?? parseBool(env.MIMICFIX_DEBUG, 'MIMICFIX_DEBUG') ?? f.debug ?? false;
  if (typeof debug !== 'boolean') throw configError('debug', debug, 'true or false');

  const counts = pick('counts') ?? {};
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
    throw configError('counts', counts, 'an object like { person: 100 }');
  }
  for (const [name, n] of Object.entries(counts)) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw configError(`counts.${name}`, n, 'a non-negative integer');
    }
  }

  const dataset = optionalString(pick('dataset'), 'dataset');
  const locale = optionalString(pick('locale'), 'locale');
  const datasetsOpt = pick('datasets');
  let datasets: string[] | null = null;
  if (datasetsOpt !== undefined) {
    if (!Array.isArray(datasetsOpt) || datasetsOpt.some((d) => typeof d !== 'string' || d === '')) {
      throw configError('datasets', datasetsOpt, 'an array of generate names, e.g. ["person"]');
    }
    datasets = [...new Set(datasetsOpt)].sort();
  }

  const lockTimeoutMs = positive(pick('lockTimeoutMs') ?? 600_000, 'lockTimeoutMs', 0);
  // proper-lockfile silently raises a stale time under 2 s to 2 s; say so instead.
  const lockStaleMs = positive(pick('lockStaleMs') ?? 30_000, 'lockStaleMs', 2000);

  const pruneOpt = pick('prune') ?? false;
  if (pruneOpt !== false) {
    if (typeof pruneOpt !== 'object' || pruneOpt === null)
      throw configError('prune', pruneOpt, 'false or { keep, maxSize, olderThan }');
    if (pruneOpt.keep !== undefined) positive(pruneOpt.keep, 'prune.keep', 0);
    if (pruneOpt.maxSize !== undefined) parseSize(pruneOpt.maxSize, 'prune.maxSize');
    if (pruneOpt.olderThan !== undefined) parseDuration(pruneOpt.olderThan, 'prune.olderThan');
  }

  const limitsOpt = pick('limits') ?? {};
  if (typeof limitsOpt !== 'object' || limitsOpt === null || Array.isArray(limitsOpt)) {
    throw configError('limits', limitsOpt, 'an object like { maxCount: 1000000 }');
  }
  rejectUnknownKeys(limitsOpt, LIMIT_KEYS, 'limits.', null);
  const limits: EngineLimits = {};
  for (const k of LIMIT_KEYS) {
    const v = limitsOpt[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      throw configError(`limits.${k}`, v, 'a positive integer');
    limits[k] = v;
  }

  const log = options.log ?? f.log ?? defaultLog;
  if (typeof log !== 'function') throw configError('log', log, 'a function (line: string) => void');

  const resolved: ResolvedOptions = {
    root,
    descriptor,
    descriptorPath,
    cacheDir,
    seed: String(seedOpt),
    mode,
    counts: { ...counts },
    dataset,
    locale,
    datasets,
    remote: resolveRemote(options.remote, env, f.remote),
    lockTimeoutMs,
    lockStaleMs,
    debug,
    log,
    env,
    signal: options.signal,
    onProgress: options.onProgress,
    prune: pruneOpt,
    shared: resolveSharedOption(options.shared, env, f.shared), // SHARED TIER
    limits,
    configFile: file.path,
  };
  Object.defineProperty(resolved, RESOLVED, { value: true, enumerable: false });
  defineMasking(resolved, () => ({
    ...serialisable(resolved),
    remote: maskRemote(resolved.remote),
    shared: describeShared(resolved.shared), // SHARED TIER: no password, no Keyv internals
  }));
  return resolved;
}

function resolveRemote(
  explicit: RemoteOptions | false | undefined,
  env: Record<string, string | undefined>,
  fromFile: RemoteOptions | false | undefined,
): ResolvedRemoteOptions | false {
  if (explicit === false) return false;
  const envUrl = nonEmpty(env.DATAMIMIC_URL);
  const fileRemote = fromFile === false || fromFile === undefined ? undefined : fromFile;
  if (explicit === undefined && envUrl === undefined && fileRemote === undefined) return false;
  if (explicit !== undefined && (typeof explicit !== 'object' || explicit === null)) {
    throw configError('remote', explicit, 'false or { url, projectId, token }');
  }
  const field = <K extends keyof RemoteOptions>(key: K, envName?: string): RemoteOptions[K] | undefined =>
    explicit?.[key] ??
    (envName ? (nonEmpty(env[envName]) as RemoteOptions[K] | undefined) : undefined) ??
    fileRemote?.[key];

  const url = field('url', 'DATAMIMIC_URL');
  const projectId = field('projectId', 'DATAMIMIC_PROJECT_ID');
  const token = field('token', 'DATAMIMIC_TOKEN');
  if (typeof url !== 'string' || !/^https?:\/\/[^/]/i.test(url)) {
    throw configError(
      'remote.url (env DATAMIMIC_URL)',
      url,
      'an http(s) URL such as https://datamimic.example.com',
    );
  }
  if (typeof projectId !== 'string' || projectId === '') {
    throw new MimicfixError('MIMICFIX_CONFIG', 'The remote generator is configured but has no project id.', {
      hint: 'Set DATAMIMIC_PROJECT_ID or the option remote.projectId (or remote: false to use the local engine).',
    });
  }
  if (typeof token !== 'string' || token === '') {
    throw new MimicfixError('MIMICFIX_CONFIG', 'The remote generator is configured but has no token.', {
      hint: 'Set DATAMIMIC_TOKEN (preferred: keep it out of files) or remote.token, or remote: false for the local engine.',
    });
  }
  const apiVersion = field('apiVersion') ?? 'v2';
  if (apiVersion !== 'v1' && apiVersion !== 'v2')
    throw configError('remote.apiVersion', apiVersion, '"v1" or "v2"');
  const remote: ResolvedRemoteOptions = {
    url: url.replace(/\/+$/, ''),
    projectId,
    token,
    apiVersion,
    taskTimeoutMs: positive(field('taskTimeoutMs') ?? 1_800_000, 'remote.taskTimeoutMs', 1),
    pollIntervalMs: positive(field('pollIntervalMs') ?? 1000, 'remote.pollIntervalMs', 1),
    requestTimeoutMs: positive(field('requestTimeoutMs') ?? 30_000, 'remote.requestTimeoutMs', 1),
    retries: positive(field('retries') ?? 4, 'remote.retries', 0),
  };
  defineMasking(remote, () => maskRemote(remote));
  return remote;
}

/** A copy that is safe to print: the token replaced by `***`. */
export function maskRemote(remote: ResolvedRemoteOptions | false): Record<string, unknown> | false {
  if (remote === false) return false;
  return { ...remote, token: '***' };
}

function serialisable(r: ResolvedOptions): Record<string, unknown> {
  const {
    log: _log,
    env: _env,
    signal: _signal,
    onProgress: _onProgress,
    remote: _remote,
    shared: _shared,
    ...rest
  } = r;
  return rest;
}

// Non-enumerable so that spreading the object does not copy them, while JSON.stringify and console.log use them.
function defineMasking(target: object, masked: () => unknown): void {
  Object.defineProperty(target, 'toJSON', { value: masked, enumerable: false });
  Object.defineProperty(target, inspect.custom, {
    value: (_depth: number, opts: object) => inspect(masked(), opts),
    enumerable: false,
  });
}

/** MIMICFIX_CONFIG for a key that is not an option, with the closest known one. */
function rejectUnknownKeys(
  value: object,
  known: readonly string[],
  prefix: string,
  file: string | null,
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const guess = closestMatch(key, known, { minDistance: 1 });
    throw new MimicfixError(
      'MIMICFIX_CONFIG',
      `unknown option "${prefix}${key}"${guess ? ` (did you mean "${prefix}${guess}"?)` : ''}${file ? ` in ${file}` : ''}.`,
      {
        hint: `Known options: ${known.map((k) => prefix + k).join(', ')}.`,
        details: { option: prefix + key, ...(guess ? { suggestion: prefix + guess } : {}) },
      },
    );
  }
}

function configError(option: string, value: unknown, expected: string, envName?: string): MimicfixError {
  const shown = typeof value === 'function' ? 'a function' : JSON.stringify(value);
  const isEnv = /^[A-Z_]+$/.test(option);
  return new MimicfixError(
    'MIMICFIX_CONFIG',
    `${isEnv ? 'Environment variable' : 'Option'} ${option} has an invalid value ${shown}.`,
    { hint: `Use ${expected}${envName ? ` (option ${option} or env ${envName})` : ''}.` },
  );
}

function positive(value: unknown, option: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw configError(option, value, `a number >= ${min}`);
  }
  return value;
}

function optionalString(value: unknown, option: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value === '') throw configError(option, value, 'a non-empty string');
  return value;
}

function parseBool(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  const v = value.toLowerCase();
  if (v === '1' || v === 'true' || v === 'yes') return true;
  if (v === '0' || v === 'false' || v === 'no') return false;
  throw configError(name, value, '1 or 0 (true/false)');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
