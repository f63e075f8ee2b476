/**
 * The shared contract of @mimicfix/core. Every core module, the adapters, the emulator and the CLI build on
 * these types. Change them only together with docs/ and ARCHITECTURE.md.
 */
import type { ArtifactFormat, EngineLimits } from '@mimicfix/engine';
// SHARED TIER (src/shared/): the type of option `shared`.
import type { SharedOption } from './shared/shared-options';

export type Mode = 'auto' | 'frozen' | 'refresh' | 'offline';

/** Connection to a DATAMIMIC instance (remote generator). The token is never stored or printed. */
export interface RemoteOptions {
  /** Base URL of the instance, e.g. `https://datamimic.example.com`. Env `DATAMIMIC_URL`. */
  url: string;
  /** Project id. Env `DATAMIMIC_PROJECT_ID`. */
  projectId: string;
  /** Project access token. Env `DATAMIMIC_TOKEN`. */
  token: string;
  /** Which API the task is tracked through. @default 'v2' */
  apiVersion?: 'v1' | 'v2';
  /** Total time to wait for a task. @default 1_800_000 (30 min) */
  taskTimeoutMs?: number;
  /** First poll interval; grows with backoff. @default 1000 */
  pollIntervalMs?: number;
  /** Timeout for response headers and between body chunks. @default 30_000 */
  requestTimeoutMs?: number;
  /** Retries for 5xx/429/503/connection resets. @default 4 */
  retries?: number;
}

/** Options of `resolve()` and of the adapters. Explicit options > env > mimicfix.config.* > defaults. */
export interface MimicfixOptions {
  /** Folder every relative path is resolved against (the Vitest/Jest root). @default process.cwd() */
  root?: string;
  /** Root descriptor, relative to `root`. @default 'datamimic.xml' */
  descriptor?: string;
  /** Cache folder. Env `MIMICFIX_CACHE_DIR`. @default '<root>/node_modules/.cache/mimicfix' */
  cacheDir?: string;
  /** Seed of the local engine (`<setup rngSeed>` wins). Env `MIMICFIX_SEED`. @default 'mimicfix' */
  seed?: string | number;
  /** Cache mode. Env `MIMICFIX_MODE`. @default 'auto' */
  mode?: Mode;
  /** Override `count` per top-level generate name. */
  counts?: Record<string, number>;
  /** Override the descriptor's default dataset (US, DE, ...). */
  dataset?: string;
  /** Override the descriptor's default locale. */
  locale?: string;
  /** Only these datasets (top-level generate names) are generated. @default all */
  datasets?: string[];
  /**
   * Remote generator. An explicit `false` forces the local engine even if DATAMIMIC_* env vars are set (a
   * `false` in mimicfix.config.* loses to the env vars, like every config-file value).
   */
  remote?: RemoteOptions | false;
  /** Longest wait for another process's generation lock. @default 600_000 */
  lockTimeoutMs?: number;
  /** A lock not refreshed for this long is stale and taken over. @default 30_000 */
  lockStaleMs?: number;
  /** Print key inputs on every resolve. Env `MIMICFIX_DEBUG=1`. @default false */
  debug?: boolean;
  /** Where progress/status lines go. @default a writer to stderr prefixed `[mimicfix]` */
  log?: (line: string) => void;
  /** Environment to read (injectable for tests). @default process.env */
  env?: Record<string, string | undefined>;
  /** Cancel generation. */
  signal?: AbortSignal;
  /** Progress of a local generation: (dataset, records done, records expected). The CLI draws it on a TTY. */
  onProgress?: (name: string, done: number, total: number) => void;
  /**
   * Prune the store after every `resolve()` (entries in use by a live run are never removed).
   * `false` disables it. @default false
   */
  prune?: PruneOptions | false;
  /**
   * SHARED TIER (src/shared/, docs/shared-cache.md): a second cache level shared by machines, e.g. Redis. A Keyv
   * instance or store adapter, `{ url: 'redis://…' }` (needs `@keyv/redis`), or `false`.
   * Env `MIMICFIX_SHARED_URL`. @default false
   */
  shared?: SharedOption;
  /**
   * Safety limits of the local engine (`generate({ limits })`): `{ maxCount, maxDepth, maxTotalRecords }`.
   * Exceeding one fails with MIMICFIX_LIMIT. Not part of the cache key (they never change a valid result).
   */
  limits?: EngineLimits;
}

