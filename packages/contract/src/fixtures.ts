import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ProbeRecord } from './types';

/** A one-dataset descriptor: `count` persons whose `tag` is `tag`, so a change is visible in the records. */
export function personDescriptor(count: number, tag: string): string {
  return `<setup>
  <generate name="person" count="${count}" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    <key name="tag" constant="${tag}"/>
  </generate>
</setup>
`;
}

/** A fresh temp folder for one contract project, with its own cache and probe output folders. */
export function makeProjectDir(adapter: string): { dir: string; cacheDir: string; outDir: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `mimicfix-contract-${adapter}-`)));
  const cacheDir = path.join(dir, '.cache');
  const outDir = path.join(dir, '.probe-out');
  return { dir, cacheDir, outDir };
}

/** Reads every probe record a run wrote into `outDir`, keyed by probe id. */
export function readProbes(outDir: string): Record<string, ProbeRecord> {
  const records: Record<string, ProbeRecord> = {};
  if (!fs.existsSync(outDir)) return records;
  for (const file of fs.readdirSync(outDir).sort()) {
    if (!file.endsWith('.json')) continue;
    const record = JSON.parse(fs.readFileSync(path.join(outDir, file), 'utf8')) as ProbeRecord;
    records[record.id] = record;
  }
  return records;
}

/** Paths of every store entry's manifest.json under `cacheDir` (one per generated key). */
export function storeManifests(cacheDir: string): string[] {
  if (!fs.existsSync(cacheDir)) return [];
  return (fs.readdirSync(cacheDir, { recursive: true }) as string[])
    .filter((p) => path.basename(p) === 'manifest.json')
    .map((p) => path.join(cacheDir, p))
    .sort();
}

/** How many times the output reports a dataset generated (core prints one line per generated dataset). */
export function countGenerated(output: string, dataset: string): number {
  return output.split('\n').filter((line) => line.includes(`${dataset}: generated`)).length;
}

/** An HTTP server on 127.0.0.1 that answers every request with 500 and counts them. */
export async function startFailingServer(): Promise<{
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}> {
  let count = 0;
  const server = http.createServer((req, res) => {
    count += 1;
    req.resume();
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ detail: 'contract: injected failure', code: 'INTERNAL_SERVER_ERROR' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
