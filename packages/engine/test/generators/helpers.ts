import type { GenContext } from '../../src/generators/index';
import { createFaker } from '../../src/random/faker';
import { Rng } from '../../src/random/rng';

export const LOC = { file: 'datamimic.xml', line: 7, column: 5 };
export const NOW = new Date(Date.UTC(2025, 5, 15, 12, 0, 0));

/** A fresh context as the runtime builds one: faker driven by the same Rng. */
export function makeCtx(dataset = 'US', seed: string | number = 42): GenContext {
  const rng = new Rng(seed);
  const locale = dataset === 'DE' ? 'de' : 'en';
  return { rng, faker: createFaker(rng, dataset, locale), dataset, locale, now: NOW, shared: new Map() };
}

/** Catches the thrown error (the test fails if nothing is thrown). */
export function thrown(fn: () => unknown): {
  code?: string;
  message: string;
  hint?: string;
  location?: { line: number; column: number };
} {
  try {
    fn();
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected an error');
}
