import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, isMimicfixError } from '../../src/index';
import { project } from '../helpers';

async function run(files: Record<string, string>, root = 'datamimic.xml') {
  const dir = project(files);
  return generate(path.join(dir, root), { capture: true });
}

describe('includes, properties and paths', () => {
  it('runs an included setup in place and resolves its paths against the root folder', async () => {
    const res = await run({
      'datamimic.xml':
        '<setup>\n<include uri="conf/app.properties"/>\n<include uri="parts/people.xml"/>\n</setup>',
      'conf/app.properties': '# comment\nn = 2\nprefix=P-\n',
      'parts/people.xml':
        '<setup><generate name="people" source="data/p.ent.csv" distribution="ordered" count="{int(n)}">' +
        '<key name="code" script="prefix + name"/></generate></setup>',
      'data/p.ent.csv': 'name\nann\nbob\ncid\n',
    });
    expect(res.captured?.people).toEqual([
      { name: 'ann', code: 'P-ann' },
      { name: 'bob', code: 'P-bob' },
    ]);
  });

  it('reads conf/environment.env.properties when present', async () => {
    const res = await run({
      'datamimic.xml':
        '<setup><generate name="a" count="1"><key name="e" script="env_name"/></generate></setup>',
      'conf/environment.env.properties': 'env_name=test\n',
    });
    expect(res.captured?.a).toEqual([{ e: 'test' }]);
  });

  it('refuses a path outside the root folder', async () => {
    try {
      await run({ 'datamimic.xml': '<setup>\n  <include uri="../outside.properties"/>\n</setup>' });
      expect.unreachable();
    } catch (e) {
      expect(isMimicfixError(e, 'MIMICFIX_PATH_OUTSIDE_ROOT')).toBe(true);
      expect((e as { location: unknown }).location).toMatchObject({ line: 2, column: 12 });
    }
  });

  it('reports a missing include with its location', async () => {
    try {
      await run({ 'datamimic.xml': '<setup>\n<include uri="nope.xml"/></setup>' });
      expect.unreachable();
    } catch (e) {
      expect(isMimicfixError(e, 'MIMICFIX_FILE_NOT_FOUND')).toBe(true);
      expect((e as Error).message).toContain('nope.xml');
    }
  });

  it('validates included files with their own file name', async () => {
    try {
      await run({
        'datamimic.xml': '<setup><include uri="b.xml"/></setup>',
        'b.xml': '<setup>\n<generat name="x"/></setup>',
      });
      expect.unreachable();
    } catch (e) {
      expect(isMimicfixError(e, 'MIMICFIX_DESCRIPTOR_INVALID')).toBe(true);
      expect((e as { location: { file: string; line: number } }).location.file.endsWith('b.xml')).toBe(true);
    }
  });
});
