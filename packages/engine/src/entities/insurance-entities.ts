import { asciiSlug } from '../generators/locale-data';
import { phoneFor, pickPlace } from '../generators/places';
import type { Rng } from '../random/rng';
import {
  dayOffset,
  digitString,
  type EntityDef,
  type EntityEnv,
  money,
  prefixedId,
  sample,
} from './entity-def';

const COMPANIES_DE: readonly (readonly [string, string, number])[] = [
  ['Allianz Versicherungs-AG', 'ALZ', 1890],
  ['AXA Konzern AG', 'AXA', 1839],
  ['ERGO Versicherung AG', 'ERG', 1997],
  ['HUK-COBURG', 'HUK', 1933],
  ['Generali Deutschland AG', 'GEN', 1831],
  ['R+V Versicherung AG', 'RUV', 1922],
  ['Debeka', 'DEB', 1905],
  ['Signal Iduna', 'SIG', 1907],
] as const;
const COMPANIES_US: readonly (readonly [string, string, number])[] = [
  ['State Farm', 'STF', 1922],
  ['Allstate Insurance Company', 'ALL', 1931],
  ['Progressive Corporation', 'PRG', 1937],
  ['Liberty Mutual', 'LIB', 1912],
  ['Nationwide Mutual Insurance', 'NTW', 1926],
  ['MetLife', 'MET', 1868],
  ['Travelers Companies', 'TRV', 1864],
  ['GEICO', 'GEI', 1936],
] as const;

const PRODUCTS: readonly {
  code: string;
  en: string;
  de: string;
  type: string;
  coverages: readonly [string, string, string, number, number][];
}[] = [
  {
    code: 'AUTO',
    en: 'Auto Insurance',
    de: 'Kfz-Versicherung',
    type: 'AUTO',
    coverages: [
      ['LIAB', 'Liability', 'Haftpflicht', 100_000, 100_000_000],
      ['COLL', 'Collision', 'Vollkasko', 5_000, 100_000],
      ['COMP', 'Comprehensive', 'Teilkasko', 5_000, 80_000],
    ],
  },
  {
    code: 'HOME',
    en: 'Homeowners Insurance',
    de: 'Wohngebäudeversicherung',
    type: 'PROPERTY',
    coverages: [
      ['DWEL', 'Dwelling', 'Gebäude', 100_000, 2_000_000],
      ['CONT', 'Contents', 'Hausrat', 10_000, 300_000],
      ['FLOOD', 'Natural hazards', 'Elementarschäden', 10_000, 500_000],
    ],
  },
  {
    code: 'LIFE',
    en: 'Term Life Insurance',
    de: 'Risikolebensversicherung',
    type: 'LIFE',
    coverages: [
      ['DEATH', 'Death benefit', 'Todesfallleistung', 50_000, 2_000_000],
      ['ACC', 'Accidental death', 'Unfalltod', 50_000, 1_000_000],
    ],
  },
  {
    code: 'HEAL',
    en: 'Health Insurance',
    de: 'Krankenversicherung',
    type: 'HEALTH',
    coverages: [
      ['INP', 'Inpatient care', 'Stationäre Behandlung', 10_000, 1_000_000],
      ['OUTP', 'Outpatient care', 'Ambulante Behandlung', 1_000, 100_000],
      ['DENT', 'Dental', 'Zahnbehandlung', 500, 20_000],
    ],
  },
  {
    code: 'LIAB',
    en: 'Personal Liability Insurance',
    de: 'Privathaftpflichtversicherung',
    type: 'LIABILITY',
    coverages: [
      ['PERS', 'Personal injury', 'Personenschäden', 1_000_000, 50_000_000],
      ['PROP', 'Property damage', 'Sachschäden', 500_000, 50_000_000],
    ],
  },
];

function company(env: EntityEnv) {
  return env.rng.pick(env.german ? COMPANIES_DE : COMPANIES_US);
}

