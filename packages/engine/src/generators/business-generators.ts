import { fakerFor } from './faker-for';
import type { GeneratorDef } from './generator-def';
import {
  asciiSlug,
  DEPARTMENTS_DE,
  DEPARTMENTS_EN,
  isGerman,
  SECTORS_DE,
  SECTORS_EN,
  TLD_DE,
  TLD_US,
} from './locale-data';

/** CompanyNameGenerator(dataset): a company name in the dataset's style. */
export const companyNameGenerator: GeneratorDef = {
  name: 'CompanyNameGenerator',
  params: ['dataset', 'locale'],
  create(a, ctx) {
    const { faker } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    return { next: () => faker.company.name() };
  },
};

/** DepartmentNameGenerator(dataset, locale): 'Sales', 'Human Resources' / 'Vertrieb', 'Personal', ... */
export const departmentNameGenerator: GeneratorDef = {
  name: 'DepartmentNameGenerator',
  params: ['dataset', 'locale'],
  create(a, ctx) {
    const { dataset, locale } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    const list = isGerman(dataset, locale) ? DEPARTMENTS_DE : DEPARTMENTS_EN;
    return { next: () => ctx.rng.pick(list) };
  },
};

/** SectorGenerator(dataset, locale): an industry sector ('Banking' / 'Bankwesen', ...). */
export const sectorGenerator: GeneratorDef = {
  name: 'SectorGenerator',
  params: ['dataset', 'locale'],
  create(a, ctx) {
    const { dataset, locale } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    const list = isGerman(dataset, locale) ? SECTORS_DE : SECTORS_EN;
    return { next: () => ctx.rng.pick(list) };
  },
};

/** A registrable domain from a company-ish word: `mueller-gruppe.de`, `kulas.com`. */
export function domainFor(
  ctx: { rng: { pick<T>(x: readonly T[]): T } },
  base: string,
  german: boolean,
): string {
  const slug =
    asciiSlug(
      base
        .split(/[\s,&]+/)
        .slice(0, 2)
        .join('-')
        .replace(/-/g, ' ')
        .replace(/\s+/g, '-'),
    ) || 'example';
  return `${slug}.${ctx.rng.pick(german ? TLD_DE : TLD_US)}`;
}

/** DomainGenerator(dataset): a domain name like `schmidt-bau.de` / `kulas.com`. */
export const domainGenerator: GeneratorDef = {
  name: 'DomainGenerator',
  params: ['dataset', 'locale'],
  create(a, ctx) {
    const { faker, dataset, locale } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    const german = isGerman(dataset, locale);
    return {
      next: () =>
        `${asciiSlug(faker.person.lastName())}${ctx.rng.bool(0.3) ? `-${faker.internet.domainWord().split('-')[0]}` : ''}.${ctx.rng.pick(german ? TLD_DE : TLD_US)}`,
    };
  },
};

/** UrlGenerator(dataset, schemes=['https'], path=False): `https://www.kulas.com` (+ a path when `path=True`). */
export const urlGenerator: GeneratorDef = {
  name: 'UrlGenerator',
  params: ['dataset', 'schemes', 'path', 'locale'],
  create(a, ctx) {
    const { faker, dataset, locale } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    const german = isGerman(dataset, locale);
    const schemes = (a.list('schemes') ?? ['https']).map(String);
    if (schemes.length === 0) throw a.fail('argument "schemes" must not be empty');
    const withPath = a.bool('path', false);
    return {
      next: () => {
        const host = `www.${asciiSlug(faker.person.lastName())}.${ctx.rng.pick(german ? TLD_DE : TLD_US)}`;
        const path = withPath
          ? `/${faker.word
              .noun()
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')}`
          : '';
        return `${ctx.rng.pick(schemes)}://${host}${path}`;
      },
    };
  },
};

/** StreetNameGenerator(dataset): a street name ('Goethestraße', 'Maple Avenue', ...). */
export const streetNameGenerator: GeneratorDef = {
  name: 'StreetNameGenerator',
  params: ['dataset', 'locale'],
  create(a, ctx) {
    const { faker } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    return { next: () => faker.location.street() };
  },
};
