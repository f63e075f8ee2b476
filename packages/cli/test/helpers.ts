import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectFiles } from './fixtures';

/** The BUILT bin: tests run the CLI the way users do (turbo builds before `test`). */
export const BIN =
  process.env.CHECK_BIN ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/bin.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The parent's env without anything that would steer the CLI (cache dir, mode, DATAMIMIC_*). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('MIMICFIX_') || k.startsWith('DATAMIMIC_')) continue;
    env[k] = v;
  }
  env.FORCE_COLOR = '0';
  return { ...env, ...extra };
}

/** Runs `node dist/bin.js ...args` and collects its output. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? os.tmpdir(),
      env: options.env ?? cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh temp folder holding `files` (relative path → content). */
export function makeProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** Every file under `dir`, as POSIX paths relative to it. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** A fresh project with its own cache folder (inside the project, passed through MIMICFIX_CACHE_DIR). */
export function project(files: Record<string, string> = projectFiles()) {
  const dir = makeProject(files);
  const cache = path.join(dir, '.cache');
  const env = cleanEnv({ MIMICFIX_CACHE_DIR: cache });
  const run = (...args: string[]) => runCli(args, { cwd: dir, env });
  return { dir, cache, env, run };
}
