#!/usr/bin/env node
// Download benchmark: a large artifact (200 MB by default) served by the emulator, fetched (a) through the
// mimicfix DATAMIMIC client into a temp store folder, and (b) with a raw undici `stream()` into a file.
// Each run happens in a fresh child process so that `process.resourceUsage().maxRSS` is that run's peak.
// Prints the median times, their ratio, and the peak RSS of each side. Needs `turbo run build` first.
//
//   node bench/download.mjs                      # 200 MB, 3 repetitions
//   BENCH_DOWNLOAD_MB=50 BENCH_REPETITIONS=5 node bench/download.mjs
//   BENCH_CLIENT_MODULE=/path/to/client.mjs ...  # a module exporting DatamimicClient (default @mimicfix/core)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const TOKEN = 'bench-token';
const PROJECT = 'bench';
const ARTIFACT = 'big.bin';

if (process.argv[2] === '--child') {
  await child(process.argv[3], JSON.parse(process.argv[4]));
} else if (process.argv[1] === self) {
  const megabytes = Number(process.env.BENCH_DOWNLOAD_MB ?? 200);
  const repetitions = Number(process.env.BENCH_REPETITIONS ?? 3);
  const result = await benchDownload({ bytes: megabytes * 1024 * 1024, repetitions });
  print(result);
}

/** Runs the benchmark; returns medians (ms), peak RSS (bytes) per side and every raw run. */
export async function benchDownload({ bytes, repetitions }) {
  const { startEmulator } = await import('@mimicfix/emulator');
  const emulator = await startEmulator({ tokens: TOKEN, syntheticArtifacts: { [ARTIFACT]: bytes } });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-bench-download-'));
  try {
    const task = await emulator.seedTask(PROJECT, {});
    const job = { url: emulator.url, task, bytes };
    const runs = { client: [], raw: [] };
    for (let i = 0; i < repetitions; i++) {
      // Alternate the order so that neither side always runs on a warmer machine.
      const order = i % 2 === 0 ? ['client', 'raw'] : ['raw', 'client'];
      for (const side of order) {
        const dir = path.join(work, `${side}-${i}`);
        fs.mkdirSync(dir);
        runs[side].push(await runChild(side, { ...job, dir }));
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const med = (side, key) => median(runs[side].map((r) => r[key]));
    return {
      bytes,
      repetitions,
      clientMs: med('client', 'ms'),
      rawMs: med('raw', 'ms'),
      clientImportMs: med('client', 'importMs'),
      rawImportMs: med('raw', 'importMs'),
      clientMaxRssBytes: Math.max(...runs.client.map((r) => r.maxRssBytes)),
      rawMaxRssBytes: Math.max(...runs.raw.map((r) => r.maxRssBytes)),
      clientRssGrowthBytes: Math.max(...runs.client.map((r) => r.maxRssBytes - r.rssBeforeBytes)),
      rawRssGrowthBytes: Math.max(...runs.raw.map((r) => r.maxRssBytes - r.rssBeforeBytes)),
      runs,
    };
  } finally {
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function runChild(side, job) {
  // The emulator lives in this process: the child must not block it, so spawn asynchronously.
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [self, '--child', side, JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (c) => {
      out += c;
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`${side} child exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

async function child(side, job) {
  // Imports are timed apart: @mimicfix/core pulls in the engine (faker), which is not download cost.
  const importStarted = performance.now();
  let download;
  if (side === 'client') {
    const from = process.env.BENCH_CLIENT_MODULE
      ? pathToFileURL(path.resolve(process.env.BENCH_CLIENT_MODULE)).href
      : '@mimicfix/core';
    const { DatamimicClient } = await import(from);
    download = async () => {
      const client = new DatamimicClient({ url: job.url, projectId: PROJECT, token: TOKEN });
      const [artifact] = (await client.listArtifacts(job.task)).filter((a) => a.name === ARTIFACT);
      const n = await client.downloadArtifact(job.task, artifact, path.join(job.dir, ARTIFACT));
      await client.close();
      return n;
    };
  } else {
    const { stream } = await import('undici');
    download = async () => {
      const url = `${job.url}/api/v2/projects/${PROJECT}/tasks/${job.task}/artifacts/${ARTIFACT}/download`;
      const file = path.join(job.dir, ARTIFACT);
      await stream(url, { method: 'GET', headers: { authorization: `Bearer ${TOKEN}` } }, () =>
        fs.createWriteStream(file),
      );
      return fs.statSync(file).size;
    };
  }
  const importMs = performance.now() - importStarted;
  const rssBeforeBytes = process.memoryUsage().rss;
  const started = performance.now();
  const written = await download();
  const ms = performance.now() - started;
  if (written !== job.bytes) throw new Error(`${side}: wrote ${written} bytes, expected ${job.bytes}`);
  // maxRSS is in kilobytes; it is the peak of this whole (fresh) process.
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ ms, importMs, maxRssBytes, rssBeforeBytes })}\n`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function print(r) {
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `download ${mb(r.bytes)} from the emulator, ${r.repetitions} repetitions, median of fresh child processes`,
  );
  console.log(
    `  mimicfix client → temp store dir: ${r.clientMs.toFixed(0)} ms (imports ${r.clientImportMs.toFixed(0)} ms), peak RSS ${mb(r.clientMaxRssBytes)} (+${mb(r.clientRssGrowthBytes)} during the download)`,
  );
  console.log(
    `  raw undici stream() → file:       ${r.rawMs.toFixed(0)} ms (imports ${r.rawImportMs.toFixed(0)} ms), peak RSS ${mb(r.rawMaxRssBytes)} (+${mb(r.rawRssGrowthBytes)} during the download)`,
  );
  console.log(`  ratio client / raw (download only): ${(r.clientMs / r.rawMs).toFixed(2)}×`);
}
