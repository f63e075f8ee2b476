import { test, useDatamimic } from '@mimicfix/vitest';
import { describe, expect, inject } from 'vitest';

interface Customer {
  id: number;
  given_name: string;
  family_name: string;
  age: number;
  plan: 'free' | 'pro' | 'enterprise';
}

interface Invoice {
  invoice_id: string | number;
  customer_id: string | number;
  amount_cents: string | number;
}

const customers = useDatamimic<Customer>('customer');

describe('frozen mode', () => {
  test('the datasets come from the pre-warmed cache: frozen mode never generates', () => {
    expect(process.env.MIMICFIX_MODE, 'run the tests through `node run.mjs` (pnpm test)').toBe('frozen');
    const manifest = inject('mimicfix');
    expect(manifest.status).toBe('hit');
    expect(manifest.reason).toBe('hit');
    expect(Object.keys(manifest.datasets).sort()).toEqual(['customer', 'invoice']);
  });
});

describe('customer', () => {
  test('has 200 records with ids 1..200', () => {
    expect(customers).toHaveLength(200);
    expect(customers.map((c) => c.id)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  test('names and ages come from the Person entity (21..70)', () => {
    for (const c of customers) {
      expect(c.given_name).toMatch(/\S/);
      expect(c.family_name).toMatch(/\S/);
      expect(Number.isInteger(c.age)).toBe(true);
      expect(c.age).toBeGreaterThanOrEqual(21);
      expect(c.age).toBeLessThanOrEqual(70);
    }
  });

  test('plans are drawn from data/plans.wgt.csv, free most often', () => {
    const counts = { free: 0, pro: 0, enterprise: 0 };
    for (const c of customers) counts[c.plan]++;
    expect(counts.free + counts.pro + counts.enterprise).toBe(200);
    expect(counts.free).toBeGreaterThan(counts.pro);
    expect(counts.pro).toBeGreaterThan(0);
  });
});

test('invoice.csv: 500 rows, ids from 1000, customer ids and amounts in range', ({ datamimic }) => {
  const invoices = datamimic<Invoice>('invoice');
  expect(invoices).toHaveLength(500);
  expect(invoices.map((i) => Number(i.invoice_id))).toEqual(Array.from({ length: 500 }, (_, i) => 1000 + i));
  for (const i of invoices) {
    expect(Number(i.customer_id)).toBeGreaterThanOrEqual(1);
    expect(Number(i.customer_id)).toBeLessThanOrEqual(200);
    expect(Number(i.amount_cents)).toBeGreaterThanOrEqual(100);
    expect(Number(i.amount_cents)).toBeLessThanOrEqual(99_900);
  }
});
