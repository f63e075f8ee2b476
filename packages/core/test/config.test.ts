import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../src/config/load-config-file';
import { loadOptions } from '../src/config/load-options';
import { resolveOptions } from '../src/config/resolve-options';
import { CHILD_DIST } from './helpers/global-setup';
import { tempDir, writeFiles } from './helpers/temp';

describe('resolveOptions', () => {
  it('fills defaults', () => {
    const root = tempDir();
    const r = resolveOptions({ root }, {});
    expect(r).toMatchObject({
      root,
      descriptor: 'datamimic.xml',
      descriptorPath: path.join(root, 'datamimic.xml'),
      cacheDir: path.join(root, 'node_modules', '.cache', 'mimicfix'),
      seed: 'mimicfix',
      mode: 'auto',
      counts: {},
      dataset: null,
      locale: null,
      datasets: null,
      remote: false,
      lockTimeoutMs: 600_000,
      lockStaleMs: 30_000,
      debug: false,
      prune: false,
      configFile: null,
    });
  });

  it('applies explicit > env > config file > defaults', () => {
    const root = tempDir();
    const file = {
      path: '/x/mimicfix.config.json',
      options: { seed: 'file', mode: 'frozen' as const, cacheDir: 'file-cache', locale: 'de' },
    };
    const env = { MIMICFIX_SEED: 'env', MIMICFIX_CACHE_DIR: 'env-cache', MIMICFIX_DEBUG: '1' };
    const r = resolveOptions({ root, seed: 42 }, env, file);
    expect(r.seed).toBe('42');
    expect(r.cacheDir).toBe(path.join(root, 'env-cache'));
    expect(r.mode).toBe('frozen');
    expect(r.locale).toBe('de');
    expect(r.debug).toBe(true);
    expect(r.configFile).toBe('/x/mimicfix.config.json');
    expect(resolveOptions({ root }, env, file).seed).toBe('env');
    expect(resolveOptions({ root }, {}, file).seed).toBe('file');
    expect(resolveOptions({ root, mode: 'refresh' }, { MIMICFIX_MODE: 'offline' }).mode).toBe('refresh');
    expect(resolveOptions({ root }, { MIMICFIX_MODE: 'offline' }, file).mode).toBe('offline');
  });

  it('names the option or env var in validation errors', () => {
    expect(() => resolveOptions({}, { MIMICFIX_MODE: 'sometimes' })).toThrowError(
      expect.objectContaining({
        code: 'MIMICFIX_CONFIG',
        message: expect.stringContaining('MIMICFIX_MODE'),
        hint: expect.stringContaining('auto, frozen, refresh, offline'),
      }),
    );
    expect(() => resolveOptions({ mode: 'x' as never }, {})).toThrowError(
      /Option mode has an invalid value "x"/,
    );
    expect(() => resolveOptions({ counts: { person: -1 } }, {})).toThrowError(/counts\.person/);
    expect(() => resolveOptions({ lockStaleMs: 500 }, {})).toThrowError(/lockStaleMs/);
    expect(() => resolveOptions({}, { MIMICFIX_DEBUG: 'maybe' })).toThrowError(/MIMICFIX_DEBUG/);
    expect(() => resolveOptions({ prune: { maxSize: 'lots' } }, {})).toThrowError(/prune\.maxSize/);
    expect(() => resolveOptions({}, { DATAMIMIC_URL: 'https://dm.example' })).toThrowError(
      expect.objectContaining({ hint: expect.stringContaining('DATAMIMIC_PROJECT_ID') }),
    );
    expect(() =>
      resolveOptions({}, { DATAMIMIC_URL: 'https://dm.example', DATAMIMIC_PROJECT_ID: 'p' }),
    ).toThrowError(expect.objectContaining({ hint: expect.stringContaining('DATAMIMIC_TOKEN') }));
  });

  it('selects remote from DATAMIMIC_* env, remote: false wins, and the token never prints', () => {
    const env = {
      DATAMIMIC_URL: 'https://dm.example/',
      DATAMIMIC_PROJECT_ID: 'p1',
      DATAMIMIC_TOKEN: 'tok-SECRET-123',
    };
    const r = resolveOptions({}, env);
    expect(r.remote).toMatchObject({
      url: 'https://dm.example',
      projectId: 'p1',
      token: 'tok-SECRET-123',
      apiVersion: 'v2',
      retries: 4,
    });
    expect(JSON.stringify(r)).not.toContain('SECRET');
    expect(JSON.stringify(r.remote)).not.toContain('SECRET');
    expect(inspect(r, { depth: 5 })).not.toContain('SECRET');
    expect(inspect(r.remote)).not.toContain('SECRET');
    expect(JSON.stringify(r)).toContain('"token":"***"');
    expect(resolveOptions({ remote: false }, env).remote).toBe(false);
  });
});

describe('loadConfigFile', () => {
  it('loads .mjs (object or function), .json, and prefers .mjs over .json', async () => {
    const a = tempDir();
    writeFiles(a, { 'mimicfix.config.json': '{"seed":"json"}' });
    expect(await loadConfigFile(a)).toEqual({
      path: path.join(a, 'mimicfix.config.json'),
      options: { seed: 'json' },
    });
    writeFiles(a, {
      'mimicfix.config.mjs': 'export default () => ({ seed: "mjs", counts: { person: 3 } });',
    });
    expect((await loadConfigFile(a)).options).toEqual({ seed: 'mjs', counts: { person: 3 } });
    expect(await loadConfigFile(tempDir())).toEqual({ path: null, options: {} });
  });

  it('feeds resolve via loadOptions, below env and explicit options', async () => {
    const root = tempDir();
    writeFiles(root, {
      'mimicfix.config.mjs': 'export default { seed: "file", descriptor: "dm/main.xml" };',
    });
    const r = await loadOptions({ root, env: {} });
    expect(r.seed).toBe('file');
    expect(r.descriptor).toBe('dm/main.xml');
    expect((await loadOptions({ root, env: { MIMICFIX_SEED: 'env' } })).seed).toBe('env');
  });

  it('rejects invalid files with MIMICFIX_CONFIG', async () => {
    const root = tempDir();
    writeFiles(root, { 'mimicfix.config.json': '{ seed: 1 }' });
    await expect(loadConfigFile(root)).rejects.toMatchObject({
      code: 'MIMICFIX_CONFIG',
      message: expect.stringContaining('not valid JSON'),
    });
    const other = tempDir();
    writeFiles(other, { 'mimicfix.config.mjs': 'export default 5;' });
    await expect(loadConfigFile(other)).rejects.toMatchObject({ code: 'MIMICFIX_CONFIG' });
  });

  it('refuses a .ts config on a Node that cannot strip types, with a hint (child process)', () => {
    const root = tempDir();
    writeFiles(root, { 'mimicfix.config.ts': 'const seed: string = "ts";\nexport default { seed };\n' });
    const script = `import(${JSON.stringify(path.join(CHILD_DIST, 'index.js'))}).then(m => m.loadConfigFile(${JSON.stringify(root)})).then(r => console.log(JSON.stringify(r.options)), e => console.log(e.code + ' ' + (e.hint ?? '')))`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    }).trim();
    if (process.features && (process.features as { typescript?: unknown }).typescript) {
      expect(out).toBe('{"seed":"ts"}');
    } else {
      expect(out).toMatch(/^MIMICFIX_CONFIG .*mimicfix\.config\.mjs/);
    }
  });
});
