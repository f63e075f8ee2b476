#!/usr/bin/env node
// `pnpm bench` (after `turbo run build`): runs every benchmark in one process, prints medians and ratios, and
// writes the raw figures to bench/.tmp/results.json. Figures and method are recorded in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchGenerate } from './generate.mjs';
import { ms, perSecond, thousands } from './lib.mjs';
import { benchLoad } from './load.mjs';
import { benchThroughput, printThroughput, throughputSettings, throughputTitle } from './throughput.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const exampleDir = path.resolve(benchDir, '../examples/vitest-basic');
const tmpDir = path.join(benchDir, '.tmp');
fs.mkdirSync(tmpDir, { recursive: true });

const LOAD_RECORDS = Number(process.env.BENCH_LOAD_RECORDS ?? 100_000);
const GENERATE_RECORDS = Number(process.env.BENCH_GENERATE_RECORDS ?? 20_000);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 7);
// Generation is the slow half: three runs give a median within the ~2 minute budget.
const GENERATE_REPETITIONS = 3;

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `mimicfix bench — Node ${process.version}, ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}`,
);
console.log(
  `${new Date().toISOString()}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);

const started = Date.now();
console.log(`(a) load ${thousands(LOAD_RECORDS)} person records, ${REPETITIONS} repetitions each`);
const load = await benchLoad({
  exampleDir,
  cacheDir: path.join(tmpDir, 'cache'),
  records: LOAD_RECORDS,
  repetitions: REPETITIONS,
});
console.log(
  `    artifact: ${(load.bytes / 1e6).toFixed(1)} MB (prepared: ${load.prepare.status} in ${ms(load.prepare.ms)})`,
);
console.log(`    resolve on a cache hit (key check + manifest read): ${ms(load.hitResolveMs)}`);
console.log(`    core accessor (useDatamimic):   median ${ms(load.accessorMedian)}`);
console.log(`    JSON.parse(fs.readFileSync):     median ${ms(load.parseMedian)}`);
console.log(`    ratio accessor / JSON.parse:     ${(load.accessorMedian / load.parseMedian).toFixed(2)}×\n`);

console.log(
  `(b) generate ${thousands(GENERATE_RECORDS)} person records (example descriptor), ${GENERATE_REPETITIONS} repetitions each`,
);
const gen = await benchGenerate({
  exampleDir,
  tmpDir,
  records: GENERATE_RECORDS,
  repetitions: GENERATE_REPETITIONS,
});
const engineRate = perSecond(gen.records, gen.engineMedian);
const fakerRate = perSecond(gen.records, gen.fakerMedian);
console.log(
  `    mimicfix engine:        median ${ms(gen.engineMedian)} = ${thousands(engineRate)} records/s`,
);
console.log(`    hand-written faker loop: median ${ms(gen.fakerMedian)} = ${thousands(fakerRate)} records/s`);
console.log(`    ratio engine / faker (records/s): ${(engineRate / fakerRate).toFixed(2)}×\n`);

const tp = throughputSettings();
console.log(throughputTitle(tp.records, tp.repetitions));
const throughput = await benchThroughput({ tmpDir, records: tp.records, repetitions: tp.repetitions });
printThroughput(throughput);
console.log('');

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpu,
  loadAverage: os.loadavg(),
  load,
  generate: { ...gen, engineRate, fakerRate },
  throughput,
};
fs.writeFileSync(path.join(tmpDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

// Other benchmarks that live in bench/ as standalone scripts run after ours, in their own process.
for (const extra of ['download.mjs']) {
  const file = path.join(benchDir, extra);
  if (!fs.existsSync(file)) continue;
  console.log(`(${extra})`);
  const child = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (child.status !== 0) process.exitCode = 1;
}
console.log(
  `bench done in ${((Date.now() - started) / 1000).toFixed(1)} s; raw figures in bench/.tmp/results.json`,
);
