import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, listFiles, makeProject, project } from './helpers';

describe('unusable paths fail promptly with MIMICFIX_STORE naming the path', () => {
  it.runIf(process.platform === 'linux')(
    '--cache-dir under /proc (mkdir ENOENT) exits 1, no hang',
    async () => {
      const p = project();
      const r = await p.run('generate', '--cache-dir', '/proc/mimicfix-qa');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('MIMICFIX_STORE');
      expect(r.stderr).toContain('/proc/mimicfix-qa');
      expect(r.stderr).toContain('ENOENT');
      expect(r.stderr).not.toContain('MIMICFIX_INTERNAL');
    },
    20_000,
  );

  it('--cache-dir naming a file says the cache dir is not a folder', async () => {
    const p = project();
    const file = path.join(p.dir, 'datamimic.xml');
    const r = await p.run('generate', '--cache-dir', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MIMICFIX_STORE');
    expect(r.stderr).toContain(`cache dir ${file} is not a folder`);
  });

  it('types --out into a folder that cannot be created names the path', async () => {
    const p = project();
    const blocker = path.join(p.dir, 'blocker');
    fs.writeFileSync(blocker, 'x');
    const out = path.join(blocker, 'types.d.ts');
    const r = await p.run('types', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MIMICFIX_STORE');
    expect(r.stderr).toContain(blocker);
    expect(r.stderr).not.toContain('MIMICFIX_INTERNAL');
  });

  it.runIf(process.platform === 'linux')('types --out /proc/x.d.ts names the path', async () => {
    const p = project();
    const r = await p.run('types', '--out', '/proc/mimicfix-qa.d.ts');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MIMICFIX_STORE');
    expect(r.stderr).toContain('/proc/mimicfix-qa.d.ts');
    expect(listFiles(p.cache).length).toBeGreaterThan(0);
  });
});

describe('verify sees damaged manifests, marks bad entries, refuses a missing cache folder', () => {
  it('a damaged manifest.json is reported bad with exit 1', async () => {
    const p = project();
    expect((await p.run('generate')).code).toBe(0);
    const manifest = listFiles(p.cache).find((f) => f.endsWith('/manifest.json'))!;
    const entry = path.dirname(path.join(p.cache, manifest));
    fs.writeFileSync(path.join(entry, 'manifest.json'), '{bad');
    const r = await p.run('verify');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`bad ${entry}: manifest.json unreadable`);
    expect(r.stderr).toContain('1 entry');
    expect(r.stderr).toContain('1 bad');
  });

  it('--cache-dir pointing nowhere fails with exit 1 and says there is no cache folder', async () => {
    const p = project();
    const missing = path.join(p.dir, 'typo');
    const r = await p.run('verify', '--cache-dir', missing);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MIMICFIX_STORE');
    expect(r.stderr).toContain(`no cache folder at ${missing}`);
  });

  it('a same-size byte flip: verify marks the entry, frozen then fails CACHE_CORRUPT, auto regenerates', async () => {
    const p = project();
    expect((await p.run('generate')).code).toBe(0);
    const rel = listFiles(p.cache).find((f) => f.endsWith('/person.json'))!;
    const file = path.join(p.cache, rel);
    const original = fs.readFileSync(file);
    const bytes = Buffer.from(original);
    bytes[10] = bytes[10] === 0x41 ? 0x42 : 0x41;
    fs.writeFileSync(file, bytes);

    const bad = await p.run('verify');
    expect(bad.code).toBe(1);
    expect(fs.existsSync(path.join(path.dirname(file), '.corrupt'))).toBe(true);

    const frozen = await p.run('generate', '--mode', 'frozen');
    expect(frozen.code).toBe(1);
    expect(frozen.stderr).toContain('MIMICFIX_CACHE_CORRUPT');

    const auto = await p.run('generate');
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toContain('corrupt');
    const regenerated = listFiles(p.cache).find((f) => f.endsWith('/person.json'))!;
    expect(fs.readFileSync(path.join(p.cache, regenerated))).toEqual(original);
    const ok = await p.run('verify');
    expect(ok.code, ok.stdout).toBe(0);
    expect(listFiles(p.cache).some((f) => f.endsWith('/.corrupt'))).toBe(false);
  });

  it('verify --remove deletes the bad entry', async () => {
    const p = project();
    expect((await p.run('generate')).code).toBe(0);
    const rel = listFiles(p.cache).find((f) => f.endsWith('/person.json'))!;
    const file = path.join(p.cache, rel);
    const bytes = fs.readFileSync(file);
    bytes[10] = bytes[10] === 0x41 ? 0x42 : 0x41;
    fs.writeFileSync(file, bytes);
    const r = await p.run('verify', '--remove');
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });
});

describe('dataset names are checked against the descriptor', () => {
  it('--only with an unknown name is MIMICFIX_CONFIG listing the known datasets', async () => {
    const p = project();
    const r = await p.run('generate', '--only', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MIMICFIX_CONFIG');
    expect(r.stderr).toContain('"nope"');
    expect(r.stderr).toContain('Known datasets: person, city');
    expect(listFiles(p.cache).filter((f) => f.endsWith('manifest.json'))).toEqual([]);
  });

  it('--count with an unknown name is MIMICFIX_CONFIG', async () => {
    const p = project();
    const r = await p.run('generate', '--count', 'nope=3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MIMICFIX_CONFIG');
    expect(r.stderr).toContain('Option counts names "nope"');
  });

  it('--dataset XX warns and names the supported datasets', async () => {
    const p = project();
    const r = await p.run('generate', '--dataset', 'XX');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: dataset "XX" is not supported');
    expect(r.stderr).toContain('US, DE, AT, CH, GB, FR, ES, IT');
  });
});

describe('the committed bin shim', () => {
  const SHIM = path.resolve(path.dirname(BIN), '../bin/mimicfix.js');

  it('package.json bin points at the committed shim, which is in files', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(path.dirname(BIN), '../package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ mimicfix: './bin/mimicfix.js' });
    expect(pkg.files).toContain('bin');
    expect(fs.readFileSync(SHIM, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs the built CLI', async () => {
    const r = await new Promise<{ code: number | null; out: string }>((res) => {
      const c = spawn(process.execPath, [SHIM, '--version'], { env: cleanEnv() });
      let out = '';
      c.stdout.on('data', (d) => {
        out += d;
      });
      c.on('close', (code) => res({ code, out }));
    });
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('without dist/ it says to run pnpm build and exits 1', async () => {
    const dir = makeProject({});
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.copyFileSync(SHIM, path.join(dir, 'bin', 'mimicfix.js'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    const r = await new Promise<{ code: number | null; err: string }>((res) => {
      const c = spawn(process.execPath, [path.join(dir, 'bin', 'mimicfix.js'), '--version'], {
        env: cleanEnv(),
      });
      let err = '';
      c.stderr.on('data', (d) => {
        err += d;
      });
      c.on('close', (code) => res({ code, err }));
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('run `pnpm build`');
  });
});
