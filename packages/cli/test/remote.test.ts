import fs from 'node:fs';
import path from 'node:path';
import { type Emulator, startEmulator } from '@mimicfix/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFiles } from './fixtures';
import { cleanEnv, makeProject, runCli } from './helpers';

const TOKEN = 'tok-5ecret-cli-test';
const PROJECT = 'proj-cli';

describe('remote commands against the emulator', () => {
  let emulator: Emulator;
  let env: Record<string, string>;
  const dir = makeProject(projectFiles());
  const run = (args: string[], extraEnv: Record<string, string> = {}) =>
    runCli(args, { cwd: dir, env: { ...env, ...extraEnv } });

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1', tokens: TOKEN });
    env = cleanEnv({
      DATAMIMIC_URL: emulator.url,
      DATAMIMIC_PROJECT_ID: PROJECT,
      DATAMIMIC_TOKEN: TOKEN,
      MIMICFIX_CACHE_DIR: path.join(dir, '.cache'),
    });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it('push uploads the whole closure in one request', async () => {
    emulator.resetCounts();
    const r = await run(['push']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^pushed datamimic\.xml \(/m);
    expect(r.stdout).toMatch(/^pushed conf\/base\.properties \(/m);
    expect(r.stdout).toMatch(/^pushed data\/status\.wgt\.csv \(/m);
    expect(emulator.counts['v1.updateFiles']).toBe(1);
    const stored = await emulator.projectFiles(PROJECT);
    expect(Object.keys(stored).sort()).toEqual([
      'conf/base.properties',
      'data/status.wgt.csv',
      'datamimic.xml',
    ]);
    expect(stored['datamimic.xml']!.toString('utf8')).toBe(projectFiles()['datamimic.xml']);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it('pull prints the file bytes to stdout, or writes them with --out', async () => {
    const r = await run(['pull', 'datamimic.xml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(projectFiles()['datamimic.xml']);

    const out = await run(['pull', 'data/status.wgt.csv', '--out', 'pulled/status.csv']);
    expect(out.code, out.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'pulled/status.csv'), 'utf8')).toBe(
      projectFiles()['data/status.wgt.csv'],
    );
  });

  it('pull of a missing file exits 4 with the HTTP error', async () => {
    const r = await run(['pull', 'missing.xml']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('error MIMICFIX_HTTP_NOT_FOUND:');
  });

  it('status shows a task and exits 4 for a failed one', async () => {
    const ok = await emulator.seedTask(PROJECT, { 'person.json': '[{"id":1}]' });
    const r = await run(['status', ok]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`task ${ok}: SUCCESS (succeeded)\n`);
    const json = JSON.parse((await run(['status', ok, '--json'])).stdout);
    expect(json).toMatchObject({ taskId: ok, status: 'SUCCESS', outcome: 'succeeded' });

    const failed = await emulator.seedTask(PROJECT, {}, 'WORKER_FAILURE');
    const f = await run(['status', failed]);
    expect(f.code).toBe(4);
    expect(f.stdout).toContain('WORKER_FAILURE (failed)');
  });

  it('download writes <name>.<format> into --out', async () => {
    const content = '[{"id":1,"name":"Ada"},{"id":2,"name":"Bob"}]';
    const task = await emulator.seedTask(PROJECT, {
      'person.json': content,
      'person.csv': 'id|name\n1|Ada\n',
    });
    const r = await run(['download', task, 'person', '--out', 'dl']);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'dl/person.json'), 'utf8')).toBe(content);
    expect(r.stdout).toContain(path.join(dir, 'dl/person.json'));

    const csv = await run(['download', task, 'person', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'person.csv'), 'utf8')).toBe('id|name\n1|Ada\n');

    const missing = await run(['download', task, 'nobody']);
    expect(missing.code).toBe(4);
    expect(fs.existsSync(path.join(dir, 'nobody.json'))).toBe(false);

    const traversal = await run(['download', task, '../person']);
    expect(traversal.code).toBe(2);
  });

  it('generate --remote runs on the emulator and caches the result', async () => {
    const r = await run(['generate', '--remote', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.status).toBe('generated');
    expect(summary.generator).toMatchObject({ kind: 'remote', projectId: PROJECT });
    expect(summary.datasets.person.records).toBe(5);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it('a wrong token exits 4 and is never printed', async () => {
    const r = await run(['pull', 'datamimic.xml'], { DATAMIMIC_TOKEN: 'wrong-t0ken-value' });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('error MIMICFIX_HTTP_AUTH:');
    expect(r.stderr).toContain('DATAMIMIC_TOKEN');
    expect(r.stderr).not.toContain('wrong-t0ken-value');
  });

  it('a missing connection is a usage error naming what to set', async () => {
    const r = await runCli(['status', 'abc'], { cwd: dir, env: cleanEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error MIMICFIX_CONFIG:');
    expect(r.stderr).toContain('DATAMIMIC_URL');
    const noToken = await runCli(['status', 'abc'], {
      cwd: dir,
      env: cleanEnv({ DATAMIMIC_URL: emulator.url, DATAMIMIC_PROJECT_ID: PROJECT }),
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('DATAMIMIC_TOKEN');
  });

  it('--url and --project override the environment', async () => {
    const r = await runCli(['pull', 'datamimic.xml', '--url', emulator.url, '--project', PROJECT], {
      cwd: dir,
      env: cleanEnv({
        DATAMIMIC_TOKEN: TOKEN,
        DATAMIMIC_URL: 'http://127.0.0.1:9',
        DATAMIMIC_PROJECT_ID: 'other',
      }),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(projectFiles()['datamimic.xml']);
  });
});
