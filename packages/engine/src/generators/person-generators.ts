import type { Rng } from '../random/rng';
import { fakerFor } from './faker-for';
import type { GeneratorDef } from './generator-def';
import {
  ACADEMIC_TITLES_DE,
  ACADEMIC_TITLES_US,
  asciiSlug,
  EMAIL_DOMAINS_DE,
  EMAIL_DOMAINS_US,
  isGerman,
  NOBILITY_TITLES_DE,
  NOBILITY_TITLES_EN,
  pickWeighted,
} from './locale-data';
import { countryOf, digits, pickPlace } from './places';

const GERMAN_MOBILE = ['151', '152', '157', '160', '170', '171', '172', '175', '176', '177', '178', '179'];

export type Gender = 'female' | 'male' | 'other';

/** 'female' | 'male' | 'other' by quota (DATAMIMIC's order: female first, then other, rest male). */
export function drawGender(rng: Rng, femaleQuota: number, otherQuota: number): Gender {
  const r = rng.next();
  if (r < femaleQuota) return 'female';
  if (r < femaleQuota + otherQuota) return 'other';
  return 'male';
}

function normGender(g: string | undefined): 'female' | 'male' | undefined {
  if (!g) return undefined;
  const s = g.toLowerCase();
  if (s === 'f' || s === 'female' || s === 'w' || s === 'woman') return 'female';
  if (s === 'm' || s === 'male' || s === 'man') return 'male';
  return undefined;
}

/** GivenNameGenerator(dataset, gender): a first name of the dataset; `gender` 'male'/'female' (else either). */
export const givenNameGenerator: GeneratorDef = {
  name: 'GivenNameGenerator',
  params: ['dataset', 'gender', 'locale'],
  create(a, ctx) {
    const { faker } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    const raw = a.str('gender');
    const gender = normGender(raw);
    if (raw !== undefined && gender === undefined && raw.toLowerCase() !== 'other')
      throw a.fail(`argument "gender" must be 'male' or 'female', got "${raw}"`);
    return { next: () => faker.person.firstName(gender ?? (ctx.rng.bool() ? 'female' : 'male')) };
  },
};

/** FamilyNameGenerator(dataset): a family name of the dataset. */
export const familyNameGenerator: GeneratorDef = {
  name: 'FamilyNameGenerator',
  params: ['dataset', 'locale'],
  create(a, ctx) {
    const { faker } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    return { next: () => faker.person.lastName() };
  },
};

/**
 * GenderGenerator(female_quota, other_gender_quota): 'female' | 'male' | 'other'. Defaults as DATAMIMIC:
 * 0.49 / 0.02 when neither is given; only `other_gender_quota` → female gets half of the rest; only
 * `female_quota` → other is 0.02 (at most what is left).
 */
export const genderGenerator: GeneratorDef = {
  name: 'GenderGenerator',
  params: ['female_quota', 'other_gender_quota'],
  create(a, ctx) {
    const hasF = a.has('female_quota');
    const hasO = a.has('other_gender_quota');
    const other = hasO
      ? a.quota('other_gender_quota', 0)
      : hasF
        ? Math.min(0.02, 1 - a.quota('female_quota', 0))
        : 0.02;
    const female = hasF ? a.quota('female_quota', 0) : hasO ? (1 - other) / 2 : 0.49;
    if (female + other > 1) throw a.fail('arguments "female_quota" + "other_gender_quota" must not exceed 1');
    return { next: () => drawGender(ctx.rng, female, other) };
  },
};

/** An ASCII address from the names, in one of DATAMIMIC's four styles: given.family, given_family, givenfamily, gfamily. */
export function emailFor(rng: Rng, given: string, family: string, domain: string): string {
  const g = asciiSlug(given) || 'user';
  const f = asciiSlug(family) || 'mail';
  const style = rng.int(0, 3);
  const local =
    style === 0 ? `${g}.${f}` : style === 1 ? `${g}_${f}` : style === 2 ? `${g}${f}` : `${g[0]}${f}`;
  return `${local}@${domain}`;
}

