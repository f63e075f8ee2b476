import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, isMimicfixError, type MimicfixError } from '../../src/index';
import { project } from '../helpers';

async function failure(xml: string, files: Record<string, string> = {}): Promise<MimicfixError> {
  const dir = project({ 'datamimic.xml': xml, ...files });
  try {
    await generate(path.join(dir, 'datamimic.xml'), { capture: true });
  } catch (e) {
    if (isMimicfixError(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('descriptor validation', () => {
  it('names an unknown element with a suggestion and its position', async () => {
    const e = await failure(
      '<setup>\n  <generate name="a" count="1">\n    <kee name="x" constant="1"/>\n  </generate>\n</setup>',
    );
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.location).toMatchObject({ line: 3, column: 5 });
    expect(e.message).toContain('unknown element <kee> inside <generate> (did you mean "key"?)');
  });

  it('names an unknown attribute with a suggestion at the attribute', async () => {
    const e = await failure('<setup>\n  <generate name="a" cout="1"/>\n</setup>');
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.location).toMatchObject({ line: 2, column: 22 });
    expect(e.message).toContain('unknown attribute "cout" on <generate> (did you mean "count"?)');
  });

  it('gives no suggestion for a name far from every candidate', async () => {
    const e = await failure('<setup><generate name="a" zzzzzzzzzz="1"/></setup>');
    expect(e.message).not.toContain('did you mean');
  });

  it('requires name on generate and a single value source on key', async () => {
    expect((await failure('<setup>\n<generate count="1"/></setup>')).message).toContain(
      'needs the attribute "name"',
    );
    const e = await failure(
      '<setup><generate name="a"><key name="k" constant="1" script="2"/></generate></setup>',
    );
    expect(e.message).toContain('found constant and script');
    expect(e.location?.column).toBe(54);
  });

  it('refuses a key without any value source', async () => {
    const e = await failure(
      '<setup><generate name="a" count="1">\n  <key name="k" nullQuota="0.5"/></generate></setup>',
    );
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.location).toMatchObject({ line: 2, column: 3 });
    expect(e.message).toContain('<key name="k"> has no value');
  });

  it('refuses elements in the wrong parent', async () => {
    const e = await failure('<setup><key name="k" constant="1"/></setup>');
    expect(e.message).toContain('<key> is not allowed inside <setup>');
  });

  it('refuses database features with a hint to the remote generator', async () => {
    for (const xml of [
      '<setup><database id="db"/></setup>',
      '<setup><mongodb id="m"/></setup>',
      '<setup><generate name="a" count="1"><reference name="r"/></generate></setup>',
      '<setup><execute uri="init.scr.sql"/></setup>',
      '<setup><generate name="a" source="db" count="1"/></setup>',
    ]) {
      const e = await failure(xml);
      expect(e.code, xml).toBe('MIMICFIX_DESCRIPTOR_UNSUPPORTED');
      expect(e.hint).toContain('DATAMIMIC_URL');
      expect(e.location?.line).toBe(1);
    }
  });

  it('reports a failing script at its attribute', async () => {
    const e = await failure(
      '<setup><generate name="a" count="1">\n    <key name="k" script="undefined_thing + 1"/></generate></setup>',
    );
    expect(e.code).toBe('MIMICFIX_SCRIPT_ERROR');
    expect(e.location?.line).toBe(2);
    expect(e.message).toContain('undefined_thing');
  });

  it('refuses python execute scripts clearly', async () => {
    const e = await failure('<setup><execute uri="lib.scr.py"/></setup>', { 'lib.scr.py': 'x = 1\n' });
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_UNSUPPORTED');
    expect(e.message).toContain('lib.scr.py');
  });

  it('refuses an unknown target with a suggestion', async () => {
    const e = await failure('<setup><generate name="a" count="1" target="JSNO"/></setup>');
    expect(e.code).toBe('MIMICFIX_DESCRIPTOR_INVALID');
    expect(e.message).toContain('did you mean "JSON"');
  });

  it('requires a <setup> root', async () => {
    const e = await failure('<stup/>');
    expect(e.message).toContain('did you mean "setup"');
  });
});
