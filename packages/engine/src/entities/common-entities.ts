import { ageAt } from '../generators/date-format';
import { randomBirthdate } from '../generators/datetime-generator';
import {
  ACADEMIC_TITLES_DE,
  ACADEMIC_TITLES_US,
  asciiSlug,
  EMAIL_DOMAINS_DE,
  EMAIL_DOMAINS_US,
  LEGAL_FORMS_DE,
  LEGAL_FORMS_US,
  pickWeighted,
  SALUTATIONS_DE,
  SALUTATIONS_EN,
  SECTORS_DE,
  SECTORS_EN,
} from '../generators/locale-data';
import { drawGender, emailFor, nobilityTitleFor } from '../generators/person-generators';
import { COUNTRIES, countryOf, type Place, phoneFor, pickPlace, postcodeFor } from '../generators/places';
import type { EntityDef, EntityEnv } from './entity-def';

export interface PersonOptions {
  minAge: number;
  maxAge: number;
  femaleQuota: number;
  otherQuota: number;
  nobleQuota: number;
  academicQuota: number;
}

const BLOOD_TYPES = ['O+', 'A+', 'B+', 'AB+', 'O-', 'A-', 'B-', 'AB-'];
const BLOOD_WEIGHTS = [37, 36, 9, 4, 7, 6, 2, 1];

/** A consistent person: names match gender, email derives from the names, age matches birthdate at `now`. */
export function buildPerson(env: EntityEnv, o: PersonOptions): Record<string, unknown> {
  const { rng, faker, german } = env;
  const gender = drawGender(rng, o.femaleQuota, o.otherQuota);
  const nameSex = gender === 'other' ? (rng.bool() ? 'female' : 'male') : gender;
  const given = faker.person.firstName(nameSex);
  const family = faker.person.lastName();
  const birthdate = randomBirthdate(rng, env.now, o.minAge, o.maxAge);
  const age = ageAt(birthdate, env.now);
  const titleTable = german ? ACADEMIC_TITLES_DE : ACADEMIC_TITLES_US;
  // Nobody under 20 holds a doctorate (as in DATAMIMIC).
  const academic = age >= 20 && rng.next() < o.academicQuota ? pickWeighted(rng, titleTable) : '';
  const noble = rng.next() < o.nobleQuota ? nobilityTitleFor(rng, gender, german) : '';
  const sal = german ? SALUTATIONS_DE : SALUTATIONS_EN;
  const place = pickPlace(rng, german);
  const heightCm = nameSex === 'female' ? rng.int(152, 182) : rng.int(162, 196);
  return {
    given_name: given,
    family_name: family,
    name: `${given} ${family}`,
    gender,
    birthdate,
    age,
    email: emailFor(rng, given, family, rng.pick(german ? EMAIL_DOMAINS_DE : EMAIL_DOMAINS_US)),
    academic_title: academic,
    salutation: gender === 'other' ? '' : sal[gender],
    nobility_title: noble,
    username: `${asciiSlug(given).slice(0, 1)}${asciiSlug(family)}${rng.int(1, 999)}`,
    phone: phoneFor(rng, place, german, rng.bool(0.6)),
    height: heightCm,
    weight: Math.round((heightCm / 100) ** 2 * rng.float(19, 30)),
    blood_type: BLOOD_TYPES[rng.weightedIndex(BLOOD_WEIGHTS)],
    occupation: faker.person.jobTitle(),
    nationality: german ? 'deutsch' : 'American',
  };
}

export const PERSON_FIELDS = [
  'given_name',
  'family_name',
  'name',
  'gender',
  'birthdate',
  'age',
  'email',
  'academic_title',
  'salutation',
  'nobility_title',
  'username',
  'phone',
  'height',
  'weight',
  'blood_type',
  'occupation',
  'nationality',
] as const;

export const person: EntityDef = {
  name: 'Person',
  params: ['min_age', 'max_age', 'female_quota', 'other_gender_quota', 'noble_quota', 'academic_title_quota'],
  fields: PERSON_FIELDS,
  create(a, env) {
    const o: PersonOptions = {
      minAge: a.int('min_age', 15),
      maxAge: a.int('max_age', 105),
      femaleQuota: a.quota('female_quota', 0.5),
      otherQuota: a.quota('other_gender_quota', 0),
      nobleQuota: a.quota('noble_quota', 0.001),
      academicQuota: a.quota('academic_title_quota', 0.5),
    };
    if (o.minAge < 0) throw a.fail('argument "min_age" must not be negative');
    if (o.minAge > o.maxAge)
      throw a.fail(`argument "min_age" (${o.minAge}) must not be greater than "max_age" (${o.maxAge})`);
    if (o.femaleQuota + o.otherQuota > 1)
      throw a.fail('arguments "female_quota" + "other_gender_quota" must not exceed 1');
    return () => buildPerson(env, o);
  },
};

/** Street, number, place and postcode that belong together. */
export function buildLocation(env: EntityEnv): {
  street: string;
  house_number: string;
  place: Place;
  postal_code: string;
} {
  const place = pickPlace(env.rng, env.german);
  return {
    street: env.faker.location.street(),
    house_number: env.german
      ? `${env.rng.int(1, 180)}${env.rng.bool(0.1) ? env.rng.pick(['a', 'b', 'c']) : ''}`
      : String(env.rng.int(1, 9999)),
    place,
    postal_code: postcodeFor(env.rng, place),
  };
}

