import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';

const here = path.resolve(__dirname, '..');
const cli = path.join(here, 'node_modules', 'mimicfix', 'dist', 'bin.js');
const cacheDir = path.join(here, 'node_modules', '.cache', 'mimicfix');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-ci-frozen-'));
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

function cliRun(args: string[], cwd: string) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MIMICFIX_MODE: 'frozen', MIMICFIX_CACHE_DIR: cacheDir },
  });
}

test('a descriptor change that was not pre-warmed fails in frozen mode and names the changed file', () => {
  fs.cpSync(path.join(here, 'data'), path.join(copy, 'data'), { recursive: true });
  const xml = fs.readFileSync(path.join(here, 'datamimic.xml'), 'utf8');
  fs.writeFileSync(path.join(copy, 'datamimic.xml'), xml.replace('count="200"', 'count="201"'));
  const before = fs.readdirSync(path.join(cacheDir, 'v1')).length;

  const r = cliRun(['generate'], copy);
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(/MIMICFIX_CACHE_MISS|Cache miss in frozen mode/);
  expect(r.stderr).toContain('datamimic.xml');
  // Frozen mode wrote nothing.
  expect(fs.readdirSync(path.join(cacheDir, 'v1')).length).toBe(before);
});

test('the unchanged descriptor hits in frozen mode, and `mimicfix hash` is stable', () => {
  const hit = cliRun(['generate'], here);
  expect(hit.status).toBe(0);
  expect(hit.stderr).toMatch(/\(hit\)/);
  const a = cliRun(['hash'], here).stdout.trim();
  const b = cliRun(['hash'], here).stdout.trim();
  expect(a).toMatch(/^[0-9a-f]{64}$/);
  expect(b).toBe(a);
});