function coverageRecord(
  rng: Rng,
  env: EntityEnv,
  productCode: string,
  c: readonly [string, string, string, number, number],
) {
  const [code, en, de, min, max] = c;
  const limit = Math.round(rng.float(min, max) / 1000) * 1000;
  return {
    name: env.german ? de : en,
    code: `${productCode}-${code}`,
    product_code: productCode,
    description: env.german ? `Deckung für ${de}` : `Coverage for ${en.toLowerCase()}`,
    min_coverage: min,
    max_coverage: max,
    coverage_limit: Math.max(min, Math.min(max, limit)),
    deductible: rng.pick([0, 150, 300, 500, 1000]),
  };
}

export const insuranceCompany: EntityDef = {
  name: 'InsuranceCompany',
  params: [],
  fields: ['id', 'name', 'code', 'founded_year', 'headquarters', 'website', 'phone', 'email'],
  create(_a, env) {
    return () => {
      const [name, code, year] = company(env);
      const place = pickPlace(env.rng, env.german);
      const slug = asciiSlug(name.split(' ')[0] as string);
      return {
        id: prefixedId(env.rng, 'INS', 6),
        name,
        code,
        founded_year: year,
        headquarters: `${place.city}, ${env.german ? 'Deutschland' : place.stateAbbr}`,
        website: `https://www.${slug}.${env.german ? 'de' : 'com'}`,
        phone: phoneFor(env.rng, place, env.german),
        email: `${env.german ? 'kundenservice' : 'customerservice'}@${slug}.${env.german ? 'de' : 'com'}`,
      };
    };
  },
};

export const insuranceProduct: EntityDef = {
  name: 'InsuranceProduct',
  params: [],
  fields: ['id', 'name', 'code', 'type', 'description', 'coverages'],
  create(_a, env) {
    return () => {
      const p = env.rng.pick(PRODUCTS);
      return {
        id: prefixedId(env.rng, 'PRD', 6),
        name: env.german ? p.de : p.en,
        code: p.code,
        type: p.type,
        description: env.german ? `${p.de} für Privatkunden` : `${p.en} for private customers`,
        coverages: p.coverages.map((c) => coverageRecord(env.rng, env, p.code, c)),
      };
    };
  },
};

export const insuranceCoverage: EntityDef = {
  name: 'InsuranceCoverage',
  params: [],
  fields: [
    'name',
    'code',
    'product_code',
    'description',
    'min_coverage',
    'max_coverage',
    'coverage_limit',
    'deductible',
  ],
  create(_a, env) {
    return () => {
      const p = env.rng.pick(PRODUCTS);
      return coverageRecord(env.rng, env, p.code, env.rng.pick(p.coverages));
    };
  },
};

export const insurancePolicy: EntityDef = {
  name: 'InsurancePolicy',
  params: [],
  fields: [
    'id',
    'policy_number',
    'company',
    'product',
    'product_code',
    'policy_holder',
    'start_date',
    'end_date',
    'premium',
    'premium_frequency',
    'currency',
    'coverages',
    'status',
  ],
  create(_a, env) {
    return () => {
      const { rng, faker, german } = env;
      const [companyName, code] = company(env);
      const p = rng.pick(PRODUCTS);
      const start = dayOffset(env.now, -rng.int(0, 5 * 365));
      const end = new Date(
        Date.UTC(start.getUTCFullYear() + rng.pick([1, 1, 2, 5]), start.getUTCMonth(), start.getUTCDate()),
      );
      const freq = rng.pick(['MONTHLY', 'QUARTERLY', 'ANNUALLY']);
      const annual = rng.float(120, 3600);
      return {
        id: prefixedId(rng, 'POL', 8),
        policy_number: `${code}-${p.code}-${digitString(rng, 8)}`,
        company: companyName,
        product: german ? p.de : p.en,
        product_code: p.code,
        policy_holder: `${faker.person.firstName()} ${faker.person.lastName()}`,
        start_date: start,
        end_date: end,
        premium: money(freq === 'MONTHLY' ? annual / 12 : freq === 'QUARTERLY' ? annual / 4 : annual),
        premium_frequency: freq,
        currency: german ? 'EUR' : 'USD',
        coverages: sample(rng, p.coverages, rng.int(1, p.coverages.length)).map((c) =>
          coverageRecord(rng, env, p.code, c),
        ),
        status:
          end.getTime() < env.now.getTime()
            ? 'EXPIRED'
            : rng.pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'PENDING', 'CANCELLED']),
      };
    };
  },
};
