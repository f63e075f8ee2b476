import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  childEnv,
  countGenerated,
  linkModules,
  makeProjectDir,
  personDescriptor,
  probeBody,
  readProbes,
  runNode,
  storeManifests,
} from '@mimicfix/adapter-contract';
import { afterEach, describe, expect, test } from 'vitest';
import { cjsProbe, jestBin, linkJest, packageDir, runJest } from './jest-driver';

const require = createRequire(path.join(packageDir, 'package.json'));
const swcJestDir = path.dirname(require.resolve('@swc/jest/package.json'));
const swcCoreDir = path.dirname(require.resolve('@swc/core/package.json'));
const jestGlobalsDir = path.dirname(createRequire(jestBin).resolve('@jest/globals/package.json'));

const created: string[] = [];
// Temp projects of passing tests are removed; a failing test's project stays for debugging.
afterEach((ctx) => {
  const keep = ctx.task.result?.state === 'fail';
  for (const dir of created.splice(0)) if (!keep) fs.rmSync(dir, { recursive: true, force: true });
});

function newProject(descriptor = personDescriptor(20, 'v1')) {
  const p = makeProjectDir('jest');
  created.push(p.dir);
  fs.writeFileSync(path.join(p.dir, 'datamimic.xml'), descriptor);
  linkJest(p.dir);
  return p;
}

function output(r: { stdout: string; stderr: string }): string {
  return `${r.stdout}\n${r.stderr}`;
}

describe('@mimicfix/jest', () => {
  test('native ESM project (--experimental-vm-modules): preset, top-level describe.each, code across realms', async () => {
    const p = newProject();
    linkModules(p.dir, { '@jest/globals': jestGlobalsDir });
    fs.writeFileSync(path.join(p.dir, 'package.json'), JSON.stringify({ type: 'module' }));
    const config = { preset: '@mimicfix/jest', testEnvironment: 'node', transform: {} };
    fs.writeFileSync(path.join(p.dir, 'jest.config.json'), JSON.stringify(config));
    fs.writeFileSync(
      path.join(p.dir, 'person.test.js'),
      `import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { useDatamimic } from '@mimicfix/jest';
describe.each(useDatamimic('person').slice(0, 3))('person $id', (person) => {
  test('has the tag', () => expect(person.tag).toBe('v1'));
});
test('unknown name', () => {
  expect(() => useDatamimic('nope')).toThrow(expect.objectContaining({ code: 'MIMICFIX_DATASET_UNKNOWN' }));
});
${probeBody({ id: 'esm', dataset: 'person' })}`,
    );
    const r = await runJest(
      p.dir,
      { MIMICFIX_CACHE_DIR: p.cacheDir, MIMICFIX_CONTRACT_OUT: p.outDir },
      [],
      ['--experimental-vm-modules', '--no-warnings'],
    );
    expect(r.exitCode, output(r)).toBe(0);
    expect(r.stderr).toMatch(/Tests:\s+5 passed, 5 total/);
    expect(readProbes(p.outDir).esm?.count).toBe(20);
  });

  test('CommonJS + @swc/jest, composed config (no preset), options from globals.mimicfix resolved against rootDir not cwd', async () => {
    const p = newProject();
    linkModules(p.dir, { '@swc/jest': swcJestDir, '@swc/core': swcCoreDir });
    fs.mkdirSync(path.join(p.dir, 'model'));
    fs.renameSync(path.join(p.dir, 'datamimic.xml'), path.join(p.dir, 'model', 'people.xml'));
    const config = {
      testEnvironment: 'node',
      globalSetup: '@mimicfix/jest/global-setup',
      globalTeardown: '@mimicfix/jest/global-teardown',
      transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' } } }] },
      globals: { mimicfix: { descriptor: 'model/people.xml', counts: { person: 7 } } },
    };
    fs.writeFileSync(path.join(p.dir, 'jest.config.json'), JSON.stringify(config));
    fs.writeFileSync(
      path.join(p.dir, 'person.test.ts'),
      `import fs from 'node:fs';
import path from 'node:path';
import { useDatamimic } from '@mimicfix/jest';
interface Person { id: number; tag: string }
const people: Person[] = useDatamimic<Person>('person');
describe.each(people)('person $id', (person: Person) => {
  test('has the tag', () => expect(person.tag).toBe('v1'));
});
${probeBody({ id: 'swc', dataset: 'person' })}`,
    );
    // cwd is not rootDir (the config file's folder): model/people.xml resolved against the cwd would not exist.
    const r = await runNode(
      [jestBin, '--ci', '--config', path.join(p.dir, 'jest.config.json'), `--cacheDirectory=${p.dir}/.jc`],
      path.join(p.dir, 'model'),
      childEnv({ MIMICFIX_CACHE_DIR: p.cacheDir, MIMICFIX_CONTRACT_OUT: p.outDir }),
    );
    expect(r.exitCode, output(r)).toBe(0);
    expect(r.stderr).toMatch(/Tests:\s+8 passed, 8 total/);
    expect(readProbes(p.outDir).swc?.count).toBe(7);
  });

  test('several projects sharing one descriptor generate once; each project gets the records', async () => {
    const p = newProject();
    const project = (name: string) => ({
      displayName: name,
      rootDir: p.dir,
      preset: '@mimicfix/jest',
      testEnvironment: 'node',
      transform: {},
      testMatch: [`<rootDir>/${name}.test.js`],
    });
    // Jest runs each distinct globalSetup module once: project three wraps ours in its own file, so our setup
    // runs twice in this run and the second call must be a cache hit.
    fs.writeFileSync(
      path.join(p.dir, 'own-setup.cjs'),
      "module.exports = (g, p) => require('@mimicfix/jest/global-setup').default(g, p);\n",
    );
    const three = { ...project('three'), globalSetup: '<rootDir>/own-setup.cjs' };
    fs.writeFileSync(
      path.join(p.dir, 'jest.config.json'),
      JSON.stringify({ projects: [project('one'), project('two'), three] }),
    );
    for (const id of ['one', 'two', 'three'])
      fs.writeFileSync(path.join(p.dir, `${id}.test.js`), cjsProbe({ id, dataset: 'person' }));
    const r = await runJest(p.dir, { MIMICFIX_CACHE_DIR: p.cacheDir, MIMICFIX_CONTRACT_OUT: p.outDir }, [
      '--maxWorkers=2',
    ]);
    expect(r.exitCode, output(r)).toBe(0);
    expect(countGenerated(output(r), 'person')).toBe(1);
    expect(output(r)).toMatch('person: from cache');
    expect(storeManifests(p.cacheDir)).toHaveLength(1);
    const probes = readProbes(p.outDir);
    expect(Object.keys(probes).sort()).toEqual(['one', 'three', 'two']);
    for (const probe of Object.values(probes)) expect(probe.count).toBe(20);
  });

  test('--runInBand and -w 4 give the same records', async () => {
    const p = newProject();
    const config = { preset: '@mimicfix/jest', testEnvironment: 'node', transform: {} };
    fs.writeFileSync(path.join(p.dir, 'jest.config.json'), JSON.stringify(config));
    for (const id of ['a', 'b', 'c'])
      fs.writeFileSync(path.join(p.dir, `${id}.test.js`), cjsProbe({ id, dataset: 'person' }));
    const env = { MIMICFIX_CACHE_DIR: p.cacheDir };
    const inBand = await runJest(p.dir, { ...env, MIMICFIX_CONTRACT_OUT: `${p.outDir}/in-band` }, [
      '--runInBand',
    ]);
    const workers = await runJest(p.dir, { ...env, MIMICFIX_CONTRACT_OUT: `${p.outDir}/workers` }, [
      '-w',
      '4',
    ]);
    expect([inBand.exitCode, workers.exitCode], output(inBand) + output(workers)).toEqual([0, 0]);
    const a = readProbes(`${p.outDir}/in-band`);
    expect(Object.keys(a)).toHaveLength(3);
    expect(readProbes(`${p.outDir}/workers`)).toEqual(a);
  });

  test('useDatamimic without the globalSetup throws MIMICFIX_NOT_SETUP', async () => {
    const p = newProject();
    fs.writeFileSync(
      path.join(p.dir, 'jest.config.json'),
      JSON.stringify({ testEnvironment: 'node', transform: {} }),
    );
    fs.writeFileSync(
      path.join(p.dir, 'a.test.js'),
      cjsProbe({ id: 'a', dataset: 'person', expectCode: 'MIMICFIX_NOT_SETUP' }),
    );
    const r = await runJest(p.dir, { MIMICFIX_CONTRACT_OUT: p.outDir });
    expect(r.exitCode, output(r)).toBe(0);
    expect(readProbes(p.outDir).a?.code).toBe('MIMICFIX_NOT_SETUP');
  });
});

