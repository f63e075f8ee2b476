import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, isMimicfixError } from '../../src/index';
import { project } from '../helpers';

async function capture(files: Record<string, string>, options: Parameters<typeof generate>[1] = {}) {
  const dir = project(files);
  const res = await generate(path.join(dir, 'datamimic.xml'), { capture: true, ...options });
  return res.captured ?? {};
}

describe('sources', () => {
  it('reads *.ent.csv with | by default, quoted fields, ordered distribution', async () => {
    const c = await capture({
      'datamimic.xml': '<setup><generate name="c" source="c.ent.csv" distribution="ordered"/></setup>',
      'c.ent.csv': 'name|note\nBerlin|"a|b"\n"Ham""burg"|x\n',
    });
    expect(c.c).toEqual([
      { name: 'Berlin', note: 'a|b' },
      { name: 'Ham"burg', note: 'x' },
    ]);
  });

  it('takes separator= and the setup defaultSeparator', async () => {
    const a = await capture({
      'datamimic.xml':
        '<setup><generate name="c" source="c.ent.csv" separator="," distribution="ordered"/></setup>',
      'c.ent.csv': 'a,b\n1,2\n',
    });
    expect(a.c).toEqual([{ a: '1', b: '2' }]);
    const b = await capture({
      'datamimic.xml': '<setup defaultSeparator=";"><generate name="c" source="c.ent.csv"/></setup>',
      'c.ent.csv': 'a;b\n1;2\n',
    });
    expect(b.c).toEqual([{ a: '1', b: '2' }]);
  });

  it('shuffles source rows with the seeded RNG by default (a permutation, stable per seed)', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const files = {
      'datamimic.xml': '<setup><generate name="c" source="c.ent.csv"/></setup>',
      'c.ent.csv': `v\n${rows.join('\n')}\n`,
    };
    const a = (await capture(files)).c!.map((r) => r.v);
    const b = (await capture(files)).c!.map((r) => r.v);
    expect(a).toEqual(b);
    expect(a).not.toEqual(rows);
    expect([...a].sort()).toEqual([...rows].sort());
  });

  it('limits count to the source length unless cyclic', async () => {
    const files = (cyclic: boolean) => ({
      'datamimic.xml': `<setup><generate name="c" source="c.json" count="5" cyclic="${cyclic}" distribution="ordered"/></setup>`,
      'c.json': '[{"a": 1}, {"a": 2}]',
    });
    expect((await capture(files(false))).c).toEqual([{ a: 1 }, { a: 2 }]);
    expect((await capture(files(true))).c!.map((r) => r.a)).toEqual([1, 2, 1, 2, 1]);
  });

  it('picks weighted values from *.wgt.csv, empty values included', async () => {
    const c = await capture({
      'datamimic.xml':
        '<setup><generate name="g" count="2000"><key name="v" source="w.wgt.csv"/></generate></setup>',
      'w.wgt.csv': 'a|3\n|1\nnever|0\n',
    });
    const counts = new Map<unknown, number>();
    for (const r of c.g!) counts.set(r.v, (counts.get(r.v) ?? 0) + 1);
    expect(counts.get('never')).toBeUndefined();
    expect(counts.get('a')! + counts.get('')!).toBe(2000);
    expect(counts.get('a')!).toBeGreaterThan(1300);
    expect(counts.get('a')!).toBeLessThan(1700);
  });

  it('nestedKey children extend the source rows', async () => {
    const c = await capture({
      'datamimic.xml': `<setup><generate name="o" count="1">
  <key name="oid" constant="o1"/>
  <nestedKey name="lines" type="list" source="lines.json" distribution="ordered">
    <key name="order" script="oid"/>
    <key name="total" script="qty * 2"/>
  </nestedKey>
  <nestedKey name="meta" type="dict" source="meta.json"><key name="extra" constant="x"/></nestedKey>
</generate></setup>`,
      'lines.json': '[{"sku": "a", "qty": 1}, {"sku": "b", "qty": 3}]',
      'meta.json': '{"v": 1}',
    });
    expect(c.o).toEqual([
      {
        oid: 'o1',
        lines: [
          { sku: 'a', qty: 1, order: 'o1', total: 2 },
          { sku: 'b', qty: 3, order: 'o1', total: 6 },
        ],
        meta: { v: 1, extra: 'x' },
      },
    ]);
  });

  it('memstore: target="mem" then source="mem" type="X"', async () => {
    const c = await capture({
      'datamimic.xml': `<setup><memstore id="mem"/>
<generate name="u" count="3" target="mem"><key name="id" generator="IncrementGenerator"/></generate>
<generate name="v" source="mem" type="u" distribution="ordered"><key name="twice" script="id * 2"/></generate>
</setup>`,
    });
    expect(c.v).toEqual([
      { id: 1, twice: 2 },
      { id: 2, twice: 4 },
      { id: 3, twice: 6 },
    ]);
    expect(c.u).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('variable with a source yields one row per record', async () => {
    const c = await capture({
      'datamimic.xml': `<setup><generate name="g" count="3"><variable name="row" source="r.ent.csv" distribution="ordered"/><key name="n" script="row['name']"/></generate></setup>`,
      'r.ent.csv': 'name\nx\ny\n',
    });
    expect(c.g!.map((r) => r.n)).toEqual(['x', 'y', 'x']);
  });

  it('reports malformed sources', async () => {
    for (const [file, content] of [
      ['c.ent.csv', 'a|b\n1\n'],
      ['c.json', '{nope'],
    ] as const) {
      try {
        await capture({
          'datamimic.xml': `<setup><generate name="c" source="${file}"/></setup>`,
          [file]: content,
        });
        expect.unreachable();
      } catch (e) {
        expect(isMimicfixError(e, 'MIMICFIX_SOURCE'), String(e)).toBe(true);
        expect((e as { location: unknown }).location).toMatchObject({ line: 1, column: 27 });
      }
    }
  });
});