/** What `prune()` removes. Every limit is optional; entries in use by a live run are always kept. */
export interface PruneOptions {
  /** Keep at most this many entries (most recently used first). */
  keep?: number;
  /** Remove least recently used entries until the store is at most this big: bytes or `'500MB'`, `'2GB'`. */
  maxSize?: number | string;
  /** Remove entries not used for this long: milliseconds or `'7d'`, `'12h'`, `'30m'`. */
  olderThan?: number | string;
  /** Report what would be removed without removing it. @default false */
  dryRun?: boolean;
}

/** Identity of the generator backend: part of the cache key. Never holds the token. */
export type GeneratorIdentity =
  | { kind: 'local'; name: string; version: string }
  | { kind: 'remote'; host: string; projectId: string; apiVersion: 'v1' | 'v2' };

/** One file of the descriptor's dependency closure. */
export interface ClosureFile {
  /** POSIX path relative to the root descriptor's folder. */
  path: string;
  /** Absolute path on disk. */
  absolutePath: string;
  /** The bytes with CRLF normalised to LF (what the key hashes). */
  bytes: Buffer;
  sha256: string;
}

/** A loaded project: the root descriptor and everything it pulls in. */
export interface LoadedProject {
  /** Absolute path of the root descriptor. */
  descriptorPath: string;
  /** Absolute folder of the root descriptor; every path resolves against it. */
  baseDir: string;
  /** Sorted by path; the root descriptor included. */
  files: ClosureFile[];
  /** Generates that write files: the datasets this project will produce. */
  expected: Array<{ name: string; formats: ArtifactFormat[]; nested: boolean }>;
  /** Notes for the user, e.g. an expression path made the loader hash the whole folder. */
  warnings: string[];
}

/** The options that change the output and so are part of the key. */
export interface KeyOptions {
  seed: string;
  counts: Record<string, number>;
  dataset: string | null;
  locale: string | null;
  datasets: string[] | null;
}

/** One artifact file inside a store entry. */
export interface ArtifactEntry {
  /** File name inside the entry folder. */
  file: string;
  /** Dataset (generate name) it belongs to. */
  dataset: string;
  format: ArtifactFormat;
  bytes: number;
  sha256: string;
  records: number;
  /** CSV only: the field separator, detected from the header row when the generator does not say. */
  separator?: string;
}

/** What `useDatamimic(name)` loads: the preferred artifact(s) of one dataset. */
export interface DatasetEntry {
  format: ArtifactFormat;
  /** Files in order (several for `JSON(chunk_size=N)`), relative to the entry folder. */
  files: string[];
  records: number;
  bytes: number;
  /** The file's sha256; for several files, sha256 over their sha256 hex strings joined by `\n`. */
  sha256: string;
  /** CSV only: the field separator. */
  separator?: string;
}

/** `manifest.json` of a store entry: written last, so an entry without a valid one is a miss. */
export interface Manifest {
  formatVersion: 1;
  key: string;
  /** Root descriptor path relative to `root` (POSIX). */
  descriptor: string;
  createdAt: string;
  generator: GeneratorIdentity;
  inputs: Array<{ path: string; sha256: string }>;
  options: KeyOptions;
  datasets: Record<string, DatasetEntry>;
  artifacts: ArtifactEntry[];
}

export type ResolveStatus = 'hit' | 'generated' | 'shared-hit';

/** What `resolve()` returns: the manifest plus where it lives and how it was obtained. */
export interface ResolvedManifest extends Manifest {
  /** Absolute path of the entry folder holding manifest.json and the artifacts. */
  dir: string;
  status: ResolveStatus;
  /** One-line reason, e.g. `hit`, `miss: data/people.ent.csv changed`, `miss: seed changed`. */
  reason: string;
  /** Time spent in `resolve()`, without waiting for another process's lock (see `lockWaitMs`). */
  durationMs: number;
  /** Time spent waiting for another process's generation lock, when there was a wait. */
  lockWaitMs?: number;
}

/** A generator backend (local engine or remote DATAMIMIC) as `resolve()` uses it. */
export interface GeneratorBackend {
  readonly identity: GeneratorIdentity;
  /**
   * Generate every expected dataset of `project` into `outDir` (an empty folder) and return the files written.
   * Must not write outside `outDir`.
   */
  generate(
    project: LoadedProject,
    outDir: string,
    options: {
      keyOptions: KeyOptions;
      signal?: AbortSignal;
      log: (line: string) => void;
      onProgress?: (name: string, done: number, total: number) => void;
      /** Engine limits (local backend); a remote backend ignores them. */
      limits?: EngineLimits;
    },
  ): Promise<
    Array<{ file: string; dataset: string; format: ArtifactFormat; records: number; separator?: string }>
  >;
}
