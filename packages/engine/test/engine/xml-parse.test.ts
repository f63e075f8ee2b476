import { describe, expect, it } from 'vitest';
import { isMimicfixError, type MimicfixError } from '../../src/index';
import { parseXml } from '../../src/xml/parse-xml';

function parseError(xml: string): MimicfixError {
  try {
    parseXml(xml, '/p/datamimic.xml');
  } catch (e) {
    if (isMimicfixError(e)) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('parseXml', () => {
  it('records line:column of every element and attribute', () => {
    const root = parseXml(
      '<setup>\n  <generate name="a"\n      count="2">\n\t<key name="k" constant="x"/>\n  </generate>\n</setup>',
      'f.xml',
    );
    expect(root.location).toEqual({ file: 'f.xml', line: 1, column: 1 });
    const gen = root.children[0]!;
    expect(gen.location).toMatchObject({ line: 2, column: 3 });
    expect(gen.attributes.map((a) => [a.name, a.value, a.location.line, a.location.column])).toEqual([
      ['name', 'a', 2, 13],
      ['count', '2', 3, 7],
    ]);
    const key = gen.children[0]!;
    expect(key.location).toMatchObject({ line: 4, column: 2 });
    expect(key.attributes[1]!.location).toMatchObject({ line: 4, column: 16 });
  });

  it('decodes the five predefined entities and numeric references', () => {
    const root = parseXml(
      `<setup a="&lt;&gt;&amp;&quot;&apos;&#65;&#x42;"><echo>x &amp; y</echo></setup>`,
      'f',
    );
    expect(root.attributes[0]!.value).toBe(`<>&"'AB`);
    expect(root.children[0]!.text).toBe('x & y');
  });

  it('keeps CDATA text and skips comments and the XML declaration', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- c -->\n<setup><echo><![CDATA[a < b]]></echo></setup>',
      'f',
    );
    expect(root.children[0]!.text).toBe('a < b');
  });

  it('refuses DOCTYPE with its location', () => {
    const e = parseError('<?xml version="1.0"?>\n<!DOCTYPE setup [<!ENTITY x "y">]>\n<setup/>');
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_PARSE');
    expect(e.location).toEqual({ file: '/p/datamimic.xml', line: 2, column: 1 });
    expect(e.message).toContain('DOCTYPE');
  });

  it('refuses unknown entities at the ampersand', () => {
    const e = parseError('<setup>\n  <echo>a &foo; b</echo>\n</setup>');
    expect(e.location).toMatchObject({ line: 2, column: 11 });
    expect(e.message).toContain('&foo;');
  });

  it('reports a mismatched closing tag where it is', () => {
    const e = parseError('<setup>\n  <generate name="a">\n  </generat>\n</setup>');
    expect(e.location).toMatchObject({ line: 3, column: 3 });
    expect(e.message).toContain('line 2:3');
  });

  it('reports an unclosed element at the end of the file', () => {
    const e = parseError('<setup>\n  <generate name="a">\n');
    expect(e.message).toContain('<generate> is never closed');
    expect(e.location).toMatchObject({ line: 3, column: 1 });
  });

  it('reports unquoted and duplicate attributes', () => {
    expect(parseError('<setup a=1/>').location).toMatchObject({ line: 1, column: 10 });
    const dup = parseError('<setup>\n <generate name="a" name="b"/></setup>');
    expect(dup.location).toMatchObject({ line: 2, column: 21 });
    expect(dup.message).toContain('duplicate attribute "name"');
  });

  it('refuses < inside attribute values and text after the root', () => {
    expect(parseError('<setup a="x<y"/>').location).toMatchObject({ line: 1, column: 12 });
    expect(parseError('<setup/>\ntext').message).toContain('outside the root');
  });
});
