/**
 * The public contract of @mimicfix/engine. Core, the emulator and the CLI build against these types only.
 */

/** Output formats the engine writes (one artifact file per generate and target). */
export type ArtifactFormat = 'json' | 'ndjson' | 'csv' | 'xml' | 'txt';

export interface EngineLimits {
  /** Largest `count` any single generate may have. @default 10_000_000 */
  maxCount?: number;
  /** Deepest nesting of generate/nestedKey elements. @default 32 */
  maxDepth?: number;
  /** Largest total number of records over the whole run (nested included). @default 50_000_000 */
  maxTotalRecords?: number;
}

export interface GenerateOptions {
  /** Folder the artifact files are written into (created if missing). Required unless `capture` only. */
  outDir?: string;
  /**
   * Seed of the run. `<setup rngSeed="N">` in the descriptor wins over it.
   * @default 'mimicfix'
   */
  seed?: string | number;
  /** Override `count` per generate name (top-level generates only). */
  counts?: Record<string, number>;
  /** Default locale/dataset override (else the descriptor's `defaultLocale`/`defaultDataset`). */
  locale?: string;
  dataset?: string;
  /** Restrict which top-level generates run (names). Everything else is skipped. @default all */
  only?: string[];
  /** Capture the records of every generate, whatever its target (like DATAMIMIC CE's test mode). */
  capture?: boolean;
  limits?: EngineLimits;
  /** Receives `echo` output and progress lines. @default no output */
  log?: (line: string) => void;
  /** Called as records are produced: (generate name, records done, records expected). */
  onProgress?: (name: string, done: number, total: number) => void;
  /** Cancels the run. */
  signal?: AbortSignal;
}

/** One file the engine wrote. */
export interface ArtifactInfo {
  /** The generate's `name` (the dataset name `useDatamimic(name)` takes). */
  name: string;
  /** File name relative to `outDir`, e.g. `person.json`, `person_0.json`, `person.csv`. */
  file: string;
  format: ArtifactFormat;
  /** Number of records in this file. */
  records: number;
}

export interface GenerateResult {
  artifacts: ArtifactInfo[];
  /** With `capture: true`: every generate's records by name (nested generates included). */
  captured?: Record<string, Record<string, unknown>[]>;
  /** Records per generate name. */
  counts: Record<string, number>;
  durationMs: number;
}

/** What the project loader needs to know about a descriptor without running it. */
export interface DescriptorScan {
  /** Absolute path of the root descriptor. */
  root: string;
  /** Absolute paths of every file the run reads: root, includes, sources, properties, execute scripts. */
  files: string[];
  /** Attribute values that are expressions and could not be resolved statically (e.g. `uri="{var}"`). */
  unresolved: Array<{
    attribute: string;
    value: string;
    location: { file: string; line: number; column: number };
  }>;
  /** Every generate (nested included) that writes a file, with the files it will write. */
  expected: Array<{ name: string; formats: ArtifactFormat[]; nested: boolean }>;
}
