import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, isMimicfixError, type MimicfixError, scanDescriptor } from '../../src/index';
import { project } from '../helpers';

async function failure(fn: () => unknown): Promise<MimicfixError> {
  try {
    await fn();
  } catch (e) {
    if (isMimicfixError(e)) return e as MimicfixError;
    throw e;
  }
  throw new Error('expected a MimicfixError, nothing was thrown');
}

function outDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-engine-out-'));
}

describe('generate names that write files', () => {
  it('refuses a name with ../ at the attribute and writes nothing', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-engine-escape-'));
    const out = path.join(base, 'a', 'b', 'out');
    const escapeName = `qa-pwned-${path.basename(base)}`;
    const dir = project({
      'datamimic.xml':
        '<setup>\n  <generate name="../../../' +
        escapeName +
        '" count="1" target="JSON"><key name="x" script="1"/></generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { outDir: out }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.location).toEqual({ file, line: 2, column: 13 });
    expect(e.message).toContain('must be a plain file name: letters, digits, _ - .');
    expect(fs.existsSync(path.join(base, `${escapeName}.json`))).toBe(false);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    const s = await failure(() => scanDescriptor(file));
    expect(s.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(s.location).toEqual({ file, line: 2, column: 13 });
  });

  it('writes nothing at all when a later generate has a bad name', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="ok" count="1" target="JSON"><key name="x" script="1"/></generate>\n' +
        '<generate name="a/../../b" count="1" target="JSON"><key name="x" script="1"/></generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const out = outDir();
    const e = await failure(() => generate(file, { outDir: out }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.location).toEqual({ file, line: 3, column: 11 });
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('refuses a name with / ', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup><generate name="sub/a" count="1" target="CSV"><key name="x" script="1"/></generate></setup>',
    });
    const e = await failure(() => generate(path.join(dir, 'datamimic.xml'), { outDir: outDir() }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.location).toMatchObject({ line: 1, column: 18 });
  });

  it('still allows any name for a generate that writes no file', async () => {
    const dir = project({
      'datamimic.xml': '<setup><generate name="a/b" count="1"><key name="x" script="1"/></generate></setup>',
    });
    const res = await generate(path.join(dir, 'datamimic.xml'), { capture: true });
    expect(res.captured?.['a/b']).toEqual([{ x: 1 }]);
  });

  it('refuses two file-writing generates with the same name, also nested', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="a" count="2" target="JSON">\n  <key name="x" script="1"/>\n' +
        '  <generate name="a" count="3" target="CSV"><key name="y" script="2"/></generate>\n</generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const out = outDir();
    const e = await failure(() => generate(file, { outDir: out }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.message).toContain(`duplicate dataset name 'a', first defined at ${file}:2:11`);
    expect(e.location).toEqual({ file, line: 4, column: 13 });
    const s = await failure(() => scanDescriptor(file));
    expect(s.message).toContain(`duplicate dataset name 'a', first defined at ${file}:2:11`);
  });

  it('refuses duplicates across top-level generates', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="a" count="1" target="JSON"><key name="x" script="1"/></generate>\n' +
        '<generate name="a" count="1" target="JSON"><key name="x" script="2"/></generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { outDir: outDir() }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.location).toEqual({ file, line: 3, column: 11 });
  });
});

describe('include cycles', () => {
  const files = {
    'datamimic.xml': '<setup>\n  <include uri="b.xml"/>\n</setup>',
    'b.xml': '<setup>\n\n  <include uri="datamimic.xml"/>\n</setup>',
  };

  it('generate reports the cycle at the include', async () => {
    const dir = project(files);
    const e = await failure(() => generate(path.join(dir, 'datamimic.xml'), { capture: true }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.message).toContain('include cycle datamimic.xml → b.xml → datamimic.xml');
    expect(e.location).toEqual({ file: path.join(dir, 'b.xml'), line: 3, column: 12 });
  });

  it('scanDescriptor reports the cycle at the include', async () => {
    const dir = project(files);
    const e = await failure(() => scanDescriptor(path.join(dir, 'datamimic.xml')));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.message).toContain('include cycle datamimic.xml → b.xml → datamimic.xml');
    expect(e.location).toEqual({ file: path.join(dir, 'b.xml'), line: 3, column: 12 });
  });

  it('still allows the same file included twice without a cycle', async () => {
    const dir = project({
      'datamimic.xml': '<setup><include uri="p.xml"/><include uri="p.xml"/></setup>',
      'p.xml': '<setup><variable name="v" constant="1"/></setup>',
    });
    await generate(path.join(dir, 'datamimic.xml'), { capture: true });
    expect(scanDescriptor(path.join(dir, 'datamimic.xml')).files).toHaveLength(2);
  });
});

describe('deep nesting', () => {
  const deep = (n: number, open: string, close: string) =>
    `<setup><generate name="g" count="1">${open.repeat(n)}<key name="x" script="1"/>${close.repeat(n)}</generate></setup>`;

  it('caps XML element depth with MIMICFIX_DESCRIPTOR_PARSE (5000 nested nestedKeys)', async () => {
    const dir = project({
      'datamimic.xml': deep(5000, '<nestedKey name="n" type="dict">', '</nestedKey>'),
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => scanDescriptor(file));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_PARSE');
    expect(e.location?.file).toBe(file);
    const g = await failure(() => generate(file, { capture: true }));
    expect(g.code).toBe('MIMICFIX_DESCRIPTOR_PARSE');
  });

  it('checks maxDepth in scanDescriptor before recursing (100 nested generates)', async () => {
    const dir = project({ 'datamimic.xml': deep(100, '<generate name="n" count="1">', '</generate>') });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => scanDescriptor(file));
    expect(e.code).toBe('MIMICFIX_LIMIT');
    expect(e.message).toContain('maxDepth=32');
    expect(e.hint).toContain('mimicfix option `limits`');
    // a raised limit lets the scan through
    expect(scanDescriptor(file, { limits: { maxDepth: 200 } }).root).toBe(file);
    const g = await failure(() => generate(file, { capture: true }));
    expect(g.code).toBe('MIMICFIX_LIMIT');
  });
});

describe('maxTotalRecords counts nested records', () => {
  it('fails before writing when nestedKey lists would pass the limit', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="a" count="10000" target="JSON"><nestedKey name="n" type="list" count="10000">' +
        '<key name="x" script="1"/></nestedKey></generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const out = outDir();
    const e = await failure(() => generate(file, { outDir: out }));
    expect(e.code).toBe('MIMICFIX_LIMIT');
    expect(e.message).toContain('generate "a"');
    expect(e.message).toContain('maxTotalRecords=50000000');
    expect(e.location).toEqual({ file, line: 2, column: 1 });
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('counts nestedKey items whose count is only known at run time', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup><generate name="a" count="3"><variable name="k" script="5"/>' +
        '<nestedKey name="n" type="list" count="{k}"><key name="x" script="1"/></nestedKey></generate></setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    // 3 records + 15 nested items = 18
    const ok = await generate(file, { capture: true, limits: { maxTotalRecords: 18 } });
    expect(ok.captured?.a).toHaveLength(3);
    const e = await failure(() => generate(file, { capture: true, limits: { maxTotalRecords: 17 } }));
    expect(e.code).toBe('MIMICFIX_LIMIT');
    expect(e.message).toContain('maxTotalRecords=17');
    expect(e.hint).toContain('mimicfix option `limits`: { maxCount, maxDepth, maxTotalRecords }');
  });

  it('counts nested generate records in the early check', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup><generate name="a" count="10"><generate name="b" count="10"><key name="x" script="1"/>' +
        '</generate></generate></setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { capture: true, limits: { maxTotalRecords: 100 } }));
    expect(e.code).toBe('MIMICFIX_LIMIT');
    expect(e.message).toContain('at least 110 records');
    expect((await generate(file, { capture: true, limits: { maxTotalRecords: 110 } })).counts).toEqual({
      a: 10,
      b: 100,
    });
  });
});

