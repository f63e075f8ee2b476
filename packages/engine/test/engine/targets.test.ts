import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/index';
import { project, read } from '../helpers';

async function gen(xml: string, options: Parameters<typeof generate>[1] = {}) {
  const dir = project({ 'datamimic.xml': xml });
  const out = path.join(dir, 'out');
  const res = await generate(path.join(dir, 'datamimic.xml'), { outDir: out, ...options });
  return { dir, out, res };
}

const TWO = `<key name="id" script="1 + 0"/><key name="name" values="'Zoë'"/><key name="ok" constant="True" type="bool"/>
<key name="score" script="1.5"/><key name="none" script="None"/><key name="tags" script="['a', 'b']"/>`;

describe('exporters write DATAMIMIC bytes', () => {
  it('JSON: array, one record per line, Python separators, ensure_ascii', async () => {
    const { out, res } = await gen(
      `<setup><generate name="p" count="2" target="JSON">${TWO}</generate></setup>`,
    );
    expect(read(out, 'p.json')).toBe(
      '[\n' +
        '{"id": 1, "name": "Zo\\u00eb", "ok": true, "score": 1.5, "none": null, "tags": ["a", "b"]},\n' +
        '{"id": 1, "name": "Zo\\u00eb", "ok": true, "score": 1.5, "none": null, "tags": ["a", "b"]}\n' +
        ']',
    );
    expect(res.artifacts).toEqual([{ name: 'p', file: 'p.json', format: 'json', records: 2 }]);
  });

  it('JSON with no records is []', async () => {
    const { out } = await gen('<setup><generate name="p" count="0" target="JSON"/></setup>');
    expect(read(out, 'p.json')).toBe('[\n]');
  });

  it('NDJSON: one record per line', async () => {
    const { out, res } = await gen(
      `<setup><generate name="p" count="2" target="JSON(use_ndjson=True)"><key name="i" generator="IncrementGenerator"/></generate></setup>`,
    );
    expect(read(out, 'p.ndjson')).toBe('{"i": 1}\n{"i": 2}\n');
    expect(res.artifacts[0]).toMatchObject({ file: 'p.ndjson', format: 'ndjson', records: 2 });
  });

  it('JSON(chunk_size=N): <name>_<i>.json files', async () => {
    const { out, res } = await gen(
      `<setup><generate name="p" count="5" target="JSON(chunk_size=2)"><key name="i" generator="IncrementGenerator"/></generate></setup>`,
    );
    expect(res.artifacts.map((a) => [a.file, a.records])).toEqual([
      ['p_0.json', 2],
      ['p_1.json', 2],
      ['p_2.json', 1],
    ]);
    expect(read(out, 'p_1.json')).toBe('[\n{"i": 3},\n{"i": 4}\n]');
    expect(read(out, 'p_2.json')).toBe('[\n{"i": 5}\n]');
  });

  it('JSON(chunk_size=1): one indented object per file', async () => {
    const { out } = await gen(
      `<setup><generate name="p" count="2" target="JSON(chunk_size=1)"><key name="i" generator="IncrementGenerator"/><key name="t" script="[1]"/></generate></setup>`,
    );
    expect(read(out, 'p_0.json')).toBe('{\n    "i": 1,\n    "t": [\n        1\n    ]\n}\n');
  });

  it('CSV: header from the first record, | by default, QUOTE_MINIMAL, CRLF, Python str()', async () => {
    const { out } = await gen(
      `<setup><generate name="p" count="1" target="CSV">${TWO}<key name="q" constant='a"b|c'/></generate></setup>`,
    );
    expect(read(out, 'p.csv')).toBe(
      'id|name|ok|score|none|tags|q\r\n1|Zoë|True|1.5||[\'a\', \'b\']|"a""b|c"\r\n',
    );
  });

  it('CSV(delimiter=",") and the setup defaultSeparator', async () => {
    const a = await gen(
      `<setup><generate name="p" count="1" target="CSV(delimiter=',')"><key name="a" constant="x,y"/><key name="b" constant="z"/></generate></setup>`,
    );
    expect(read(a.out, 'p.csv')).toBe('a,b\r\n"x,y",z\r\n');
    const b = await gen(
      `<setup defaultSeparator=";"><generate name="p" count="1" target="CSV"><key name="a" constant="1"/><key name="b" constant="2"/></generate></setup>`,
    );
    expect(read(b.out, 'p.csv')).toBe('a;b\r\n1;2\r\n');
  });

  it('XML: <list><item>..</item></list>, lists repeat tags, None as "None"', async () => {
    const { out } = await gen(
      `<setup><generate name="p" count="2" target="XML"><key name="id" generator="IncrementGenerator"/><key name="n" script="None"/><key name="t" script="['a', 'b']"/><key name="ok" script="True"/><nestedKey name="d" type="dict"><key name="x" constant="1 &lt; 2"/><key name="y" script="None"/></nestedKey></generate></setup>`,
    );
    expect(read(out, 'p.xml')).toBe(
      '<list>\n' +
        '<item><id>1</id><n>None</n><t>a</t><t>b</t><ok>true</ok><d><x>1 &lt; 2</x><y></y></d></item>\n' +
        '<item><id>2</id><n>None</n><t>a</t><t>b</t><ok>true</ok><d><x>1 &lt; 2</x><y></y></d></item>\n' +
        '</list>',
    );
  });

  it('XML(root_element, item_element) and the one-record-one-field quirk', async () => {
    const a = await gen(
      `<setup><generate name="p" count="2" target="XML(root_element='people', item_element='person')"><key name="a" constant="1"/><key name="b" constant="2"/></generate></setup>`,
    );
    expect(read(a.out, 'p.xml')).toBe(
      '<people>\n<person><a>1</a><b>2</b></person>\n<person><a>1</a><b>2</b></person>\n</people>',
    );
    const b = await gen(
      `<setup><generate name="p" count="1" target="XML"><key name="a" constant="1"/></generate></setup>`,
    );
    expect(read(b.out, 'p.xml')).toBe('<a>1</a>');
  });

  it('XML: @keys become attributes, #text the element text', async () => {
    const { out } = await gen(
      `<setup><generate name="p" count="2" target="XML"><nestedKey name="price" type="dict"><key name="@currency" constant="EUR"/><key name="#text" constant="9.5"/></nestedKey><key name="n" constant="a&amp;b"/></generate></setup>`,
    );
    expect(read(out, 'p.xml')).toBe(
      '<list>\n<item><price currency="EUR">9.5</price><n>a&amp;b</n></item>\n<item><price currency="EUR">9.5</price><n>a&amp;b</n></item>\n</list>',
    );
  });

  it('CSV(quotechar=...) quotes with that character', async () => {
    const { out } = await gen(
      `<setup><generate name="p" count="1" target="CSV(delimiter=',', quotechar=&quot;'&quot;)"><key name="a" constant="x,y"/><key name="b" constant="it's"/></generate></setup>`,
    );
    expect(read(out, 'p.csv')).toBe("a,b\r\n'x,y','it''s'\r\n");
  });

  it('TXT: "<name>: <Python str(record)>" lines', async () => {
    const { out } = await gen(`<setup><generate name="p" count="1" target="TXT">${TWO}</generate></setup>`);
    expect(read(out, 'p.txt')).toBe(
      "p: {'id': 1, 'name': 'Zoë', 'ok': True, 'score': 1.5, 'none': None, 'tags': ['a', 'b']}\n",
    );
  });

  it('several targets, ConsoleExporter/LogExporter to the log, no target = no file', async () => {
    const lines: string[] = [];
    const { out, res } = await gen(
      `<setup><generate name="p" count="1" target="CSV,JSON,ConsoleExporter"><key name="a" constant="1"/></generate><generate name="q" count="1" target="LogExporter"><key name="b" constant="2"/></generate><generate name="r" count="3"/></setup>`,
      { log: (l) => lines.push(l) },
    );
    expect(fs.readdirSync(out).sort()).toEqual(['p.csv', 'p.json']);
    expect(lines).toEqual(['p: {"a": "1"}', 'q: {"b": "2"}']);
    expect(res.counts).toEqual({ p: 1, q: 1, r: 3 });
  });

  it('a nested generate writes its own file', async () => {
    const { out, res } = await gen(
      `<setup><generate name="parent" count="2" target="JSON"><key name="id" generator="IncrementGenerator"/><generate name="child" count="2" target="CSV"><key name="pid" script="id"/></generate></generate></setup>`,
    );
    expect(read(out, 'parent.json')).toBe('[\n{"id": 1},\n{"id": 2}\n]');
    expect(read(out, 'child.csv')).toBe('pid\r\n1\r\n1\r\n2\r\n2\r\n');
    expect(res.counts).toEqual({ parent: 2, child: 4 });
  });

  it('streams a large count to disk', async () => {
    const { out, res } = await gen(
      `<setup><generate name="big" count="50000" target="JSON(use_ndjson=True)"><key name="i" generator="IncrementGenerator"/></generate></setup>`,
    );
    expect(res.counts.big).toBe(50000);
    const text = read(out, 'big.ndjson');
    expect(text.split('\n')).toHaveLength(50001);
    expect(text.endsWith('{"i": 50000}\n')).toBe(true);
  });
});
