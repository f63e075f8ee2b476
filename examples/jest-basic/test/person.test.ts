import { useDatamimic } from '@mimicfix/jest';
import { readDataFile } from './data-file';

interface Address {
  kind: string;
  street: string;
  city: string;
  zip_code: string;
  country_code: string;
}

interface Person {
  id: number;
  given_name: string;
  family_name: string;
  full_name: string;
  age: number;
  is_senior: boolean;
  email: string;
  status: string;
  employer: string;
  sector: string;
  tenant: string;
  addresses: Address[];
}

/** Rows of a `.ent.csv`/`.wgt.csv` file next to the descriptor. */
function csvRows(file: string): string[][] {
  return readDataFile(file)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('|'));
}

// Synchronous: usable at module top level, e.g. in describe.each.
const people = useDatamimic<Person>('person');

describe('person dataset', () => {
  it('has the count the descriptor asks for, with ids 1..1000 in order', () => {
    expect(people).toHaveLength(1000);
    expect(people.map((p) => p.id)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('takes names and ages from the Person entity (min_age=18, max_age=80)', () => {
    for (const p of people) {
      expect(p.given_name).toMatch(/\S/);
      expect(p.family_name).toMatch(/\S/);
      expect(p.full_name).toBe(`${p.given_name} ${p.family_name}`);
      expect(Number.isInteger(p.age)).toBe(true);
      expect(p.age).toBeGreaterThanOrEqual(18);
      expect(p.age).toBeLessThanOrEqual(80);
      expect(p.is_senior).toBe(p.age >= 65);
    }
    // A realistic spread, not one value repeated.
    expect(new Set(people.map((p) => p.family_name)).size).toBeGreaterThan(50);
    expect(new Set(people.map((p) => p.age)).size).toBeGreaterThan(30);
  });

  it('builds unique e-mail addresses from the name, the id and conf/base.properties', () => {
    for (const p of people) {
      expect(p.email.startsWith(`${p.given_name.toLowerCase()}.`)).toBe(true);
      expect(p.email.endsWith(`${p.id}@example.test`)).toBe(true);
      expect(p.tenant).toBe('acme-test');
    }
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
  });

  it('draws statuses only from data/status.wgt.csv, most often the heaviest one', () => {
    const weighted = csvRows('status.wgt.csv').map(([value]) => value);
    const counts = new Map<string, number>();
    for (const p of people) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
    expect([...counts.keys()].every((s) => weighted.includes(s))).toBe(true);
    // active has weight 70 of 100: with 1000 draws it is far ahead of inactive (20) and suspended (10).
    expect(counts.get('active') ?? 0).toBeGreaterThan(counts.get('inactive') ?? 0);
    expect(counts.get('inactive') ?? 0).toBeGreaterThan(0);
  });

  it('takes employer and sector together from one row of data/companies.ent.csv', () => {
    const [, ...rows] = csvRows('companies.ent.csv');
    const sectorOf = new Map(rows.map(([name, sector]) => [name, sector]));
    for (const p of people) expect(sectorOf.get(p.employer)).toBe(p.sector);
  });

  it('gives everyone one to three addresses (minCount=1, maxCount=3)', () => {
    const sizes = new Set<number>();
    for (const p of people) {
      expect(p.addresses.length).toBeGreaterThanOrEqual(1);
      expect(p.addresses.length).toBeLessThanOrEqual(3);
      sizes.add(p.addresses.length);
      for (const a of p.addresses) {
        expect(['home', 'work', 'billing']).toContain(a.kind);
        expect(a.street).toMatch(/\S/);
        expect(a.city).toMatch(/\S/);
        expect(a.country_code).toBe('US');
      }
    }
    expect([...sizes].sort()).toEqual([1, 2, 3]);
  });

  it('returns the same parsed records to every caller in a test file', () => {
    expect(useDatamimic<Person>('person')).toBe(people);
  });
});

// The records are there at collection time, so they can parametrise tests.
describe.each(people.slice(0, 3))('person $id', (person) => {
  it('has a full name', () => expect(person.full_name).toMatch(/\S \S/));
});