/** One-line postal address in the country's order. */
export function formatAddress(
  env: EntityEnv,
  street: string,
  no: string,
  zip: string,
  city: string,
  stateAbbr: string,
): string {
  return env.german ? `${street} ${no}, ${zip} ${city}` : `${no} ${street}, ${city}, ${stateAbbr} ${zip}`;
}

export const ADDRESS_FIELDS = [
  'street',
  'house_number',
  'city',
  'state',
  'state_abbr',
  'postal_code',
  'zip_code',
  'country',
  'country_code',
  'continent',
  'calling_code',
  'phone',
  'office_phone',
  'private_phone',
  'mobile_phone',
  'fax',
  'organization',
  'latitude',
  'longitude',
  'formatted_address',
] as const;

export const address: EntityDef = {
  name: 'Address',
  params: [],
  fields: ADDRESS_FIELDS,
  create(_a, env) {
    const country = countryOf(env.german ? env.dataset || 'DE' : env.dataset || 'US');
    return () => {
      const { rng, german } = env;
      const loc = buildLocation(env);
      const p = loc.place;
      return {
        street: loc.street,
        house_number: loc.house_number,
        city: p.city,
        state: p.state,
        state_abbr: p.stateAbbr,
        postal_code: loc.postal_code,
        zip_code: loc.postal_code,
        country: german ? country.nameDe : country.name,
        country_code: country.code,
        continent: german
          ? country.code === 'US'
            ? 'Nordamerika'
            : 'Europa'
          : country.code === 'US'
            ? 'North America'
            : 'Europe',
        calling_code: country.callingCode,
        phone: phoneFor(rng, p, german),
        office_phone: phoneFor(rng, p, german),
        private_phone: phoneFor(rng, p, german),
        mobile_phone: phoneFor(rng, p, german, true),
        fax: phoneFor(rng, p, german),
        organization: `${p.city} ${pickWeighted(rng, german ? LEGAL_FORMS_DE : LEGAL_FORMS_US)}`,
        latitude: Number((p.lat + rng.float(-0.05, 0.05)).toFixed(6)),
        longitude: Number((p.lon + rng.float(-0.05, 0.05)).toFixed(6)),
        formatted_address: formatAddress(
          env,
          loc.street,
          loc.house_number,
          loc.postal_code,
          p.city,
          p.stateAbbr,
        ),
      };
    };
  },
};

export const COMPANY_FIELDS = [
  'id',
  'short_name',
  'full_name',
  'sector',
  'email',
  'url',
  'phone_number',
  'office_phone',
  'fax',
  'street',
  'house_number',
  'city',
  'state',
  'zip_code',
  'country',
  'country_code',
] as const;

export const company: EntityDef = {
  name: 'Company',
  params: [],
  fields: COMPANY_FIELDS,
  create(_a, env) {
    const country = countryOf(env.german ? env.dataset || 'DE' : env.dataset || 'US');
    return () => {
      const { rng, faker, german } = env;
      const short = faker.person.lastName();
      const sector = rng.pick(german ? SECTORS_DE : SECTORS_EN);
      const legal = pickWeighted(rng, german ? LEGAL_FORMS_DE : LEGAL_FORMS_US);
      const domain = `${asciiSlug(short)}-${asciiSlug(sector).slice(0, 12)}.${german ? 'de' : 'com'}`;
      const loc = buildLocation(env);
      return {
        id: short.toLowerCase().replace(/\s+/g, '_'),
        short_name: short,
        full_name: `${short} ${sector} ${legal}`,
        sector,
        email: `${rng.pick(german ? ['info', 'kontakt', 'service'] : ['info', 'contact', 'hello'])}@${domain}`,
        url: `https://www.${domain}`,
        phone_number: phoneFor(rng, loc.place, german),
        office_phone: phoneFor(rng, loc.place, german),
        fax: phoneFor(rng, loc.place, german),
        street: loc.street,
        house_number: loc.house_number,
        city: loc.place.city,
        state: loc.place.state,
        zip_code: loc.postal_code,
        country: german ? country.nameDe : country.name,
        country_code: country.code,
      };
    };
  },
};

export const city: EntityDef = {
  name: 'City',
  params: [],
  fields: [
    'name',
    'state',
    'state_abbr',
    'postal_code',
    'area_code',
    'country',
    'country_code',
    'latitude',
    'longitude',
  ],
  create(_a, env) {
    const country = countryOf(env.german ? env.dataset || 'DE' : env.dataset || 'US');
    return () => {
      const p = pickPlace(env.rng, env.german);
      return {
        name: p.city,
        state: p.state,
        state_abbr: p.stateAbbr,
        postal_code: postcodeFor(env.rng, p),
        area_code: p.areaCode,
        country: env.german ? country.nameDe : country.name,
        country_code: country.code,
        latitude: p.lat,
        longitude: p.lon,
      };
    };
  },
};

export const country: EntityDef = {
  name: 'Country',
  params: [],
  fields: [
    'iso_code',
    'iso3_code',
    'name',
    'default_language_locale',
    'phone_code',
    'population',
    'capital',
    'currency',
  ],
  create(_a, env) {
    return () => {
      const c = env.rng.pick(COUNTRIES);
      return {
        iso_code: c.code,
        iso3_code: c.iso3,
        name: env.german ? c.nameDe : c.name,
        default_language_locale: c.language,
        phone_code: c.callingCode.slice(1),
        population: c.population,
        capital: c.capital,
        currency: c.currency,
      };
    };
  },
};
