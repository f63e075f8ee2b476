import {
  base,
  de,
  de_AT,
  de_CH,
  en,
  en_GB,
  en_US,
  es,
  Faker,
  fr,
  it,
  type LocaleDefinition,
} from '@faker-js/faker';
import type { Rng } from './rng';

/**
 * DATAMIMIC selects data by `dataset` (US, DE, GB, ...) and `locale` (en, de, ...). This maps both onto a faker
 * locale chain. Faker is driven by our Rng (a custom randomizer), never by its own seeding, so output depends
 * only on the descriptor and seed.
 */
const BY_DATASET: Record<string, LocaleDefinition[]> = {
  US: [en_US, en, base],
  DE: [de, en, base],
  AT: [de_AT, de, en, base],
  CH: [de_CH, de, en, base],
  GB: [en_GB, en, base],
  UK: [en_GB, en, base],
  FR: [fr, en, base],
  ES: [es, en, base],
  IT: [it, en, base],
};
const BY_LOCALE: Record<string, LocaleDefinition[]> = {
  en: [en_US, en, base],
  de: [de, en, base],
  fr: [fr, en, base],
  es: [es, en, base],
  it: [it, en, base],
};

/** Datasets with realistic data; others fall back to US. */
export const SUPPORTED_DATASETS = Object.keys(BY_DATASET);

export function localeChain(dataset?: string, locale?: string): LocaleDefinition[] {
  if (dataset) {
    const chain = BY_DATASET[dataset.toUpperCase()];
    if (chain) return chain;
  }
  if (locale) {
    const chain = BY_LOCALE[locale.toLowerCase().split(/[-_]/)[0] ?? ''];
    if (chain) return chain;
  }
  return BY_DATASET.US as LocaleDefinition[];
}

/** A faker instance whose every random draw comes from `rng`. */
export function createFaker(rng: Rng, dataset?: string, locale?: string): Faker {
  return new Faker({
    locale: localeChain(dataset, locale),
    randomizer: {
      next: () => rng.next(),
      seed: () => {
        /* seeding is owned by Rng */
      },
    },
  });
}
