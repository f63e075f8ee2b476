import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv } from './helpers';

describe('serve', () => {
  it('prints a URL that answers and exits 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: cleanEnv({ DATAMIMIC_TOKEN: 'serve-token' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        const line = stdout.split('\n')[0];
        if (stdout.includes('\n') && line) resolve(line);
      });
      child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stderr).not.toContain('serve-token');

    // The emulator speaks the v1 routes and checks the token from DATAMIMIC_TOKEN.
    const denied = await fetch(`${url}/api/v1/p1/file/read/datamimic.xml`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(denied.status).toBe(401);
    const missing = await fetch(`${url}/api/v1/p1/file/read/datamimic.xml`, {
      headers: { authorization: 'Bearer serve-token' },
    });
    expect(missing.status).toBe(404);

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('emulator stopped');
  });

  it('rejects a bad port as a usage error', async () => {
    const { runCli } = await import('./helpers');
    const r = await runCli(['serve', '--port', '70000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--port '70000' is not a port number");
  });
});
