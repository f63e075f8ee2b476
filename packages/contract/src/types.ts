/**
 * The shapes the contract suite shares with its adapters. The suite takes the runner's own `test`, `expect`
 * and `describe`, so it runs unchanged under Vitest and Jest (the keyv/unstorage pattern).
 */

/** The subset of a runner's `expect` the suite uses (Vitest and Jest both satisfy it). */
export type ContractExpect = (actual: unknown) => {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toMatch(expected: RegExp | string): void;
  toHaveLength(length: number): void;
  toBeGreaterThan(n: number): void;
  not: { toBe(expected: unknown): void; toMatch(expected: RegExp | string): void };
};

/** The runner's test API, passed in so that the suite imports no runner. */
export interface ContractRunner {
  test: (name: string, fn: () => Promise<void>, timeoutMs?: number) => void;
  expect: ContractExpect;
  describe: (name: string, fn: () => void) => void;
}

/** One test file the driver writes: it calls `useDatamimic(dataset)` and records what it saw. */
export interface ProbeSpec {
  /** File stem, unique within a project (`a` → `a.test.js`); also the name of the probe's record. */
  id: string;
  dataset: string;
  /**
   * When set, the test asserts `useDatamimic(dataset)` throws an error with this `code` (matched with
   * `expect.objectContaining`, across the runner's realms) and records the code it saw.
   */
  expectCode?: string;
}

/**
 * What a probe test writes to `$MIMICFIX_CONTRACT_OUT/<id>.json`: the records it got (count, first, last)
 * or the code of the error it caught.
 */
export interface ProbeRecord {
  id: string;
  dataset: string;
  count?: number;
  first?: unknown;
  last?: unknown;
  code?: string;
}

export interface RunOptions {
  /** Added to a clean environment (the driver drops inherited MIMICFIX_*, DATAMIMIC_* and runner vars). */
  env: Record<string, string>;
  /** Extra CLI arguments for the runner (e.g. `['--maxWorkers=2']`). */
  args?: string[];
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Everything the suite needs to know about one adapter. */
export interface AdapterDriver {
  /** Shown in test names, e.g. `jest`. */
  name: string;
  /**
   * Make `dir` a runnable project for this adapter: runner config using the adapter, `node_modules` links,
   * and one test file per probe. `datamimic.xml` and `mimicfix.config.json` are already written by the suite.
   */
  scaffold(dir: string, probes: ProbeSpec[]): void;
  /** Run the real runner once in `dir` (a child process) with at least 2 workers. */
  run(dir: string, options: RunOptions): Promise<RunResult>;
}
