import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_DESCRIPTOR, projectFiles } from './fixtures';
import { listFiles, project, runCli } from './helpers';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('generate, hash, verify, prune on a local project', () => {
  const p = project();
  let key = '';

  beforeAll(async () => {
    const r = await p.run('hash');
    expect(r.code, r.stderr).toBe(0);
    key = r.stdout.trim();
  });

  it('hash prints one 64-hex key and is stable', async () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const again = await p.run('hash');
    expect(again.stdout).toBe(`${key}\n`);
    // The same project elsewhere (another folder, another cache dir) has the same key.
    const twin = project();
    expect((await twin.run('hash')).stdout).toBe(`${key}\n`);
  });

  it('hash --explain lists every closure file with its sha256', async () => {
    const r = await p.run('hash', '--explain');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`key ${key}`);
    const files = projectFiles();
    for (const [rel, content] of Object.entries(files)) {
      expect(r.stdout).toContain(`  ${sha256(content)}  file ${rel}\n`);
    }
    const json = JSON.parse((await p.run('hash', '--json')).stdout);
    expect(json.key).toBe(key);
    expect(json.inputs.map((i: { input: string }) => i.input)).toContain('file datamimic.xml');
  });

  it('generate writes the datasets into the store and prints one line per dataset', async () => {
    const r = await p.run('generate');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^city: generated 3 records \(csv, [\d.]+ [KM]?B\) in \d+ ms$/);
    expect(lines[1]).toMatch(/^person: generated 5 records \(json, [\d.]+ [KM]?B\) in \d+ ms$/);

    const files = listFiles(p.cache).filter((f) => !f.includes('.last-used') && !f.startsWith('locks/'));
    const entry = files.find((f) => f.endsWith('/manifest.json'));
    expect(entry).toBeDefined();
    // The store key is the one `hash` printed.
    expect(entry).toContain(key);
    const dir = path.join(p.cache, path.dirname(entry!));
    const people = JSON.parse(fs.readFileSync(path.join(dir, 'person.json'), 'utf8'));
    expect(people).toHaveLength(5);
    expect(people.map((x: { id: number }) => x.id)).toEqual([1, 2, 3, 4, 5]);
    expect(people[0].team).toBe('T1');
    expect(fs.readFileSync(path.join(dir, 'city.csv'), 'utf8').split(/\r?\n/)[0]).toMatch(/^code.label$/);
  });

  it('status without a task says whether the descriptor is cached', async () => {
    const hit = await p.run('status');
    expect(hit.code, hit.stderr).toBe(0);
    expect(hit.stdout).toMatch(new RegExp(`^hit ${key}$`, 'm'));
    const miss = await p.run('status', '--count', 'person=9', '--json');
    expect(miss.code).toBe(3);
    const json = JSON.parse(miss.stdout);
    expect(json.status).toBe('miss');
    expect(json.changes).toEqual(['counts changed']);
  });

  it('a second generate reads the cache', async () => {
    const r = await p.run('generate');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^person: from cache, 5 records \(json, /m);
    expect(r.stdout).toMatch(/^city: from cache, 3 records \(csv, /m);
  });

  it('--json prints a manifest summary that points at real files', async () => {
    const r = await p.run('generate', '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.key).toBe(key);
    expect(summary.status).toBe('hit');
    expect(summary.datasets.person.records).toBe(5);
    expect(summary.datasets.city.format).toBe('csv');
    const file = summary.datasets.person.files[0];
    expect(sha256(fs.readFileSync(file))).toBe(summary.datasets.person.sha256);
  });

  it('--out copies the artifacts byte for byte', async () => {
    const r = await p.run('generate', '--out', 'fixtures', '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(listFiles(path.join(p.dir, 'fixtures'))).toEqual(['city.csv', 'person.json']);
    const copied = fs.readFileSync(path.join(p.dir, 'fixtures', 'person.json'));
    expect(copied.equals(fs.readFileSync(summary.datasets.person.files[0]))).toBe(true);
  });

  it('types prints an interface per dataset', async () => {
    const r = await p.run('types');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('export interface Person {');
    expect(r.stdout).toMatch(/^ {2}id: number;$/m);
    expect(r.stdout).toMatch(/^ {2}name: string;$/m);
    expect(r.stdout).toContain('export interface City {');
  });

  it('verify passes, then fails with exit 1 after one artifact byte changes', async () => {
    const ok = await p.run('verify');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok /m);

    const entry = listFiles(p.cache).find((f) => f.endsWith('/person.json'))!;
    const file = path.join(p.cache, entry);
    const bytes = fs.readFileSync(file);
    const i = bytes.indexOf('Ada') >= 0 ? bytes.indexOf('Ada') : 10;
    bytes[i] = bytes[i] === 0x41 ? 0x42 : 0x41; // same size, different sha256
    fs.writeFileSync(file, bytes);

    const bad = await p.run('verify');
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('person.json');
    expect(bad.stdout).toMatch(/^bad /m);
  });

  it('prune --dry-run keeps entries, prune --keep 0 removes them', async () => {
    const dry = await p.run('prune', '--keep', '0', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^would remove 1 entry/m);
    expect(listFiles(p.cache).some((f) => f.endsWith('manifest.json'))).toBe(true);

    const real = await p.run('prune', '--keep', '0');
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/^removed 1 entry/m);
    expect(listFiles(p.cache).some((f) => f.endsWith('manifest.json'))).toBe(false);
  });
});

