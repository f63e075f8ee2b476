import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOptions } from '../src/config/load-options';
import { resolveOptions } from '../src/config/resolve-options';
import { resolve } from '../src/resolve/resolve';
import { ensureDir } from '../src/util/ensure-dir';
import { tempDir, writeFiles } from './helpers/temp';

const DESCRIPTOR = `<setup>
  <generate name="person" count="5" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
  </generate>
</setup>
`;

async function codeOf(run: () => unknown): Promise<{ code?: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected an error');
}

describe('ensureDir', () => {
  it('creates nested folders', () => {
    const root = tempDir();
    ensureDir(path.join(root, 'a', 'b', 'c'), 'cache dir');
    expect(statSync(path.join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
  });

  it('a file in the way is MIMICFIX_STORE "is not a folder"', async () => {
    const root = tempDir();
    const file = path.join(root, 'f');
    writeFileSync(file, 'x');
    const e = await codeOf(() => ensureDir(file, 'cache dir'));
    expect(e.code).toBe('MIMICFIX_STORE');
    expect(e.message).toContain(`cache dir ${file} is not a folder`);
  });

  it.runIf(process.platform === 'linux')(
    '/proc/x fails at once with MIMICFIX_STORE (no endless retry)',
    async () => {
      const e = await codeOf(() => ensureDir('/proc/mimicfix-qa/x', 'cache dir'));
      expect(e.code).toBe('MIMICFIX_STORE');
      expect(e.message).toContain('/proc/mimicfix-qa/x');
      expect(e.message).toContain('ENOENT');
    },
  );
});

describe('unknown option keys', () => {
  it('an explicit unknown key is MIMICFIX_CONFIG with a suggestion', async () => {
    const e = await codeOf(() => resolveOptions({ root: tempDir(), mdoe: 'frozen' } as never, {}));
    expect(e.code).toBe('MIMICFIX_CONFIG');
    expect(e.message).toContain('unknown option "mdoe" (did you mean "mode"?)');
  });

  it('an unknown key in mimicfix.config.json is MIMICFIX_CONFIG naming the file', async () => {
    const root = tempDir();
    writeFiles(root, { 'mimicfix.config.json': '{"mdoe":"frozen"}' });
    const e = await codeOf(() => loadOptions({ root, env: {} }));
    expect(e.code).toBe('MIMICFIX_CONFIG');
    expect(e.message).toContain('unknown option "mdoe" (did you mean "mode"?)');
    expect(e.message).toContain('mimicfix.config.json');
  });

  it('invalid JSON in mimicfix.config.json reports JSON.parse position', async () => {
    const root = tempDir();
    writeFiles(root, { 'mimicfix.config.json': '{"mode": "auto",,}' });
    const e = await codeOf(() => loadOptions({ root, env: {} }));
    expect(e.code).toBe('MIMICFIX_CONFIG');
    expect(e.message).toMatch(/position \d+/);
  });

  it('limits: unknown sub-key and bad value are MIMICFIX_CONFIG', async () => {
    const root = tempDir();
    expect(
      (await codeOf(() => resolveOptions({ root, limits: { maxCnt: 1 } as never }, {}))).message,
    ).toContain('did you mean "limits.maxCount"');
    expect((await codeOf(() => resolveOptions({ root, limits: { maxCount: 0 } }, {}))).code).toBe(
      'MIMICFIX_CONFIG',
    );
  });
});

describe('limits reach the local engine', () => {
  it('limits.maxCount below a count fails with MIMICFIX_LIMIT; without it the same project generates', async () => {
    const root = tempDir();
    writeFiles(root, { 'datamimic.xml': DESCRIPTOR });
    const opts = { root, env: {}, log: () => {} };
    const e = await codeOf(() => resolve({ ...opts, limits: { maxCount: 2 } }));
    expect(e.code).toBe('MIMICFIX_LIMIT');
    const ok = await resolve(opts);
    expect(ok.status).toBe('generated');
    expect(existsSync(path.join(ok.dir, 'manifest.json'))).toBe(true);
  });
});

describe('a descriptor without file targets', () => {
  it('logs a warning instead of "generating <descriptor>"', async () => {
    const root = tempDir();
    writeFiles(root, {
      'datamimic.xml':
        '<setup><generate name="person" count="2"><key name="id" generator="IncrementGenerator"/></generate></setup>',
    });
    const lines: string[] = [];
    await resolve({ root, env: {}, log: (l) => lines.push(l) });
    expect(lines).toContainEqual(
      expect.stringContaining('warning: no <generate> with a file target in datamimic.xml'),
    );
    expect(lines.some((l) => l.startsWith('generating datamimic.xml'))).toBe(false);
  });
});
