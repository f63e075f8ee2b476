import type { Faker } from '@faker-js/faker';
import { createFaker } from '../random/faker';
import type { GenContext } from './types';

/**
 * The faker for an explicit `dataset=`/`locale=` argument, or the context's own. Driven by the same `ctx.rng`,
 * so it stays deterministic.
 */
export function fakerFor(
  ctx: GenContext,
  dataset?: string,
  locale?: string,
): { faker: Faker; dataset: string; locale: string } {
  if (
    (dataset === undefined || dataset.toUpperCase() === ctx.dataset.toUpperCase()) &&
    (locale === undefined || locale === ctx.locale)
  ) {
    return { faker: ctx.faker, dataset: ctx.dataset, locale: ctx.locale };
  }
  const ds = dataset ?? (locale ? '' : ctx.dataset);
  const lc = locale ?? ctx.locale;
  return { faker: createFaker(ctx.rng, ds || undefined, lc), dataset: ds, locale: lc };
}
