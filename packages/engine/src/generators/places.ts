import type { Rng } from '../random/rng';

/**
 * Real cities with their state, postcode range and phone area code, so that an address is internally consistent
 * (faker's own German/US city names are invented). Used by Address/City/Company and the phone generator.
 */
export interface Place {
  city: string;
  state: string;
  stateAbbr: string;
  zipFrom: number;
  zipTo: number;
  areaCode: string;
  lat: number;
  lon: number;
}

const DE: Place[] = [
  {
    city: 'Berlin',
    state: 'Berlin',
    stateAbbr: 'BE',
    zipFrom: 10115,
    zipTo: 14199,
    areaCode: '030',
    lat: 52.52,
    lon: 13.405,
  },
  {
    city: 'Hamburg',
    state: 'Hamburg',
    stateAbbr: 'HH',
    zipFrom: 20095,
    zipTo: 22769,
    areaCode: '040',
    lat: 53.551,
    lon: 9.993,
  },
  {
    city: 'München',
    state: 'Bayern',
    stateAbbr: 'BY',
    zipFrom: 80331,
    zipTo: 81929,
    areaCode: '089',
    lat: 48.137,
    lon: 11.575,
  },
  {
    city: 'Köln',
    state: 'Nordrhein-Westfalen',
    stateAbbr: 'NW',
    zipFrom: 50667,
    zipTo: 51149,
    areaCode: '0221',
    lat: 50.938,
    lon: 6.96,
  },
  {
    city: 'Frankfurt am Main',
    state: 'Hessen',
    stateAbbr: 'HE',
    zipFrom: 60306,
    zipTo: 60599,
    areaCode: '069',
    lat: 50.11,
    lon: 8.682,
  },
  {
    city: 'Stuttgart',
    state: 'Baden-Württemberg',
    stateAbbr: 'BW',
    zipFrom: 70173,
    zipTo: 70629,
    areaCode: '0711',
    lat: 48.776,
    lon: 9.183,
  },
  {
    city: 'Düsseldorf',
    state: 'Nordrhein-Westfalen',
    stateAbbr: 'NW',
    zipFrom: 40210,
    zipTo: 40629,
    areaCode: '0211',
    lat: 51.227,
    lon: 6.773,
  },
  {
    city: 'Leipzig',
    state: 'Sachsen',
    stateAbbr: 'SN',
    zipFrom: 4103,
    zipTo: 4357,
    areaCode: '0341',
    lat: 51.34,
    lon: 12.375,
  },
  {
    city: 'Dortmund',
    state: 'Nordrhein-Westfalen',
    stateAbbr: 'NW',
    zipFrom: 44135,
    zipTo: 44388,
    areaCode: '0231',
    lat: 51.514,
    lon: 7.466,
  },
  {
    city: 'Essen',
    state: 'Nordrhein-Westfalen',
    stateAbbr: 'NW',
    zipFrom: 45127,
    zipTo: 45359,
    areaCode: '0201',
    lat: 51.455,
    lon: 7.012,
  },
  {
    city: 'Bremen',
    state: 'Bremen',
    stateAbbr: 'HB',
    zipFrom: 28195,
    zipTo: 28779,
    areaCode: '0421',
    lat: 53.079,
    lon: 8.801,
  },
  {
    city: 'Dresden',
    state: 'Sachsen',
    stateAbbr: 'SN',
    zipFrom: 1067,
    zipTo: 1328,
    areaCode: '0351',
    lat: 51.05,
    lon: 13.738,
  },
  {
    city: 'Hannover',
    state: 'Niedersachsen',
    stateAbbr: 'NI',
    zipFrom: 30159,
    zipTo: 30669,
    areaCode: '0511',
    lat: 52.376,
    lon: 9.732,
  },
  {
    city: 'Nürnberg',
    state: 'Bayern',
    stateAbbr: 'BY',
    zipFrom: 90402,
    zipTo: 90491,
    areaCode: '0911',
    lat: 49.452,
    lon: 11.077,
  },
  {
    city: 'Mainz',
    state: 'Rheinland-Pfalz',
    stateAbbr: 'RP',
    zipFrom: 55116,
    zipTo: 55131,
    areaCode: '06131',
    lat: 49.993,
    lon: 8.247,
  },
  {
    city: 'Kiel',
    state: 'Schleswig-Holstein',
    stateAbbr: 'SH',
    zipFrom: 24103,
    zipTo: 24159,
    areaCode: '0431',
    lat: 54.323,
    lon: 10.123,
  },
];

