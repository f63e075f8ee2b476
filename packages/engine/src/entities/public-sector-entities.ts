import { ageAt } from '../generators/date-format';
import { randomBirthdate } from '../generators/datetime-generator';
import { asciiSlug } from '../generators/locale-data';
import { phoneFor } from '../generators/places';
import { buildLocation } from './common-entities';
import { dayOffset, digitString, type EntityDef, lang, prefixedId, sample } from './entity-def';

const OFFICE_TYPES_DE = [
  'Bürgeramt',
  'Finanzamt',
  'Standesamt',
  'Ordnungsamt',
  'Jobcenter',
  'Kfz-Zulassungsstelle',
];
const OFFICE_TYPES_US = [
  'City Hall',
  'DMV Office',
  'County Clerk',
  'Social Security Office',
  'Tax Assessor',
  'Passport Agency',
];
const SERVICES_DE = [
  'Personalausweis',
  'Reisepass',
  'Meldebescheinigung',
  'Führungszeugnis',
  'Gewerbeanmeldung',
  'Kfz-Zulassung',
  'Eheschließung',
];
const SERVICES_US = [
  'Driver licenses',
  'Vehicle registration',
  'Birth certificates',
  'Marriage licenses',
  'Property tax',
  'Voter registration',
  'Business permits',
];

export const administrationOffice: EntityDef = {
  name: 'AdministrationOffice',
  params: [],
  fields: [
    'office_id',
    'name',
    'type',
    'jurisdiction',
    'founding_year',
    'staff_count',
    'annual_budget',
    'street',
    'house_number',
    'city',
    'state',
    'postal_code',
    'country',
    'phone',
    'email',
    'website',
    'services',
    'hours_of_operation',
  ],
  create(_a, env) {
    return () => {
      const { rng, german } = env;
      const loc = buildLocation(env);
      const type = rng.pick(lang(env, OFFICE_TYPES_DE, OFFICE_TYPES_US));
      const slug = asciiSlug(loc.place.city);
      return {
        office_id: prefixedId(rng, 'ADM', 6),
        name: german ? `${type} ${loc.place.city}` : `${loc.place.city} ${type}`,
        type,
        jurisdiction: german ? `Stadt ${loc.place.city}` : `City of ${loc.place.city}`,
        founding_year: rng.int(1850, 2010),
        staff_count: rng.int(10, 800),
        annual_budget: rng.int(5, 500) * 100_000,
        street: loc.street,
        house_number: loc.house_number,
        city: loc.place.city,
        state: loc.place.state,
        postal_code: loc.postal_code,
        country: german ? 'Deutschland' : 'United States',
        phone: phoneFor(rng, loc.place, german),
        email: german ? `${asciiSlug(type)}@${slug}.de` : `info@${slug}.gov`,
        website: german ? `https://www.${slug}.de` : `https://www.${slug}.gov`,
        services: sample(rng, lang(env, SERVICES_DE, SERVICES_US), rng.int(2, 5)),
        hours_of_operation: german ? 'Mo-Fr 08:00-16:00' : 'Mon-Fri 8:00 AM-5:00 PM',
      };
    };
  },
};

const PROGRAMS_EN = [
  'Computer Science',
  'Business Administration',
  'Mechanical Engineering',
  'Biology',
  'Psychology',
  'Economics',
  'Mathematics',
  'Nursing',
  'Law',
  'History',
];
const PROGRAMS_DE = [
  'Informatik',
  'Betriebswirtschaftslehre',
  'Maschinenbau',
  'Biologie',
  'Psychologie',
  'Volkswirtschaftslehre',
  'Mathematik',
  'Pflegewissenschaft',
  'Rechtswissenschaft',
  'Geschichte',
];

