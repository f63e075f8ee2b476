/**
 * Concurrency proof: N real processes resolve the same descriptor on a cold cache at the same moment;
 * exactly one generation runs and every process gets the same entry.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../../emulator/src/index';
import { verifyStore } from '../../src/store/verify-store';
import { tempDir } from '../helpers/temp';
import { runWorker, type WorkerResult, writeSmallProject } from './fixtures/worker';

const PROCESSES = 8;

function lines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function expectIdentical(results: WorkerResult[]): void {
  for (const r of results) expect(r.error, `${r.error}: ${r.message}`).toBeUndefined();
  const first = results[0] as WorkerResult;
  expect(first.key).toMatch(/^[0-9a-f]{64}$/);
  expect(Object.keys(first.artifacts ?? {}).length).toBeGreaterThan(0);
  for (const r of results) {
    expect(r.key).toBe(first.key);
    expect(r.artifacts).toEqual(first.artifacts);
    expect(r.dir).toBe(first.dir);
  }
}

describe('concurrency proof', () => {
  it(`${PROCESSES} processes on a cold cache, local engine: exactly 1 generation, identical manifests`, async () => {
    const root = tempDir('mimicfix-proof-conc-');
    writeSmallProject(root);
    const cacheDir = path.join(root, 'cache');
    const counterFile = path.join(root, 'generations.txt');

    const results = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        runWorker({
          root,
          cacheDir,
          backend: 'counted',
          counterFile,
          // Keeps the lock held a little longer, so that the others really wait instead of arriving late.
          slowMs: 200,
          options: { lockStaleMs: 10_000, lockTimeoutMs: 60_000 },
        }),
      ),
    );

    expect(lines(counterFile)).toHaveLength(1);
    expectIdentical(results);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 'generated')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'hit')).toHaveLength(PROCESSES - 1);
    expect(results[0]?.records).toEqual({ order: 40, person: 40 });

    const verified = await verifyStore(cacheDir);
    expect(verified).toHaveLength(1);
    expect(verified[0]?.ok).toBe(true);
  });

  it(`${PROCESSES} processes on a cold cache, remote path (emulator): exactly 1 generate request`, async () => {
    const root = tempDir('mimicfix-proof-conc-remote-');
    writeSmallProject(root);
    const cacheDir = path.join(root, 'cache');
    const token = 'proof-token';
    let emulator: Emulator | undefined;
    try {
      emulator = await startEmulator({ port: 0, host: '127.0.0.1', tokens: token });
      const env = {
        DATAMIMIC_URL: emulator.url,
        DATAMIMIC_PROJECT_ID: 'proof-project',
        DATAMIMIC_TOKEN: token,
      };
      const results = await Promise.all(
        Array.from({ length: PROCESSES }, () =>
          runWorker({
            root,
            cacheDir,
            backend: 'select',
            options: { env, lockStaleMs: 10_000, lockTimeoutMs: 120_000 },
          }),
        ),
      );

      expectIdentical(results);
      expect(results.filter((r) => r.status === 'generated')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'hit')).toHaveLength(PROCESSES - 1);
      expect(emulator.counts['v2.generate']).toBe(1);
      expect(emulator.counts['v1.generate']).toBe(0);
      expect(emulator.tasks()).toHaveLength(1);
      // The token never reaches the store.
      for (const r of results) expect(JSON.stringify(r)).not.toContain(token);
      const manifest = readFileSync(path.join(results[0]?.dir as string, 'manifest.json'), 'utf8');
      expect(manifest).not.toContain(token);
      expect(JSON.parse(manifest).generator).toMatchObject({ kind: 'remote', projectId: 'proof-project' });
    } finally {
      await emulator?.close();
    }
  });
});