describe('globalSetup / globalTeardown in process (what a watch cycle does)', () => {
  const saved = process.env.MIMICFIX_MANIFEST;
  afterEach(() => {
    if (saved === undefined) delete process.env.MIMICFIX_MANIFEST;
    else process.env.MIMICFIX_MANIFEST = saved;
  });

  test('a second cycle hits, a changed descriptor regenerates, teardown removes the run manifest', async () => {
    const { default: globalSetup } = await import(path.join(packageDir, 'dist/global-setup.js'));
    const { default: globalTeardown } = await import(path.join(packageDir, 'dist/global-teardown.js'));
    const p = newProject();
    const projectConfig = { rootDir: p.dir, globals: { mimicfix: { cacheDir: p.cacheDir } } };
    const manifestKey = () =>
      JSON.parse(fs.readFileSync(process.env.MIMICFIX_MANIFEST!, 'utf8')).key as string;

    await globalSetup({}, projectConfig);
    const first = manifestKey();
    const [entry] = storeManifests(p.cacheDir);
    const entryBytes = fs.readFileSync(entry!, 'utf8');

    await globalSetup({}, projectConfig);
    expect(manifestKey()).toBe(first);
    expect(storeManifests(p.cacheDir)).toEqual([entry]);
    expect(fs.readFileSync(entry!, 'utf8')).toBe(entryBytes);

    fs.writeFileSync(path.join(p.dir, 'datamimic.xml'), personDescriptor(21, 'v2'));
    await globalSetup({}, projectConfig);
    expect(manifestKey()).not.toBe(first);
    expect(storeManifests(p.cacheDir)).toHaveLength(2);

    const runFile = process.env.MIMICFIX_MANIFEST!;
    await globalTeardown();
    expect(fs.existsSync(runFile)).toBe(false);
    expect(process.env.MIMICFIX_MANIFEST).toBeUndefined();
  });

  test('globals.mimicfix that is not an object fails naming the option', async () => {
    const { default: globalSetup } = await import(path.join(packageDir, 'dist/global-setup.js'));
    await expect(globalSetup({}, { rootDir: '/x', globals: { mimicfix: 'yes' } })).rejects.toThrow(
      /globals\.mimicfix .* must be an object/,
    );
  });
});