export const educationalInstitution: EntityDef = {
  name: 'EducationalInstitution',
  params: [],
  fields: [
    'institution_id',
    'name',
    'type',
    'level',
    'founding_year',
    'student_count',
    'staff_count',
    'street',
    'house_number',
    'city',
    'state',
    'postal_code',
    'country',
    'phone',
    'email',
    'website',
    'programs',
    'accreditations',
  ],
  create(_a, env) {
    return () => {
      const { rng, faker, german } = env;
      const loc = buildLocation(env);
      const city = loc.place.city;
      const kinds = german
        ? [
            ['Universität', `Universität ${city}`, 'Hochschule'],
            ['Hochschule', `Hochschule ${city}`, 'Hochschule'],
            ['Gymnasium', `${faker.person.lastName()}-Gymnasium ${city}`, 'Sekundarstufe'],
            ['Grundschule', `Grundschule am ${faker.location.street()}`, 'Primarstufe'],
          ]
        : [
            ['University', `University of ${city}`, 'Higher Education'],
            ['College', `${city} Community College`, 'Higher Education'],
            ['High School', `${faker.person.lastName()} High School`, 'Secondary'],
            ['Elementary School', `${faker.person.lastName()} Elementary School`, 'Primary'],
          ];
      const [type, name, level] = rng.pick(kinds) as [string, string, string];
      const higher = level === 'Hochschule' || level === 'Higher Education';
      const slug = asciiSlug(name).slice(0, 30);
      return {
        institution_id: prefixedId(rng, 'EDU', 6),
        name,
        type,
        level,
        founding_year: rng.int(1386, 2010),
        student_count: higher ? rng.int(2000, 45_000) : rng.int(150, 1500),
        staff_count: higher ? rng.int(200, 5000) : rng.int(15, 120),
        street: loc.street,
        house_number: loc.house_number,
        city,
        state: loc.place.state,
        postal_code: loc.postal_code,
        country: german ? 'Deutschland' : 'United States',
        phone: phoneFor(rng, loc.place, german),
        email: `info@${slug}.${german ? 'de' : 'edu'}`,
        website: `https://www.${slug}.${german ? 'de' : 'edu'}`,
        programs: higher ? sample(rng, lang(env, PROGRAMS_DE, PROGRAMS_EN), rng.int(3, 8)) : [],
        accreditations: higher
          ? sample(
              rng,
              german ? ['AQAS', 'ACQUIN', 'ZEvA', 'FIBAA'] : ['ABET', 'AACSB', 'HLC', 'MSCHE'],
              rng.int(1, 2),
            )
          : [],
      };
    };
  },
};

const RANKS_DE = [
  'Polizeimeister',
  'Polizeiobermeister',
  'Polizeihauptmeister',
  'Polizeikommissar',
  'Polizeioberkommissar',
  'Polizeihauptkommissar',
  'Erster Polizeihauptkommissar',
];
const RANKS_US = ['Officer', 'Officer', 'Corporal', 'Sergeant', 'Lieutenant', 'Captain'];
const UNITS_DE = [
  'Streifendienst',
  'Kriminalpolizei',
  'Verkehrspolizei',
  'Bereitschaftspolizei',
  'Wasserschutzpolizei',
];
const UNITS_US = ['Patrol', 'Detective Bureau', 'Traffic Division', 'K-9 Unit', 'SWAT', 'Narcotics'];

export const policeOfficer: EntityDef = {
  name: 'PoliceOfficer',
  params: [],
  fields: [
    'officer_id',
    'badge_number',
    'given_name',
    'family_name',
    'full_name',
    'gender',
    'birthdate',
    'age',
    'rank',
    'department',
    'unit',
    'hire_date',
    'years_of_service',
    'shift',
    'languages',
    'email',
    'phone',
  ],
  create(_a, env) {
    return () => {
      const { rng, faker, german } = env;
      const gender = rng.bool(0.3) ? 'female' : 'male';
      const given = faker.person.firstName(gender);
      const family = faker.person.lastName();
      const birthdate = randomBirthdate(rng, env.now, 21, 62);
      const age = ageAt(birthdate, env.now);
      const service = rng.int(0, Math.max(0, age - 20));
      const hire = dayOffset(env.now, -(service * 365 + rng.int(0, 364)));
      const loc = buildLocation(env);
      const dept = german ? `Polizeipräsidium ${loc.place.city}` : `${loc.place.city} Police Department`;
      return {
        officer_id: prefixedId(rng, 'PO', 8),
        badge_number: digitString(rng, german ? 6 : 5),
        given_name: given,
        family_name: family,
        full_name: `${given} ${family}`,
        gender,
        birthdate,
        age,
        rank: rng.pick(lang(env, RANKS_DE, RANKS_US)),
        department: dept,
        unit: rng.pick(lang(env, UNITS_DE, UNITS_US)),
        hire_date: hire,
        years_of_service: ageAt(hire, env.now),
        shift: rng.pick(
          lang(env, ['Frühschicht', 'Spätschicht', 'Nachtschicht'], ['Day', 'Evening', 'Night']),
        ),
        languages: german
          ? ['Deutsch', ...sample(rng, ['Englisch', 'Türkisch', 'Russisch', 'Arabisch'], rng.int(0, 1))]
          : ['English', ...sample(rng, ['Spanish', 'Chinese', 'Vietnamese', 'Arabic'], rng.int(0, 1))],
        email: `${asciiSlug(given)}.${asciiSlug(family)}@${german ? `polizei.${asciiSlug(loc.place.state)}.de` : `${asciiSlug(loc.place.city)}pd.gov`}`,
        phone: phoneFor(rng, loc.place, german),
      };
    };
  },
};
