import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMimicfixError, scanDescriptor } from '../../src/index';
import { project } from '../helpers';

describe('scanDescriptor', () => {
  it('collects the closure, unresolved expression paths and expected artifacts', () => {
    const dir = project({
      'datamimic.xml': `<setup>
  <include uri="conf/base.properties"/>
  <include uri="{part}.xml"/>
  <include uri="{unknown_var}/x.xml"/>
  <execute uri="script/lib.scr.py"/>
  <memstore id="mem"/>
  <generate name="a" source="{datadir}/a.ent.csv" target="JSON(chunk_size=10),mem">
    <variable name="w" source="data/w.wgt.csv"/>
    <nestedKey name="n" type="list" source="data/n.json"/>
    <generate name="b" count="2" target="CSV,XML,TXT,ConsoleExporter"/>
  </generate>
  <generate name="quiet" count="2"/>
</setup>`,
      'conf/base.properties': 'part=more\ndatadir=data\n',
      'conf/environment.env.properties': 'x=1\n',
      'more.xml': '<setup><generate name="m" count="1" target="JSON(use_ndjson=True)"/></setup>',
      'data/a.ent.csv': 'x\n1\n',
      'data/w.wgt.csv': 'a|1\n',
      'data/n.json': '[]',
      'script/lib.scr.py': '',
    });
    const scan = scanDescriptor(path.join(dir, 'datamimic.xml'));
    expect(scan.root).toBe(path.join(dir, 'datamimic.xml'));
    expect(scan.files.map((f) => path.relative(dir, f))).toEqual(
      [
        'conf/base.properties',
        'conf/environment.env.properties',
        'data/a.ent.csv',
        'data/n.json',
        'data/w.wgt.csv',
        'datamimic.xml',
        'more.xml',
        'script/lib.scr.py',
      ].sort(),
    );
    expect(scan.unresolved).toEqual([
      { attribute: 'uri', value: '{unknown_var}/x.xml', location: { file: scan.root, line: 4, column: 12 } },
    ]);
    expect(scan.expected).toEqual([
      { name: 'm', formats: ['ndjson'], nested: false },
      { name: 'a', formats: ['json'], nested: false },
      { name: 'b', formats: ['csv', 'xml', 'txt'], nested: true },
    ]);
  });

  it('resolves paths built from constant setup variables', () => {
    const dir = project({
      'datamimic.xml':
        '<setup><variable name="folder" constant="data"/><generate name="a" source="{folder}/a.json" target="JSON"/></setup>',
      'data/a.json': '[]',
    });
    const scan = scanDescriptor(path.join(dir, 'datamimic.xml'));
    expect(scan.files.map((f) => path.relative(dir, f))).toEqual(['data/a.json', 'datamimic.xml']);
    expect(scan.unresolved).toEqual([]);
  });

  it('is lenient with descriptors meant for the remote generator, strict with XML and paths', () => {
    const remote = project({
      'datamimic.xml': `<setup>
  <database id="db" system="postgres"/>
  <execute uri="init.scr.sql" target="db"/>
  <generate name="a" source="db" type="customer" target="db,JSON" unique="true">
    <key name="x" type="int" min="1" max="9"/>
  </generate>
</setup>`,
      'init.scr.sql': 'select 1;',
    });
    const scan = scanDescriptor(path.join(remote, 'datamimic.xml'));
    expect(scan.files.map((f) => path.relative(remote, f))).toEqual(['datamimic.xml', 'init.scr.sql']);
    expect(scan.expected).toEqual([{ name: 'a', formats: ['json'], nested: false }]);

    const broken = project({ 'datamimic.xml': '<setup>\n<generate name="a">\n</setup>' });
    try {
      scanDescriptor(path.join(broken, 'datamimic.xml'));
      expect.unreachable();
    } catch (e) {
      expect(isMimicfixError(e, 'MIMICFIX_DESCRIPTOR_PARSE')).toBe(true);
      expect((e as { location: unknown }).location).toMatchObject({ line: 3, column: 1 });
    }
    const out = project({ 'datamimic.xml': '<setup><include uri="../../etc/x.properties"/></setup>' });
    try {
      scanDescriptor(path.join(out, 'datamimic.xml'));
      expect.unreachable();
    } catch (e) {
      expect(isMimicfixError(e, 'MIMICFIX_PATH_OUTSIDE_ROOT')).toBe(true);
    }
  });
});