const US: Place[] = [
  {
    city: 'New York',
    state: 'New York',
    stateAbbr: 'NY',
    zipFrom: 10001,
    zipTo: 10292,
    areaCode: '212',
    lat: 40.713,
    lon: -74.006,
  },
  {
    city: 'Los Angeles',
    state: 'California',
    stateAbbr: 'CA',
    zipFrom: 90001,
    zipTo: 90089,
    areaCode: '213',
    lat: 34.052,
    lon: -118.244,
  },
  {
    city: 'Chicago',
    state: 'Illinois',
    stateAbbr: 'IL',
    zipFrom: 60601,
    zipTo: 60661,
    areaCode: '312',
    lat: 41.878,
    lon: -87.63,
  },
  {
    city: 'Houston',
    state: 'Texas',
    stateAbbr: 'TX',
    zipFrom: 77001,
    zipTo: 77099,
    areaCode: '713',
    lat: 29.76,
    lon: -95.37,
  },
  {
    city: 'Phoenix',
    state: 'Arizona',
    stateAbbr: 'AZ',
    zipFrom: 85001,
    zipTo: 85099,
    areaCode: '602',
    lat: 33.448,
    lon: -112.074,
  },
  {
    city: 'Philadelphia',
    state: 'Pennsylvania',
    stateAbbr: 'PA',
    zipFrom: 19102,
    zipTo: 19154,
    areaCode: '215',
    lat: 39.953,
    lon: -75.165,
  },
  {
    city: 'San Antonio',
    state: 'Texas',
    stateAbbr: 'TX',
    zipFrom: 78201,
    zipTo: 78266,
    areaCode: '210',
    lat: 29.424,
    lon: -98.494,
  },
  {
    city: 'San Diego',
    state: 'California',
    stateAbbr: 'CA',
    zipFrom: 92101,
    zipTo: 92199,
    areaCode: '619',
    lat: 32.716,
    lon: -117.161,
  },
  {
    city: 'Dallas',
    state: 'Texas',
    stateAbbr: 'TX',
    zipFrom: 75201,
    zipTo: 75398,
    areaCode: '214',
    lat: 32.777,
    lon: -96.797,
  },
  {
    city: 'Seattle',
    state: 'Washington',
    stateAbbr: 'WA',
    zipFrom: 98101,
    zipTo: 98199,
    areaCode: '206',
    lat: 47.606,
    lon: -122.332,
  },
  {
    city: 'Boston',
    state: 'Massachusetts',
    stateAbbr: 'MA',
    zipFrom: 2108,
    zipTo: 2137,
    areaCode: '617',
    lat: 42.36,
    lon: -71.059,
  },
  {
    city: 'Denver',
    state: 'Colorado',
    stateAbbr: 'CO',
    zipFrom: 80201,
    zipTo: 80299,
    areaCode: '303',
    lat: 39.739,
    lon: -104.99,
  },
  {
    city: 'Atlanta',
    state: 'Georgia',
    stateAbbr: 'GA',
    zipFrom: 30301,
    zipTo: 30399,
    areaCode: '404',
    lat: 33.749,
    lon: -84.388,
  },
  {
    city: 'Miami',
    state: 'Florida',
    stateAbbr: 'FL',
    zipFrom: 33101,
    zipTo: 33199,
    areaCode: '305',
    lat: 25.762,
    lon: -80.192,
  },
  {
    city: 'Portland',
    state: 'Oregon',
    stateAbbr: 'OR',
    zipFrom: 97201,
    zipTo: 97299,
    areaCode: '503',
    lat: 45.515,
    lon: -122.679,
  },
  {
    city: 'Austin',
    state: 'Texas',
    stateAbbr: 'TX',
    zipFrom: 78701,
    zipTo: 78799,
    areaCode: '512',
    lat: 30.267,
    lon: -97.743,
  },
];

export interface CountryInfo {
  code: string;
  iso3: string;
  name: string;
  nameDe: string;
  callingCode: string;
  currency: string;
  capital: string;
  population: number;
  language: string;
}

