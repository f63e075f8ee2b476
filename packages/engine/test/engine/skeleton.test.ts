import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, scanDescriptor } from '../../src/index';
import { project, read } from '../helpers';

describe('walking skeleton', () => {
  it('writes a JSON array of constant/values keys', async () => {
    const dir = project({
      'datamimic.xml': `<setup>
  <generate name="person" count="3" target="JSON">
    <key name="kind" constant="human"/>
    <key name="color" values="'red','green'"/>
  </generate>
</setup>`,
    });
    const out = path.join(dir, 'out');
    const res = await generate(path.join(dir, 'datamimic.xml'), { outDir: out, capture: true });
    expect(res.counts).toEqual({ person: 3 });
    expect(res.artifacts).toEqual([{ name: 'person', file: 'person.json', format: 'json', records: 3 }]);
    const text = read(out, 'person.json');
    expect(text.startsWith('[\n{"kind": "human", "color": "')).toBe(true);
    expect(text.endsWith('"}\n]')).toBe(true);
    const parsed = JSON.parse(text) as Array<{ kind: string; color: string }>;
    expect(parsed).toHaveLength(3);
    for (const r of parsed) expect(['red', 'green']).toContain(r.color);
    expect(res.captured?.person).toEqual(parsed);
  });

  it('scans the closure and expected artifacts', () => {
    const dir = project({
      'datamimic.xml': `<setup>
  <include uri="conf/base.properties"/>
  <include uri="sub.xml"/>
  <generate name="a" source="data/a.ent.csv" target="CSV,JSON(use_ndjson=True)">
    <generate name="b" count="2" target="XML"/>
  </generate>
</setup>`,
      'conf/base.properties': 'n=3\n',
      'sub.xml': '<setup><generate name="c" count="1"/></setup>',
      'data/a.ent.csv': 'x|y\n1|2\n',
    });
    const scan = scanDescriptor(path.join(dir, 'datamimic.xml'));
    expect(scan.files.map((f) => path.relative(dir, f)).sort()).toEqual(
      ['conf/base.properties', 'data/a.ent.csv', 'datamimic.xml', 'sub.xml'].sort(),
    );
    expect(scan.expected).toEqual([
      { name: 'a', formats: ['csv', 'ndjson'], nested: false },
      { name: 'b', formats: ['xml'], nested: true },
    ]);
  });
});
