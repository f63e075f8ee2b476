// (b) Generation throughput: the mimicfix engine running examples/vitest-basic/datamimic.xml against a
// hand-written @faker-js/faker loop that builds records of the same shape and writes them as a JSON array.
import fs from 'node:fs';
import path from 'node:path';
import { base, en, en_US, Faker } from '@faker-js/faker';
import { generate } from '@mimicfix/engine';
import { median, settle, timed } from './lib.mjs';

function readRows(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('|'));
}

/** What a team would write by hand instead of the descriptor: same keys, same sources, same weights. */
function fakerPeople(count, exampleDir) {
  const faker = new Faker({ locale: [en_US, en, base] });
  faker.seed(42);
  const [, ...companies] = readRows(path.join(exampleDir, 'data/companies.ent.csv'));
  const statuses = readRows(path.join(exampleDir, 'data/status.wgt.csv')).map(([value, weight]) => ({
    value,
    weight: Number(weight),
  }));
  const people = [];
  for (let id = 1; id <= count; id++) {
    const given = faker.person.firstName();
    const family = faker.person.lastName();
    const age = faker.number.int({ min: 18, max: 80 });
    const [employer, sector] = companies[(id - 1) % companies.length];
    const addresses = [];
    for (let n = faker.number.int({ min: 1, max: 3 }); n > 0; n--) {
      addresses.push({
        kind: faker.helpers.arrayElement(['home', 'work', 'billing']),
        street: faker.location.street(),
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
      age,
      is_senior: age >= 65,
      email: `${given.toLowerCase()}.${family.toLowerCase()}${id}@example.test`,
      status: faker.helpers.weightedArrayElement(statuses),
      employer,
      sector,
      tenant: 'acme-test',
      addresses,
    });
  }
  return people;
}

export async function benchGenerate({ exampleDir, tmpDir, records, repetitions }) {
  const descriptor = path.join(exampleDir, 'datamimic.xml');
  const engineMs = [];
  const fakerMs = [];
  for (let i = 0; i < repetitions; i++) {
    const engineOut = path.join(tmpDir, `engine-${i}`);
    const fakerOut = path.join(tmpDir, `faker-${i}`);
    fs.rmSync(engineOut, { recursive: true, force: true });
    fs.rmSync(fakerOut, { recursive: true, force: true });
    fs.mkdirSync(fakerOut, { recursive: true });

    settle();
    const [tEngine, result] = await timed(() =>
      generate(descriptor, { outDir: engineOut, counts: { person: records }, only: ['person'], seed: i }),
    );
    if (result.counts.person !== records) throw new Error(`engine wrote ${result.counts.person} records`);
    engineMs.push(tEngine);

    settle();
    const [tFaker] = await timed(() =>
      fs.promises.writeFile(
        path.join(fakerOut, 'person.json'),
        JSON.stringify(fakerPeople(records, exampleDir)),
      ),
    );
    fakerMs.push(tFaker);
    fs.rmSync(engineOut, { recursive: true, force: true });
    fs.rmSync(fakerOut, { recursive: true, force: true });
  }
  return { records, engineMs, fakerMs, engineMedian: median(engineMs), fakerMedian: median(fakerMs) };
}