/** EmailAddressGenerator(dataset, given_name, family_name): an address built from a (given or random) name. */
export const emailAddressGenerator: GeneratorDef = {
  name: 'EmailAddressGenerator',
  params: ['dataset', 'given_name', 'family_name', 'locale'],
  create(a, ctx) {
    const { faker, dataset, locale } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    const domains = isGerman(dataset, locale) ? EMAIL_DOMAINS_DE : EMAIL_DOMAINS_US;
    const given = a.str('given_name');
    const family = a.str('family_name');
    return {
      next: () =>
        emailFor(
          ctx.rng,
          given ?? faker.person.firstName(),
          family ?? faker.person.lastName(),
          ctx.rng.pick(domains),
        ),
    };
  },
};

/**
 * PhoneNumberGenerator(dataset, area_code, is_mobile=False): DATAMIMIC's international format
 * `+<country code>-<area code>-<local number>` with area code + local number = 10 digits, e.g. `+1-212-5550134`,
 * `+49-89-12345678`. Area codes are those of real cities of the dataset; mobile numbers use a mobile prefix.
 */
export const phoneNumberGenerator: GeneratorDef = {
  name: 'PhoneNumberGenerator',
  params: ['dataset', 'area_code', 'is_mobile', 'mobile', 'locale'],
  create(a, ctx) {
    const { dataset, locale } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    const german = isGerman(dataset, locale);
    const mobile = a.bool('is_mobile', a.bool('mobile', false));
    const fixedArea = a.raw('area_code');
    if (fixedArea !== undefined && fixedArea !== null && !/^\d{1,6}$/.test(String(fixedArea))) {
      throw a.fail(`argument "area_code" must be 1 to 6 digits, got ${JSON.stringify(fixedArea)}`);
    }
    const country = countryOf(german ? dataset || 'DE' : dataset || 'US');
    const cc = country.callingCode.slice(1);
    return {
      next: () => {
        let area: string;
        if (mobile) area = german ? ctx.rng.pick(GERMAN_MOBILE) : String(ctx.rng.int(201, 989));
        else if (fixedArea !== undefined && fixedArea !== null) area = String(fixedArea);
        else area = pickPlace(ctx.rng, german).areaCode.replace(/^0/, '');
        return `+${cc}-${area}-${digits(ctx.rng, Math.max(1, 10 - area.length))}`;
      },
    };
  },
};

/** AcademicTitleGenerator(dataset, quota=0.5): a title ('Dr.', 'Prof. Dr.', 'PhD', ...) with probability `quota`, else ''. */
export const academicTitleGenerator: GeneratorDef = {
  name: 'AcademicTitleGenerator',
  params: ['dataset', 'quota', 'locale'],
  create(a, ctx) {
    const { dataset, locale } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    const quota = a.quota('quota', 0.5);
    const table = isGerman(dataset, locale) ? ACADEMIC_TITLES_DE : ACADEMIC_TITLES_US;
    return { next: () => (ctx.rng.next() < quota ? pickWeighted(ctx.rng, table) : '') };
  },
};

/** A nobility title for the gender ('' for 'other'). */
export function nobilityTitleFor(rng: Rng, gender: Gender, german: boolean): string {
  if (gender === 'other') return '';
  const t = german ? NOBILITY_TITLES_DE : NOBILITY_TITLES_EN;
  return rng.pick(t[gender]);
}

/**
 * NobilityTitleGenerator(dataset, gender, noble_quota=0.001): for gender 'male'/'female' a title with
 * probability `noble_quota`, else ''. Without a gender (or 'other') always '' (as DATAMIMIC).
 */
export const nobilityTitleGenerator: GeneratorDef = {
  name: 'NobilityTitleGenerator',
  params: ['dataset', 'gender', 'noble_quota', 'locale'],
  create(a, ctx) {
    const { dataset, locale } = fakerFor(ctx, a.str('dataset'), a.str('locale'));
    const quota = a.quota('noble_quota', 0.001);
    const fixed = normGender(a.str('gender'));
    const german = isGerman(dataset, locale);
    return {
      next: () => {
        if (!fixed || ctx.rng.next() >= quota) return '';
        return nobilityTitleFor(ctx.rng, fixed, german);
      },
    };
  },
};
