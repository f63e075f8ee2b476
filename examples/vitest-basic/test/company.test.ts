import fs from 'node:fs';
import { test } from '@mimicfix/vitest';
import { expect } from 'vitest';

interface Company {
  name: string;
  sector: string;
  country: string;
  employees: string | number;
  tenant: string;
}

const source = fs
  .readFileSync(new URL('../data/companies.ent.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('|'));

test('company.csv has one row per source row, in source order', ({ datamimic }) => {
  const companies = datamimic<Company>('company');
  expect(companies.map((c) => [c.name, c.sector, c.country])).toEqual(source);
});

test('company rows get generated head counts within IntegerGenerator(min=10, max=5000)', ({ datamimic }) => {
  for (const c of datamimic<Company>('company')) {
    const employees = Number(c.employees);
    expect(Number.isInteger(employees)).toBe(true);
    expect(employees).toBeGreaterThanOrEqual(10);
    expect(employees).toBeLessThanOrEqual(5000);
    expect(c.tenant).toBe('acme-test');
  }
});

test('an unknown dataset name fails with a message that lists the known ones', ({ datamimic }) => {
  let error: unknown;
  try {
    datamimic('persons');
  } catch (err) {
    error = err;
  }
  expect(error).toMatchObject({ code: 'MIMICFIX_DATASET_UNKNOWN' });
  expect(String((error as Error).message)).toMatch(/person/);
  expect(String((error as Error).message)).toMatch(/company/);
});