describe('symbolic links out of the root folder', () => {
  const outside = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-engine-outside-'));
    fs.writeFileSync(path.join(d, 'secret.wgt.csv'), 'root|1\n');
    fs.writeFileSync(path.join(d, 'secret.xml'), '<setup/>');
    fs.writeFileSync(path.join(d, 'secret.properties'), 'a=1\n');
    return d;
  };

  it('refuses a source that is a symlink to a file outside (generate and scan)', async () => {
    const o = outside();
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="g" count="1">\n  <key name="x" source="pw.wgt.csv"/>\n</generate>\n</setup>',
    });
    fs.symlinkSync(path.join(o, 'secret.wgt.csv'), path.join(dir, 'pw.wgt.csv'));
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_PATH_OUTSIDE_ROOT');
    expect(e.location).toEqual({ file, line: 3, column: 17 });
    const s = await failure(() => scanDescriptor(file));
    expect(s.code).toBe('MIMICFIX_PATH_OUTSIDE_ROOT');
  });

  it('refuses include and properties through a symlinked folder', async () => {
    const o = outside();
    const dir = project({ 'datamimic.xml': '<setup>\n<include uri="linked/secret.xml"/>\n</setup>' });
    fs.symlinkSync(o, path.join(dir, 'linked'));
    const file = path.join(dir, 'datamimic.xml');
    expect((await failure(() => generate(file, { capture: true }))).code).toBe('MIMICFIX_PATH_OUTSIDE_ROOT');
    expect((await failure(() => scanDescriptor(file))).code).toBe('MIMICFIX_PATH_OUTSIDE_ROOT');
    fs.writeFileSync(file, '<setup>\n<include uri="linked/secret.properties"/>\n</setup>');
    expect((await failure(() => generate(file, { capture: true }))).code).toBe('MIMICFIX_PATH_OUTSIDE_ROOT');
    fs.writeFileSync(file, '<setup>\n<execute uri="linked/x.py"/>\n</setup>');
    expect((await failure(() => scanDescriptor(file))).code).toBe('MIMICFIX_PATH_OUTSIDE_ROOT');
  });

  it('accepts a symlink that stays inside, and a root folder reached through a symlink', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup><generate name="g" count="1"><key name="x" source="l.wgt.csv"/></generate></setup>',
      'data/w.wgt.csv': 'ok|1\n',
    });
    fs.symlinkSync(path.join(dir, 'data', 'w.wgt.csv'), path.join(dir, 'l.wgt.csv'));
    const alias = `${dir}-alias`;
    fs.symlinkSync(dir, alias);
    const res = await generate(path.join(alias, 'datamimic.xml'), { capture: true });
    expect(res.captured?.g).toEqual([{ x: 'ok' }]);
  });
});

