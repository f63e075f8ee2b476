import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, listFiles, makeProject } from './helpers';

const BIG = `<setup>
    <generate name="big" count="5000000" target="JSON">
        <key name="id" generator="IncrementGenerator"/>
    </generate>
</setup>
`;

describe('interrupt', () => {
  it('SIGINT during generate exits 130 with MIMICFIX_ABORTED and stores nothing', async () => {
    const dir = makeProject({ 'datamimic.xml': BIG });
    const cache = path.join(dir, '.cache');
    const child = spawn(process.execPath, [BIN, 'generate'], {
      cwd: dir,
      env: cleanEnv({ MIMICFIX_CACHE_DIR: cache }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        // Core logs this line right before the engine starts.
        if (stderr.includes('generating big')) resolve();
      });
      child.on('exit', () => resolve());
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('error MIMICFIX_ABORTED:');
    expect(listFiles(cache).filter((f) => f.endsWith('manifest.json'))).toEqual([]);
  });
});
