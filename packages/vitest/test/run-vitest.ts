import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from '../../contract/src/index';

export const EXAMPLE_DIR = fileURLToPath(new URL('../../../examples/vitest-basic', import.meta.url));
const VITEST_BIN = path.join(EXAMPLE_DIR, 'node_modules/vitest/vitest.mjs');

export interface RunResult {
  status: number | null;
  /** stdout and stderr together: mimicfix logs to stderr, Vitest to stdout. */
  output: string;
}

/** A fresh temp dir whose `node_modules` points at the example's, so `@mimicfix/vitest` and `vitest` resolve. */
export function makeProject(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  fs.symlinkSync(path.join(EXAMPLE_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs `vitest run [...args]` as a child process in `cwd`, the way a user's terminal would. */
export function runVitest(cwd: string, args: string[], env: Record<string, string>): RunResult {
  const child = spawnSync(process.execPath, [VITEST_BIN, 'run', ...args], {
    cwd,
    // childEnv drops the parent's MIMICFIX_*/VITEST* variables (report dir, worker ids) before adding `env`.
    env: childEnv(env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: child.status, output: `${child.stdout}\n${child.stderr}` };
}

/** Every store entry folder (one per cache key) under a cache dir. */
export function storeEntries(cacheDir: string): string[] {
  const root = path.join(cacheDir, 'v1');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((shard) => fs.statSync(path.join(root, shard)).isDirectory())
    .flatMap((shard) => fs.readdirSync(path.join(root, shard)).map((entry) => path.join(root, shard, entry)))
    .filter((dir) => fs.existsSync(path.join(dir, 'manifest.json')))
    .sort();
}

/** A `vitest --watch` child process whose output can be awaited line by line. */
export function startWatch(cwd: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [VITEST_BIN, '--watch'], {
    cwd,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: Array<() => void> = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return {
    output: () => output,
    /** Resolves once `pattern` has matched `count` times in the output; rejects after `timeoutMs`. */
    async waitFor(pattern: RegExp, count = 1, timeoutMs = 90_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      const global = new RegExp(pattern.source, 'g');
      while ((output.match(global)?.length ?? 0) < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} ×${count}\n${output}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 500);
        });
      }
    },
    stop(): Promise<void> {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
