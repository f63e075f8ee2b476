import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/index';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '../..');
const descriptor = path.join(here, '../fixtures/determinism/datamimic.xml');
const dist = path.join(pkg, 'dist/index.js');

/** Runs the BUILT engine in a fresh node process and returns the bytes of every artifact. */
function runInChild(seed: string): Record<string, string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-det-'));
  const script = `import { generate } from ${JSON.stringify(dist)};
await generate(${JSON.stringify(descriptor)}, { outDir: ${JSON.stringify(out)}, seed: ${JSON.stringify(seed)} });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' });
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(out).sort()) files[f] = fs.readFileSync(path.join(out, f), 'utf8');
  return files;
}

describe('determinism', () => {
  beforeAll(() => {
    // the child processes import the BUILT package: rebuild when any source file is newer than dist
    const newest = (d: string): number =>
      fs.readdirSync(d, { withFileTypes: true }).reduce((m, e) => {
        const p = path.join(d, e.name);
        return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
      }, 0);
    if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newest(path.join(pkg, 'src'))) {
      execFileSync('pnpm', ['build'], { cwd: pkg, stdio: 'pipe' });
    }
  }, 120_000);

  it('same seed gives byte-identical files in two separate processes', () => {
    const a = runInChild('s1');
    const b = runInChild('s1');
    expect(Object.keys(a)).toEqual(['person.csv', 'person.json', 'person.xml']);
    expect(a).toEqual(b);
    const c = runInChild('s2');
    expect(c['person.json']).not.toEqual(a['person.json']);
  });

  it('rngSeed in <setup> wins over the seed option', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-det-'));
    const xml = path.join(dir, 'datamimic.xml');
    fs.writeFileSync(
      xml,
      '<setup rngSeed="7"><generate name="g" count="5"><key name="v" generator="IntegerGenerator(min=0, max=1000000)"/></generate></setup>',
    );
    const a = await generate(xml, { capture: true, seed: 'x' });
    const b = await generate(xml, { capture: true, seed: 'y' });
    expect(a.captured).toEqual(b.captured);
  });

  it('adding a key does not shift the values of other keys', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-det-'));
    const xml = path.join(dir, 'datamimic.xml');
    const body =
      '<key name="a" generator="IntegerGenerator(min=0, max=1000000)"/><key name="b" values="1,2,3,4,5,6,7,8,9"/>';
    fs.writeFileSync(xml, `<setup><generate name="g" count="20">${body}</generate></setup>`);
    const before = (await generate(xml, { capture: true })).captured!.g!;
    fs.writeFileSync(
      xml,
      `<setup><generate name="g" count="20"><key name="z" pattern="[a-z]{5}"/>${body}</generate></setup>`,
    );
    const after = (await generate(xml, { capture: true })).captured!.g!;
    expect(after.map((r) => [r.a, r.b])).toEqual(before.map((r) => [r.a, r.b]));
  });
});
