import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';

/**
 * Where the shared-tier tests find Redis: `MIMICFIX_TEST_REDIS_URL` (CI starts one), else a `redis-server`
 * binary on PATH that the tests start on a free port, else none. With `MIMICFIX_REQUIRE_REDIS=1` a missing
 * Redis fails the suite instead of skipping it.
 */
export const REDIS_URL_ENV = process.env.MIMICFIX_TEST_REDIS_URL || undefined;
export const REDIS_REQUIRED = process.env.MIMICFIX_REQUIRE_REDIS === '1';
export const REDIS_BINARY = REDIS_URL_ENV ? undefined : findBinary('redis-server');
export const REDIS_AVAILABLE = REDIS_URL_ENV !== undefined || REDIS_BINARY !== undefined;
export const REDIS_MISSING_MESSAGE =
  'no Redis for the shared-cache tests: set MIMICFIX_TEST_REDIS_URL=redis://127.0.0.1:6390 or install redis-server';

function findBinary(name: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const found = r.stdout.trim();
  return r.status === 0 && found !== '' ? found : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, host);
    s.once('connect', () => {
      s.end();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A Redis for one test file: its URL, a fresh key prefix per call, and a stop function. */
export interface TestRedis {
  url: string;
  /** A unique key prefix, so that tests (and parallel CI jobs) never see each other's keys. */
  prefix(): string;
  stop(): Promise<void>;
}

/** Uses MIMICFIX_TEST_REDIS_URL or starts `redis-server` on a free 127.0.0.1 port (no persistence). */
export async function startTestRedis(): Promise<TestRedis> {
  const prefix = () => `mimicfix-test:${randomUUID().slice(0, 8)}:`;
  if (REDIS_URL_ENV) return { url: REDIS_URL_ENV, prefix, stop: async () => {} };
  if (!REDIS_BINARY) throw new Error(REDIS_MISSING_MESSAGE);
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_BINARY,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const end = Date.now() + 10_000;
  while (!(await canConnect(port, '127.0.0.1'))) {
    if (Date.now() > end || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    prefix,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    },
  };
}