export const COUNTRIES: CountryInfo[] = [
  {
    code: 'US',
    iso3: 'USA',
    name: 'United States',
    nameDe: 'Vereinigte Staaten',
    callingCode: '+1',
    currency: 'USD',
    capital: 'Washington, D.C.',
    population: 334_900_000,
    language: 'en',
  },
  {
    code: 'DE',
    iso3: 'DEU',
    name: 'Germany',
    nameDe: 'Deutschland',
    callingCode: '+49',
    currency: 'EUR',
    capital: 'Berlin',
    population: 84_400_000,
    language: 'de',
  },
  {
    code: 'AT',
    iso3: 'AUT',
    name: 'Austria',
    nameDe: 'Österreich',
    callingCode: '+43',
    currency: 'EUR',
    capital: 'Wien',
    population: 9_100_000,
    language: 'de',
  },
  {
    code: 'CH',
    iso3: 'CHE',
    name: 'Switzerland',
    nameDe: 'Schweiz',
    callingCode: '+41',
    currency: 'CHF',
    capital: 'Bern',
    population: 8_800_000,
    language: 'de',
  },
  {
    code: 'GB',
    iso3: 'GBR',
    name: 'United Kingdom',
    nameDe: 'Vereinigtes Königreich',
    callingCode: '+44',
    currency: 'GBP',
    capital: 'London',
    population: 68_300_000,
    language: 'en',
  },
  {
    code: 'FR',
    iso3: 'FRA',
    name: 'France',
    nameDe: 'Frankreich',
    callingCode: '+33',
    currency: 'EUR',
    capital: 'Paris',
    population: 68_200_000,
    language: 'fr',
  },
  {
    code: 'IT',
    iso3: 'ITA',
    name: 'Italy',
    nameDe: 'Italien',
    callingCode: '+39',
    currency: 'EUR',
    capital: 'Rom',
    population: 58_900_000,
    language: 'it',
  },
  {
    code: 'ES',
    iso3: 'ESP',
    name: 'Spain',
    nameDe: 'Spanien',
    callingCode: '+34',
    currency: 'EUR',
    capital: 'Madrid',
    population: 48_300_000,
    language: 'es',
  },
  {
    code: 'NL',
    iso3: 'NLD',
    name: 'Netherlands',
    nameDe: 'Niederlande',
    callingCode: '+31',
    currency: 'EUR',
    capital: 'Amsterdam',
    population: 17_900_000,
    language: 'nl',
  },
  {
    code: 'PL',
    iso3: 'POL',
    name: 'Poland',
    nameDe: 'Polen',
    callingCode: '+48',
    currency: 'PLN',
    capital: 'Warschau',
    population: 36_700_000,
    language: 'pl',
  },
  {
    code: 'CA',
    iso3: 'CAN',
    name: 'Canada',
    nameDe: 'Kanada',
    callingCode: '+1',
    currency: 'CAD',
    capital: 'Ottawa',
    population: 40_100_000,
    language: 'en',
  },
  {
    code: 'BR',
    iso3: 'BRA',
    name: 'Brazil',
    nameDe: 'Brasilien',
    callingCode: '+55',
    currency: 'BRL',
    capital: 'Brasília',
    population: 203_100_000,
    language: 'pt',
  },
  {
    code: 'JP',
    iso3: 'JPN',
    name: 'Japan',
    nameDe: 'Japan',
    callingCode: '+81',
    currency: 'JPY',
    capital: 'Tokio',
    population: 124_500_000,
    language: 'ja',
  },
  {
    code: 'CN',
    iso3: 'CHN',
    name: 'China',
    nameDe: 'China',
    callingCode: '+86',
    currency: 'CNY',
    capital: 'Peking',
    population: 1_409_700_000,
    language: 'zh',
  },
  {
    code: 'IN',
    iso3: 'IND',
    name: 'India',
    nameDe: 'Indien',
    callingCode: '+91',
    currency: 'INR',
    capital: 'Neu-Delhi',
    population: 1_428_600_000,
    language: 'hi',
  },
  {
    code: 'AU',
    iso3: 'AUS',
    name: 'Australia',
    nameDe: 'Australien',
    callingCode: '+61',
    currency: 'AUD',
    capital: 'Canberra',
    population: 26_600_000,
    language: 'en',
  },
];

/** The places table for a dataset (German-speaking → DE, everything else → US). */
export function placesFor(german: boolean): readonly Place[] {
  return german ? DE : US;
}

export function pickPlace(rng: Rng, german: boolean): Place {
  return rng.pick(placesFor(german));
}

/** A postcode within the place's range: 5 digits for both DE and US. */
export function postcodeFor(rng: Rng, place: Place): string {
  return String(rng.int(place.zipFrom, place.zipTo)).padStart(5, '0');
}

/** The dataset's own country (US when unknown). */
export function countryOf(dataset: string): CountryInfo {
  const ds = dataset.toUpperCase() === 'UK' ? 'GB' : dataset.toUpperCase();
  return COUNTRIES.find((c) => c.code === ds) ?? (COUNTRIES[0] as CountryInfo);
}

const DE_MOBILE_PREFIXES = [
  '151',
  '152',
  '157',
  '160',
  '170',
  '171',
  '172',
  '175',
  '176',
  '177',
  '178',
  '179',
];

/** A phone number in national style: DE `030 12345678`, US `(212) 555-0134`. */
export function phoneFor(rng: Rng, place: Place, german: boolean, mobile = false): string {
  if (german) {
    if (mobile) return `0${rng.pick(DE_MOBILE_PREFIXES)} ${digits(rng, 8)}`;
    return `${place.areaCode} ${digits(rng, 10 - place.areaCode.length + 1)}`;
  }
  return `(${place.areaCode}) ${rng.int(200, 999)}-${digits(rng, 4)}`;
}

export function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.int(0, 9);
  return s;
}
