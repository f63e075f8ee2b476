import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ProbeSpec, RunResult } from './types';

// Set by a parent Vitest/Vite process (import.meta.env mirrors) and meaningless to a child runner.
const PARENT_RUNNER_VARS = new Set([
  'TEST',
  'NODE_ENV',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'BASE_URL',
  'FORCE_TTY',
]);

/**
 * The environment of a child runner: the parent's, minus anything that would leak the parent run into the
 * child (mimicfix/DATAMIMIC settings, the parent runner's worker ids and report dir), plus `extra`.
 */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(MIMICFIX_|DATAMIMIC_|VITEST|JEST_)/.test(name) || PARENT_RUNNER_VARS.has(name)) continue;
    env[name] = value;
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/** Symlinks `node_modules/<name>` → `target` for each entry, so the temp project resolves real packages. */
export function linkModules(dir: string, modules: Record<string, string>): void {
  for (const [name, target] of Object.entries(modules)) {
    const link = path.join(dir, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(target, link, 'dir');
  }
}

/**
 * The body of a probe test file. The file's header must bind `fs`, `path`, `test`, `expect` and
 * `useDatamimic`; the body is the same for every runner, so both adapters are held to the same behaviour.
 */
export function probeBody(probe: ProbeSpec): string {
  const write = `(record) => {
  const dir = process.env.MIMICFIX_CONTRACT_OUT;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, ${JSON.stringify(`${probe.id}.json`)}), JSON.stringify(record));
}`;
  const head = `const writeProbe = ${write};\nconst probe = ${JSON.stringify({ id: probe.id, dataset: probe.dataset })};\n`;
  if (probe.expectCode !== undefined) {
    return `${head}
test('probe ${probe.id}: ${probe.dataset} throws ${probe.expectCode}', () => {
  let code;
  try {
    useDatamimic(probe.dataset);
  } catch (error) {
    code = error && error.code;
  }
  writeProbe({ ...probe, code });
  expect(() => useDatamimic(probe.dataset)).toThrow(expect.objectContaining({ code: ${JSON.stringify(probe.expectCode)} }));
});
`;
  }
  return `${head}
test('probe ${probe.id}: ${probe.dataset} has records', () => {
  const records = useDatamimic(probe.dataset);
  writeProbe({ ...probe, count: records.length, first: records[0], last: records[records.length - 1] });
  expect(records.length).toBeGreaterThan(0);
  expect(useDatamimic(probe.dataset)).toBe(records);
});
`;
}

/** Runs `node <args>` in `cwd` and collects its output; never rejects on a non-zero exit. */
export function runNode(args: string[], cwd: string, env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}
