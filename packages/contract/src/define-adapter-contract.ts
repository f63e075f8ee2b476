import fs from 'node:fs';
import path from 'node:path';
import {
  countGenerated,
  makeProjectDir,
  personDescriptor,
  readProbes,
  startFailingServer,
  storeManifests,
} from './fixtures';
import type { AdapterDriver, ContractRunner, ProbeSpec, RunResult } from './types';

const TIMEOUT_MS = 180_000;

function tagOf(record: unknown): unknown {
  return (record as { tag?: unknown } | undefined)?.tag;
}

/**
 * The behaviour every mimicfix adapter must show, checked by running the real test runner on temp projects:
 * miss → generate, hit → cache, change → regenerate, offline miss, unknown dataset, several workers and two
 * concurrent runs generating once, a failing DATAMIMIC service. Runner-independent: pass the runner's
 * `test`, `expect`, `describe` and a driver for the adapter.
 */
export function defineAdapterContract(runner: ContractRunner, driver: AdapterDriver): void {
  const { test, expect, describe } = runner;

  function project(probes: ProbeSpec[], descriptor = personDescriptor(20, 'v1'), config: object = {}) {
    const p = makeProjectDir(driver.name);
    fs.writeFileSync(path.join(p.dir, 'datamimic.xml'), descriptor);
    fs.writeFileSync(path.join(p.dir, 'mimicfix.config.json'), JSON.stringify(config));
    driver.scaffold(p.dir, probes);
    let runs = 0;
    return {
      ...p,
      /** Removes the project; called at the end of a passing test (a failing one leaves it for debugging). */
      remove: () => fs.rmSync(p.dir, { recursive: true, force: true }),
      /** One runner run with its own probe output folder; returns the result and the probes it wrote. */
      async run(env: Record<string, string> = {}) {
        const outDir = path.join(p.outDir, String(runs++));
        const result = await driver.run(p.dir, {
          env: { MIMICFIX_CACHE_DIR: p.cacheDir, MIMICFIX_CONTRACT_OUT: outDir, ...env },
        });
        return { ...result, output: `${result.stdout}\n${result.stderr}`, probes: readProbes(outDir) };
      },
    };
  }

  function explain(r: RunResult): string {
    return `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
  }

  describe(`mimicfix adapter contract: ${driver.name}`, () => {
    test(
      'generates on a miss, reads the cache on a hit, regenerates when the descriptor changes',
      async () => {
        const p = project([
          { id: 'a', dataset: 'person' },
          { id: 'b', dataset: 'person' },
        ]);
        const miss = await p.run();
        expect(miss.exitCode === 0 ? '' : explain(miss)).toBe('');
        expect(countGenerated(miss.output, 'person')).toBe(1);
        expect(miss.probes.a?.count).toBe(20);
        expect(miss.probes.b?.count).toBe(20);
        expect(tagOf(miss.probes.a?.first)).toBe('v1');
        const [entry] = storeManifests(p.cacheDir);
        expect(storeManifests(p.cacheDir)).toHaveLength(1);
        const entryBytes = fs.readFileSync(entry!, 'utf8');

        const hit = await p.run();
        expect(hit.exitCode === 0 ? '' : explain(hit)).toBe('');
        expect(countGenerated(hit.output, 'person')).toBe(0);
        expect(hit.probes.a?.first).toEqual(miss.probes.a?.first);
        expect(hit.probes.b?.last).toEqual(miss.probes.b?.last);
        // The entry was read, not rewritten: same manifest bytes (createdAt included).
        expect(storeManifests(p.cacheDir)).toEqual([entry]);
        expect(fs.readFileSync(entry!, 'utf8')).toBe(entryBytes);

        fs.writeFileSync(path.join(p.dir, 'datamimic.xml'), personDescriptor(25, 'v2'));
        const changed = await p.run();
        expect(changed.exitCode === 0 ? '' : explain(changed)).toBe('');
        expect(countGenerated(changed.output, 'person')).toBe(1);
        expect(changed.probes.a?.count).toBe(25);
        expect(tagOf(changed.probes.b?.last)).toBe('v2');
        expect(storeManifests(p.cacheDir)).toHaveLength(2);
        p.remove();
      },
      TIMEOUT_MS,
    );

    test(
      'an unknown dataset name throws MIMICFIX_DATASET_UNKNOWN, matchable on code inside the test',
      async () => {
        const p = project([
          { id: 'ok', dataset: 'person' },
          { id: 'nope', dataset: 'nope', expectCode: 'MIMICFIX_DATASET_UNKNOWN' },
        ]);
        const r = await p.run();
        expect(r.exitCode === 0 ? '' : explain(r)).toBe('');
        expect(r.probes.nope?.code).toBe('MIMICFIX_DATASET_UNKNOWN');
        expect(r.probes.ok?.count).toBe(20);
        p.remove();
      },
      TIMEOUT_MS,
    );

    test(
      'MIMICFIX_MODE=offline on a cold cache fails the run with MIMICFIX_CACHE_MISS and generates nothing',
      async () => {
        const p = project([{ id: 'a', dataset: 'person' }]);
        const r = await p.run({ MIMICFIX_MODE: 'offline' });
        expect(r.exitCode).not.toBe(0);
        expect(r.output).toMatch('MIMICFIX_CACHE_MISS');
        expect(r.probes).toEqual({});
        expect(storeManifests(p.cacheDir)).toEqual([]);
        p.remove();
      },
      TIMEOUT_MS,
    );

    test(
      'several test files on several workers, and two runs at once, generate once',
      async () => {
        const p = project([
          { id: 'a', dataset: 'person' },
          { id: 'b', dataset: 'person' },
          { id: 'c', dataset: 'person' },
        ]);
        const [one, two] = await Promise.all([p.run(), p.run()]);
        expect(one!.exitCode === 0 && two!.exitCode === 0 ? '' : explain(one!) + explain(two!)).toBe('');
        expect(countGenerated(one!.output, 'person') + countGenerated(two!.output, 'person')).toBe(1);
        expect(storeManifests(p.cacheDir)).toHaveLength(1);
        const firsts = [one!, two!].flatMap((r) => ['a', 'b', 'c'].map((id) => r.probes[id]?.first));
        expect(firsts).toHaveLength(6);
        for (const first of firsts) expect(first).toEqual(one!.probes.a?.first);
        for (const r of [one!, two!]) for (const id of ['a', 'b', 'c']) expect(r.probes[id]?.count).toBe(20);
        p.remove();
      },
      TIMEOUT_MS,
    );

    test(
      'a DATAMIMIC service answering 500 fails the run with MIMICFIX_HTTP_STATUS and never prints the token',
      async () => {
        const server = await startFailingServer();
        const token = 'contract-secret-token-7f3a';
        try {
          const p = project([{ id: 'a', dataset: 'person' }], personDescriptor(20, 'v1'), {
            remote: { url: server.url, projectId: 'contract', token, retries: 0, requestTimeoutMs: 5_000 },
          });
          const r = await p.run();
          expect(r.exitCode).not.toBe(0);
          expect(r.output).toMatch('MIMICFIX_HTTP_STATUS');
          expect(r.output).not.toMatch(token);
          expect(server.requests()).toBeGreaterThan(0);
          expect(r.probes).toEqual({});
          p.remove();
        } finally {
          await server.close();
        }
      },
      TIMEOUT_MS,
    );
  });
}
