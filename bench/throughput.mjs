#!/usr/bin/env node
// (c) Engine throughput (issue 6.8): the mimicfix engine running bench/fixtures/throughput/datamimic.xml (10 keys,
// a Person entity, a script key, a nested list of 3 addresses from an Address entity) against a hand-written
// @faker-js/faker loop that builds records of the same shape and writes them as a JSON array file.
// Target: the engine reaches at least half the faker loop's records per second.
//
// Run on its own: `node bench/throughput.mjs` (after `pnpm --filter @mimicfix/engine build`), or through
// `pnpm bench` (bench/run.mjs imports `benchThroughput`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { base, en, en_US, Faker } from '@faker-js/faker';
import { generate } from '@mimicfix/engine';
import { median, ms, perSecond, settle, thousands, timed } from './lib.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const THROUGHPUT_DESCRIPTOR = path.join(benchDir, 'fixtures/throughput/datamimic.xml');
/** Records and repetitions from BENCH_THROUGHPUT_RECORDS (default 20000) and BENCH_THROUGHPUT_REPETITIONS (5). */
export function throughputSettings() {
  return {
    records: Number(process.env.BENCH_THROUGHPUT_RECORDS ?? 20_000),
    repetitions: Number(process.env.BENCH_THROUGHPUT_REPETITIONS ?? 5),
  };
}

/** The acceptance target of issue 6.8: engine records/s ÷ faker records/s. */
export const THROUGHPUT_TARGET = 0.5;

const STATUSES = ['active', 'inactive', 'pending'];

/** `1975-06-15T00:00:00`: a naive ISO datetime, as the engine writes a Person's birthdate. */
function isoDate(d) {
  return d.toISOString().slice(0, 19);
}

/**
 * What a team would write by hand instead of the descriptor: the same 10 keys and the same 3 addresses per
 * record, from the same kinds of faker data (names, email, birthdate, street, house number, city, zip code).
 */
function fakerPeople(count, seed) {
  const faker = new Faker({ locale: [en_US, en, base] });
  faker.seed(seed);
  const people = [];
  for (let id = 1; id <= count; id++) {
    const given = faker.person.firstName();
    const family = faker.person.lastName();
    const addresses = [];
    for (let n = 0; n < 3; n++) {
      addresses.push({
        street: faker.location.street(),
        house_number: faker.location.buildingNumber(),
        city: faker.location.city(),
        zip_code: faker.location.zipCode(),
        country_code: 'US',
      });
    }
    people.push({
      id,
      given_name: given,
      family_name: family,
      full_name: `${given} ${family}`,
      email: faker.internet.email({ firstName: given, lastName: family }),
      birthdate: isoDate(faker.date.birthdate({ mode: 'age', min: 18, max: 80 })),
      score: faker.number.int({ min: 1, max: 100 }),
      status: faker.helpers.arrayElement(STATUSES),
      newsletter: faker.datatype.boolean({ probability: 0.3 }),
      tenant: 'acme-test',
      addresses,
    });
  }
  return people;
}

/** The engine's JSON layout (`[\n` + one record per line joined by `,\n` + `\n]`), written with JSON.stringify. */
function writeJsonArray(file, records) {
  let out = '[\n';
  for (let i = 0; i < records.length; i++) out += (i ? ',\n' : '') + JSON.stringify(records[i]);
  fs.writeFileSync(file, `${out}\n]`);
}

/**
 * Runs engine and faker loop alternately (one untimed warm-up of each first, then `repetitions` timed runs of
 * each with a full GC before every run) and returns every time plus the medians and the ratio.
 */
export async function benchThroughput({ tmpDir, records, repetitions }) {
  const engineOut = path.join(tmpDir, 'throughput-engine');
  const fakerOut = path.join(tmpDir, 'throughput-faker');
  const engineMs = [];
  const fakerMs = [];
  const engineRun = async (seed) => {
    fs.rmSync(engineOut, { recursive: true, force: true });
    settle();
    const [t, result] = await timed(() =>
      generate(THROUGHPUT_DESCRIPTOR, { outDir: engineOut, counts: { person: records }, seed }),
    );
    if (result.counts.person !== records) throw new Error(`engine wrote ${result.counts.person} records`);
    return t;
  };
  const fakerRun = async (seed) => {
    fs.rmSync(fakerOut, { recursive: true, force: true });
    fs.mkdirSync(fakerOut, { recursive: true });
    settle();
    const [t] = await timed(() =>
      writeJsonArray(path.join(fakerOut, 'person.json'), fakerPeople(records, seed)),
    );
    return t;
  };
  // warm-up: JIT and faker's locale data, not timed
  await engineRun(0);
  await fakerRun(0);
  for (let i = 1; i <= repetitions; i++) {
    // alternate which side goes first so that neither always runs on the warmer (or busier) machine
    if (i % 2) {
      engineMs.push(await engineRun(i));
      fakerMs.push(await fakerRun(i));
    } else {
      fakerMs.push(await fakerRun(i));
      engineMs.push(await engineRun(i));
    }
  }
  const bytes = {
    engine: fs.statSync(path.join(engineOut, 'person.json')).size,
    faker: fs.statSync(path.join(fakerOut, 'person.json')).size,
  };
  fs.rmSync(engineOut, { recursive: true, force: true });
  fs.rmSync(fakerOut, { recursive: true, force: true });
  const engineMedian = median(engineMs);
  const fakerMedian = median(fakerMs);
  const engineRate = perSecond(records, engineMedian);
  const fakerRate = perSecond(records, fakerMedian);
  return {
    records,
    repetitions,
    engineMs,
    fakerMs,
    engineMedian,
    fakerMedian,
    engineRate,
    fakerRate,
    ratio: engineRate / fakerRate,
    target: THROUGHPUT_TARGET,
    bytes,
  };
}

/** Prints the figures of `benchThroughput` (shared by `node bench/throughput.mjs` and bench/run.mjs). */
export function printThroughput(r, log = console.log) {
  log(`    mimicfix engine:         median ${ms(r.engineMedian)} = ${thousands(r.engineRate)} records/s`);
  log(`    hand-written faker loop: median ${ms(r.fakerMedian)} = ${thousands(r.fakerRate)} records/s`);
  log(
    `    ratio engine / faker (records/s): ${r.ratio.toFixed(2)}× — ${r.ratio >= r.target ? 'PASS' : 'FAIL'} (target ≥ ${r.target}×)`,
  );
  log(
    `    files: engine ${(r.bytes.engine / 1e6).toFixed(1)} MB, faker ${(r.bytes.faker / 1e6).toFixed(1)} MB`,
  );
}

/** The heading line of this benchmark. */
export function throughputTitle(records, repetitions) {
  return (
    `(c) engine throughput (issue 6.8): ${thousands(records)} records of bench/fixtures/throughput/datamimic.xml, ` +
    `warm-up + ${repetitions} repetitions each`
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { records, repetitions } = throughputSettings();
  const tmpDir = path.join(benchDir, '.tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  console.log(throughputTitle(records, repetitions));
  const r = await benchThroughput({ tmpDir, records, repetitions });
  printThroughput(r);
  // The figure is reported, not asserted: PASS/FAIL is printed, the exit code stays 0.
}
