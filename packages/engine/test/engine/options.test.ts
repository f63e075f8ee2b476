import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, isMimicfixError } from '../../src/index';
import { project } from '../helpers';

function descriptor(xml: string): string {
  return path.join(project({ 'datamimic.xml': xml }), 'datamimic.xml');
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isMimicfixError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

const TWO =
  '<setup><generate name="a" count="3" target="JSON"><key name="i" generator="IncrementGenerator"/></generate><generate name="b" count="2"><key name="k" constant="x"/></generate></setup>';

describe('generate options', () => {
  it('counts overrides top-level counts, only restricts generates', async () => {
    const res = await generate(descriptor(TWO), { capture: true, counts: { a: 5 }, only: ['a'] });
    expect(res.counts).toEqual({ a: 5 });
    expect(res.captured?.a).toHaveLength(5);
    expect(res.captured?.b).toBeUndefined();
    expect(res.artifacts).toEqual([]); // capture without outDir writes nothing
  });

  it('a bad counts value is a config error', async () => {
    expect(await code(generate(descriptor(TWO), { capture: true, counts: { a: -1 } }))).toBe(
      'MIMICFIX_CONFIG',
    );
    expect(await code(generate(descriptor(TWO), { capture: true, counts: { a: 1.5 } }))).toBe(
      'MIMICFIX_CONFIG',
    );
  });

  it('a file target without outDir and without capture is a config error', async () => {
    expect(await code(generate(descriptor(TWO)))).toBe('MIMICFIX_CONFIG');
  });

  it('limits: maxCount, maxTotalRecords, maxDepth', async () => {
    expect(await code(generate(descriptor(TWO), { capture: true, limits: { maxCount: 2 } }))).toBe(
      'MIMICFIX_LIMIT',
    );
    expect(await code(generate(descriptor(TWO), { capture: true, limits: { maxTotalRecords: 4 } }))).toBe(
      'MIMICFIX_LIMIT',
    );
    const deep = descriptor(
      '<setup><generate name="a" count="1"><nestedKey name="x" type="dict"><nestedKey name="y" type="dict"><key name="z" constant="1"/></nestedKey></nestedKey></generate></setup>',
    );
    expect(await code(generate(deep, { capture: true, limits: { maxDepth: 1 } }))).toBe('MIMICFIX_LIMIT');
    const ok = await generate(deep, { capture: true, limits: { maxDepth: 2 } });
    expect(ok.captured?.a).toEqual([{ x: { y: { z: '1' } } }]);
    expect(await code(generate(deep, { capture: true, limits: { maxCount: -1 } }))).toBe('MIMICFIX_CONFIG');
  });

  it('signal aborts the run', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await code(generate(descriptor(TWO), { capture: true, signal: ac.signal }))).toBe(
      'MIMICFIX_ABORTED',
    );
  });

  it('an abort from a timer stops a large generate mid-run and closes its files', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup><generate name="big" count="5000000" target="JSON"><key name="i" generator="IncrementGenerator"/></generate></setup>',
    });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    let done = 0;
    const outDir = path.join(dir, 'out');
    const result = generate(path.join(dir, 'datamimic.xml'), {
      outDir,
      signal: ac.signal,
      onProgress: (_n, d) => {
        done = d;
      },
    });
    expect(await code(result)).toBe('MIMICFIX_ABORTED');
    expect(done).toBeLessThan(5_000_000);
    expect(fs.readFileSync(path.join(outDir, 'big.json'), 'utf8').endsWith('\n]')).toBe(true);
  });

  it('onProgress reports up to the total and log receives echo', async () => {
    const progress: Array<[string, number, number]> = [];
    const lines: string[] = [];
    await generate(
      descriptor(
        '<setup><echo>start</echo><generate name="a" count="40"><key name="i" generator="IncrementGenerator"/><echo>rec {i}</echo></generate></setup>',
      ),
      { capture: true, onProgress: (n, d, t) => progress.push([n, d, t]), log: (l) => lines.push(l) },
    );
    expect(progress.at(-1)).toEqual(['a', 40, 40]);
    expect(progress.every(([, d, t]) => d <= t && t === 40)).toBe(true);
    expect(lines[0]).toBe('start');
    expect(lines).toHaveLength(41);
  });

  it('creates outDir and reports artifacts with record counts', async () => {
    const dir = project({ 'datamimic.xml': TWO });
    const outDir = path.join(dir, 'deep', 'out');
    const res = await generate(path.join(dir, 'datamimic.xml'), { outDir });
    expect(fs.readdirSync(outDir)).toEqual(['a.json']);
    expect(res.artifacts).toEqual([{ name: 'a', file: 'a.json', format: 'json', records: 3 }]);
    expect(res.durationMs).toBeGreaterThanOrEqual(0);
  });
});
