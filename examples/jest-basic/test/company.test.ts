import { useDatamimic } from '@mimicfix/jest';
import { readDataFile } from './data-file';

interface Company {
  name: string;
  sector: string;
  country: string;
  employees: string | number;
  tenant: string;
}

const source = readDataFile('companies.ent.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('|'));

test('company.csv has one row per source row, in source order', () => {
  const companies = useDatamimic<Company>('company');
  expect(companies.map((c) => [c.name, c.sector, c.country])).toEqual(source);
});

test('company rows get generated head counts within IntegerGenerator(min=10, max=5000)', () => {
  for (const c of useDatamimic<Company>('company')) {
    const employees = Number(c.employees);
    expect(Number.isInteger(employees)).toBe(true);
    expect(employees).toBeGreaterThanOrEqual(10);
    expect(employees).toBeLessThanOrEqual(5000);
    expect(c.tenant).toBe('acme-test');
  }
});

test('an unknown dataset name fails with a message that lists the known ones', () => {
  // Jest runs tests in their own realm: match on `code`, not on `instanceof`.
  expect(() => useDatamimic('persons')).toThrow(
    expect.objectContaining({ code: 'MIMICFIX_DATASET_UNKNOWN' }),
  );
  expect(() => useDatamimic('persons')).toThrow(/person/);
  expect(() => useDatamimic('persons')).toThrow(/company/);
});