describe('validation gaps', () => {
  const gen = (inner: string, extra: Record<string, string> = {}) => {
    const dir = project({
      'datamimic.xml': `<setup>\n<generate name="g" count="1">\n${inner}\n</generate>\n</setup>`,
      ...extra,
    });
    return path.join(dir, 'datamimic.xml');
  };

  it('refuses maxCount < minCount at maxCount', async () => {
    const file = gen(
      '<nestedKey name="n" type="list" minCount="5" maxCount="2"><key name="x" script="1"/></nestedKey>',
    );
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.message).toContain('maxCount=2 is smaller than minCount=5');
    expect(e.location).toEqual({ file, line: 3, column: 46 });
  });

  it('accepts only True/False/true/false for boolean attributes', async () => {
    const file = gen(
      '<nestedKey name="n" type="list" count="1" cyclic="maybe"><key name="x" script="1"/></nestedKey>',
    );
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.message).toContain('cyclic="maybe" is not a boolean');
    expect(e.location).toEqual({ file, line: 3, column: 43 });
    const dir = project({
      'datamimic.xml':
        '<setup><generate name="g" count="2" cyclic="True" source="p.ent.csv" sourceScripted="false"/></setup>',
      'p.ent.csv': 'a\n1\n',
    });
    const ok = await generate(path.join(dir, 'datamimic.xml'), { capture: true });
    expect(ok.captured?.g).toEqual([{ a: '1' }, { a: '1' }]);
  });

  it('refuses a weighted source whose weights are all 0 or empty', async () => {
    for (const content of ['a|0\nb|0\n', 'a|\nb|\n', '']) {
      const file = gen('<key name="x" source="w.wgt.csv"/>', { 'w.wgt.csv': content });
      const e = await failure(() => generate(file, { capture: true }));
      expect(e.code).toBe('MIMICFIX_SOURCE');
      expect(e.location).toEqual({ file, line: 3, column: 15 });
    }
  });

  it('says a negative weight must be ≥ 0', async () => {
    const file = gen('<key name="x" source="w.wgt.csv"/>', { 'w.wgt.csv': 'a|1\nb|-2\n' });
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_SOURCE');
    expect(e.message).toContain(':2: weight "-2" must be ≥ 0');
  });

  it('gives the line of an unterminated quote in a CSV source', async () => {
    const file = gen('<nestedKey name="n" type="list" source="p.ent.csv"/>', {
      'p.ent.csv': 'a|b\n1|2\n3|"open\n4|5\n',
    });
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_SOURCE');
    expect(e.message).toContain('p.ent.csv:3:3: unterminated quoted field');
    expect(e.location).toMatchObject({ file, line: 3 });
  });
});

describe('script error locations', () => {
  it('reports the real line and column inside a multi-line script attribute', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="g" count="1">\n  <key name="x" script="1 +\n     2 +\n   )"/>\n</generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_SCRIPT_SYNTAX');
    expect(e.location).toEqual({ file, line: 5, column: 4 });
  });

  it('reports the column inside a one-line script attribute from the value start', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="g" count="1">\n  <key name="x" script="1 + )"/>\n</generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_SCRIPT_SYNTAX');
    // the value starts at column 25; ")" is its 5th character
    expect(e.location).toEqual({ file, line: 3, column: 29 });
  });

  it('reports a template expression on a later line of the attribute', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="g" count="\n  {1 + }">\n  <key name="x" script="1"/>\n</generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_SCRIPT_SYNTAX');
    expect(e.location).toEqual({ file, line: 3, column: 8 });
  });
});

