import type { Rng } from '../random/rng';

/** Small hand-written data tables (weighted where it matters) for what faker does not cover. */

/** True when the dataset/locale selects German-language data. */
export function isGerman(dataset: string, locale: string): boolean {
  const ds = dataset.toUpperCase();
  if (ds === 'DE' || ds === 'AT' || ds === 'CH') return true;
  if (ds && ds !== 'US' && ds !== 'GB' && ds !== 'UK') return false;
  return !ds && locale.toLowerCase().startsWith('de');
}

const NOT_SLUG = /[^a-z0-9]+/g;

/** ASCII form of a name for e-mail addresses and domains (Müller → mueller, José → jose). */
export function asciiSlug(text: string): string {
  // Fast path (most names): plain ASCII needs neither the umlaut rules nor NFD, only lower case and the filter.
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.toLowerCase().replace(NOT_SLUG, '');
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export type Weighted = readonly (readonly [string, number])[];

// The weights of each table, extracted once (tables are module constants).
const WEIGHTS = new WeakMap<Weighted, number[]>();

export function pickWeighted(rng: Rng, table: Weighted): string {
  let weights = WEIGHTS.get(table);
  if (!weights) {
    weights = table.map((t) => t[1]);
    WEIGHTS.set(table, weights);
  }
  const i = rng.weightedIndex(weights);
  return (table[i] as readonly [string, number])[0];
}

export const ACADEMIC_TITLES_DE: Weighted = [
  ['Dr.', 70],
  ['Prof.', 6],
  ['Prof. Dr.', 12],
  ['Dr. med.', 8],
  ['Dr.-Ing.', 4],
];
export const ACADEMIC_TITLES_US: Weighted = [
  ['Dr.', 60],
  ['Prof.', 15],
  ['PhD', 20],
  ['MD', 5],
];

export const NOBILITY_TITLES_DE = {
  male: ['Baron', 'Graf', 'Freiherr', 'Fürst', 'Prinz'],
  female: ['Baronin', 'Gräfin', 'Freifrau', 'Fürstin', 'Prinzessin'],
};
export const NOBILITY_TITLES_EN = {
  male: ['Baron', 'Count', 'Duke', 'Earl', 'Prince'],
  female: ['Baroness', 'Countess', 'Duchess', 'Lady', 'Princess'],
};

export const SALUTATIONS_DE = { female: 'Frau', male: 'Herr' };
export const SALUTATIONS_EN = { female: 'Mrs.', male: 'Mr.' };

export const DEPARTMENTS_EN = [
  'Accounting',
  'Customer Service',
  'Engineering',
  'Facilities',
  'Finance',
  'Human Resources',
  'IT',
  'Legal',
  'Logistics',
  'Marketing',
  'Operations',
  'Procurement',
  'Product Management',
  'Quality Assurance',
  'Research and Development',
  'Sales',
];
export const DEPARTMENTS_DE = [
  'Buchhaltung',
  'Kundendienst',
  'Entwicklung',
  'Gebäudemanagement',
  'Finanzen',
  'Personal',
  'IT',
  'Recht',
  'Logistik',
  'Marketing',
  'Betrieb',
  'Einkauf',
  'Produktmanagement',
  'Qualitätssicherung',
  'Forschung und Entwicklung',
  'Vertrieb',
];

export const SECTORS_EN = [
  'Agriculture',
  'Automotive',
  'Banking',
  'Chemicals',
  'Construction',
  'Consulting',
  'Education',
  'Energy',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Logistics',
  'Manufacturing',
  'Media',
  'Pharmaceuticals',
  'Real Estate',
  'Retail',
  'Software',
  'Telecommunications',
  'Transport',
];
export const SECTORS_DE = [
  'Landwirtschaft',
  'Automobilindustrie',
  'Bankwesen',
  'Chemie',
  'Bauwesen',
  'Beratung',
  'Bildung',
  'Energie',
  'Gesundheitswesen',
  'Gastgewerbe',
  'Versicherungen',
  'Logistik',
  'Maschinenbau',
  'Medien',
  'Pharma',
  'Immobilien',
  'Einzelhandel',
  'Software',
  'Telekommunikation',
  'Verkehr',
];

export const LEGAL_FORMS_DE: Weighted = [
  ['GmbH', 60],
  ['AG', 10],
  ['GmbH & Co. KG', 15],
  ['KG', 5],
  ['OHG', 4],
  ['e.K.', 6],
];
export const LEGAL_FORMS_US: Weighted = [
  ['Inc.', 50],
  ['LLC', 35],
  ['Corp.', 10],
  ['Ltd.', 5],
];

export const EMAIL_DOMAINS_DE = [
  'web.de',
  'gmx.de',
  't-online.de',
  'gmail.com',
  'posteo.de',
  'outlook.de',
  'freenet.de',
];
export const EMAIL_DOMAINS_US = [
  'gmail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.com',
  'aol.com',
  'icloud.com',
  'comcast.net',
];

export const TLD_DE = ['de', 'de', 'de', 'com', 'net', 'eu'];
export const TLD_US = ['com', 'com', 'com', 'net', 'org', 'io', 'us'];