describe('keys, modes and errors', () => {
  it('the key changes after an edit of any closure file and with the seed', async () => {
    const p = project();
    const before = (await p.run('hash')).stdout.trim();
    fs.appendFileSync(path.join(p.dir, 'data/status.wgt.csv'), 'retired|1\n');
    const after = (await p.run('hash')).stdout.trim();
    expect(after).toMatch(/^[0-9a-f]{64}$/);
    expect(after).not.toBe(before);
    const seeded = (await p.run('hash', '--seed', '42')).stdout.trim();
    expect(seeded).not.toBe(after);
    const counted = (await p.run('hash', '--count', 'person=7')).stdout.trim();
    expect(counted).not.toBe(after);
  });

  it('reads mimicfix.config.json, and flags override it', async () => {
    const plain = project();
    const seven = (await plain.run('hash', '--seed', '7')).stdout;
    const configured = project({ ...projectFiles(), 'mimicfix.config.json': '{"seed": "7"}' });
    // The config file is not part of the closure: same key as the flag.
    expect((await configured.run('hash')).stdout).toBe(seven);
    expect((await configured.run('hash', '--seed', 'mimicfix')).stdout).toBe(
      (await plain.run('hash')).stdout,
    );
    const broken = project({ ...projectFiles(), 'mimicfix.config.json': '{"seed": ' });
    const r = await broken.run('hash');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error MIMICFIX_CONFIG:');
  });

  it('frozen mode fails with exit 3 on a miss and generates nothing', async () => {
    const p = project();
    const r = await p.run('generate', '--mode', 'frozen');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error MIMICFIX_CACHE_MISS:');
    expect(r.stderr).toContain('hint: ');
    expect(listFiles(p.cache).some((f) => f.endsWith('manifest.json'))).toBe(false);

    // After a generate, an edit is a miss again, naming the changed file.
    expect((await p.run('generate')).code).toBe(0);
    fs.appendFileSync(path.join(p.dir, 'conf/base.properties'), 'other=1\n');
    const changed = await p.run('generate', '--mode', 'offline');
    expect(changed.code).toBe(3);
    expect(changed.stderr).toContain('conf/base.properties changed');
  });

  it('MIMICFIX_MODE from the environment applies when no flag is given', async () => {
    const p = project();
    const r = await runCli(['generate'], { cwd: p.dir, env: { ...p.env, MIMICFIX_MODE: 'frozen' } });
    expect(r.code).toBe(3);
  });

  it('a descriptor error exits 5 with file:line:column and no stack', async () => {
    const p = project({ 'datamimic.xml': BROKEN_DESCRIPTOR });
    const r = await p.run('generate');
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error MIMICFIX_DESCRIPTOR_\w+: .*datamimic\.xml:4:\d+/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = await p.run('generate', '--debug');
    expect(debug.code).toBe(5);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('a missing descriptor is a descriptor error naming the path', async () => {
    const p = project();
    const r = await p.run('hash', 'nope.xml');
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('error MIMICFIX_FILE_NOT_FOUND:');
    expect(r.stderr).toContain('nope.xml');
  });

  it('--capture prints every generate’s records and caches nothing', async () => {
    const p = project();
    const r = await p.run('generate', '--capture', '--count', 'person=2');
    expect(r.code, r.stderr).toBe(0);
    const captured = JSON.parse(r.stdout);
    expect(captured.person).toHaveLength(2);
    expect(captured.person[1].id).toBe(2);
    expect(captured.city).toHaveLength(3);
    expect(fs.existsSync(p.cache)).toBe(false);
  });

  it('--cwd runs in another folder', async () => {
    const p = project();
    const key = (await p.run('hash')).stdout;
    const r = await runCli(['--cwd', p.dir, 'hash'], { cwd: path.dirname(p.dir), env: p.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(key);
  });
});