describe('error messages', () => {
  it('a missing source file is reported at the source attribute with its relative path (scan and generate)', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="g" count="1">\n  <key name="x" source="data/missing.wgt.csv"/>\n</generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    for (const e of [
      await failure(() => scanDescriptor(file)),
      await failure(() => generate(file, { capture: true })),
    ]) {
      expect(e.code).toBe('MIMICFIX_FILE_NOT_FOUND');
      expect(e.location).toEqual({ file, line: 3, column: 17 });
      expect(e.message).toContain('cannot read "data/missing.wgt.csv": does not exist');
    }
  });

  it('a source path outside the root without a known extension is PATH_OUTSIDE_ROOT', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="g" count="1">\n  <key name="x" source="../../etc/passwd"/>\n</generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    for (const e of [
      await failure(() => scanDescriptor(file)),
      await failure(() => generate(file, { capture: true })),
    ]) {
      expect(e.code).toBe('MIMICFIX_PATH_OUTSIDE_ROOT');
      expect(e.location).toEqual({ file, line: 3, column: 17 });
    }
  });

  it('a source file with an unknown extension names the supported ones', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="g" count="1">\n  <key name="x" source="data.txt"/>\n</generate>\n</setup>',
      'data.txt': 'a\n',
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.message).toContain('.ent.csv (or any .csv), .wgt.csv and .json');
    expect(e.message).not.toContain('database');
    expect(e.location).toEqual({ file, line: 3, column: 17 });
  });

  it('the allowed-children hint of <generate> lists only what works locally', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="g" count="1">\n  <kee name="x" script="1"/>\n</generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.location).toEqual({ file, line: 3, column: 3 });
    expect(e.hint).toContain('allowed inside <generate>:');
    expect(e.hint).toContain('nestedKey');
    expect(e.hint).not.toContain('reference');
    expect(e.hint).not.toContain('include');
  });

  it('a NameError suggests record keys and variables in scope', async () => {
    const dir = project({
      'datamimic.xml':
        '<setup>\n<generate name="g" count="1">\n  <variable name="total_amount" script="3"/>\n' +
        '  <key name="first_name" script="1"/>\n  <key name="y" script="first_nam + total_amont"/>\n</generate>\n</setup>',
    });
    const file = path.join(dir, 'datamimic.xml');
    const e = await failure(() => generate(file, { capture: true }));
    expect(e.code).toBe('MIMICFIX_SCRIPT_ERROR');
    expect(e.message).toContain("did you mean: 'first_name'");
    expect(e.location).toMatchObject({ file, line: 5 });
  });

  it('maxCount errors point at the limits option', async () => {
    const dir = project({
      'datamimic.xml': '<setup><generate name="g" count="5"><key name="x" script="1"/></generate></setup>',
    });
    const e = await failure(() =>
      generate(path.join(dir, 'datamimic.xml'), { capture: true, limits: { maxCount: 4 } }),
    );
    expect(e.code).toBe('MIMICFIX_LIMIT');
    expect(e.hint).toContain(
      'raise the `limits` option (engine option `limits`, mimicfix option `limits`: { maxCount, maxDepth, maxTotalRecords })',
    );
  });
});

describe('exporters never write outside outDir', () => {
  it('JsonSink, CsvSink, TxtSink and XmlSink refuse a name with a path in it', async () => {
    const { JsonSink } = await import('../../src/exporters/json-exporter');
    const { CsvSink } = await import('../../src/exporters/csv-exporter');
    const { TxtSink } = await import('../../src/exporters/txt-exporter');
    const { XmlSink } = await import('../../src/exporters/xml-exporter');
    const out = outDir();
    const name = '../escaped';
    const attempts: Array<() => { add(r: Record<string, unknown>): void; close(): unknown }> = [
      () => new JsonSink(out, name, { ndjson: false }),
      () => new CsvSink(out, name, { delimiter: ',', quotechar: '"', lineTerminator: '\n' }),
      () => new TxtSink(out, name),
      () => new XmlSink(out, name, { rootElement: 'list', itemElement: 'item' }),
    ];
    for (const make of attempts) {
      const e = await failure(() => {
        const sink = make();
        sink.add({ a: 1 });
        sink.close();
      });
      expect(e.code).toBe('MIMICFIX_PATH_OUTSIDE_ROOT');
    }
    expect(fs.readdirSync(path.dirname(out)).some((f) => f.startsWith('escaped'))).toBe(false);
  });
});
