import { ageAt } from '../generators/date-format';
import { randomBirthdate } from '../generators/datetime-generator';
import { asciiSlug, EMAIL_DOMAINS_DE, EMAIL_DOMAINS_US } from '../generators/locale-data';
import { drawGender, emailFor } from '../generators/person-generators';
import { phoneFor, pickPlace, postcodeFor } from '../generators/places';
import { buildLocation } from './common-entities';
import { dayOffset, digitString, type EntityDef, lang, money, prefixedId, sample } from './entity-def';

const BLOOD = ['O+', 'A+', 'B+', 'AB+', 'O-', 'A-', 'B-', 'AB-'];
const ALLERGIES_EN = [
  'Penicillin',
  'Peanuts',
  'Latex',
  'Pollen',
  'Shellfish',
  'Aspirin',
  'Dust mites',
  'Lactose',
];
const ALLERGIES_DE = [
  'Penicillin',
  'Erdnüsse',
  'Latex',
  'Pollen',
  'Schalentiere',
  'Aspirin',
  'Hausstaubmilben',
  'Laktose',
];
const CONDITIONS_EN = [
  'Hypertension',
  'Type 2 diabetes',
  'Asthma',
  'Migraine',
  'Hypothyroidism',
  'Arthritis',
  'Depression',
  'COPD',
];
const CONDITIONS_DE = [
  'Bluthochdruck',
  'Diabetes Typ 2',
  'Asthma',
  'Migräne',
  'Schilddrüsenunterfunktion',
  'Arthrose',
  'Depression',
  'COPD',
];
const MEDICATIONS = [
  'Metformin',
  'Lisinopril',
  'Atorvastatin',
  'Levothyroxine',
  'Ibuprofen',
  'Salbutamol',
  'Omeprazol',
  'Amlodipin',
];
const INSURERS_DE = ['AOK', 'Techniker Krankenkasse', 'BARMER', 'DAK-Gesundheit', 'IKK classic', 'KKH'];
const INSURERS_US = [
  'Aetna',
  'Blue Cross Blue Shield',
  'Cigna',
  'UnitedHealthcare',
  'Humana',
  'Kaiser Permanente',
];
const SPECIALTIES_EN = [
  'Cardiology',
  'Dermatology',
  'Family Medicine',
  'Internal Medicine',
  'Neurology',
  'Oncology',
  'Orthopedics',
  'Pediatrics',
  'Psychiatry',
  'Radiology',
  'Surgery',
];
const SPECIALTIES_DE = [
  'Kardiologie',
  'Dermatologie',
  'Allgemeinmedizin',
  'Innere Medizin',
  'Neurologie',
  'Onkologie',
  'Orthopädie',
  'Kinderheilkunde',
  'Psychiatrie',
  'Radiologie',
  'Chirurgie',
];

export const patient: EntityDef = {
  name: 'Patient',
  params: ['min_age', 'max_age', 'female_quota'],
  fields: [
    'patient_id',
    'medical_record_number',
    'given_name',
    'family_name',
    'full_name',
    'gender',
    'birthdate',
    'age',
    'blood_type',
    'height_cm',
    'weight_kg',
    'bmi',
    'allergies',
    'medications',
    'conditions',
    'insurance_provider',
    'insurance_policy_number',
    'email',
    'phone',
    'address',
    'emergency_contact',
  ],
  create(a, env) {
    const minAge = a.int('min_age', 0);
    const maxAge = a.int('max_age', 100);
    if (minAge < 0 || minAge > maxAge)
      throw a.fail('arguments "min_age"/"max_age" must satisfy 0 <= min_age <= max_age');
    const female = a.quota('female_quota', 0.5);
    return () => {
      const { rng, faker, german } = env;
      const gender = drawGender(rng, female, 0);
      const given = faker.person.firstName(gender === 'female' ? 'female' : 'male');
      const family = faker.person.lastName();
      const birthdate = randomBirthdate(rng, env.now, minAge, maxAge);
      const age = ageAt(birthdate, env.now);
      const height =
        age < 16 ? rng.int(60, 175) : gender === 'female' ? rng.int(152, 182) : rng.int(162, 196);
      const bmi = Math.round(rng.float(18, 32) * 10) / 10;
      const weight = Math.round((height / 100) ** 2 * bmi * 10) / 10;
      const loc = buildLocation(env);
      return {
        patient_id: prefixedId(rng, 'PAT', 8),
        medical_record_number: `MRN${digitString(rng, 8)}`,
        given_name: given,
        family_name: family,
        full_name: `${given} ${family}`,
        gender,
        birthdate,
        age,
        blood_type: rng.pick(BLOOD),
        height_cm: height,
        weight_kg: weight,
        bmi,
        allergies: sample(rng, lang(env, ALLERGIES_DE, ALLERGIES_EN), rng.int(0, 2)),
        medications: sample(rng, MEDICATIONS, rng.int(0, 3)),
        conditions: sample(rng, lang(env, CONDITIONS_DE, CONDITIONS_EN), rng.int(0, 2)),
        insurance_provider: rng.pick(lang(env, INSURERS_DE, INSURERS_US)),
        insurance_policy_number: german
          ? `${String.fromCharCode(65 + rng.int(0, 25))}${digitString(rng, 9)}`
          : `${digitString(rng, 3)}-${digitString(rng, 6)}`,
        email: emailFor(rng, given, family, rng.pick(german ? EMAIL_DOMAINS_DE : EMAIL_DOMAINS_US)),
        phone: phoneFor(rng, loc.place, german),
        address: {
          street: loc.street,
          house_number: loc.house_number,
          city: loc.place.city,
          state: loc.place.state,
          postal_code: loc.postal_code,
          country: german ? 'Deutschland' : 'United States',
        },
        emergency_contact: {
          name: `${faker.person.firstName()} ${family}`,
          relationship: rng.pick(
            lang(
              env,
              ['Ehepartner', 'Elternteil', 'Kind', 'Geschwister'],
              ['Spouse', 'Parent', 'Child', 'Sibling'],
            ),
          ),
          phone: phoneFor(rng, loc.place, german, true),
        },
      };
    };
  },
};

export const doctor: EntityDef = {
  name: 'Doctor',
  params: [],
  fields: [
    'doctor_id',
    'given_name',
    'family_name',
    'full_name',
    'gender',
    'title',
    'specialty',
    'license_number',
    'npi_number',
    'hospital_affiliation',
    'email',
    'phone',
    'years_of_experience',
    'languages',
    'accepting_new_patients',
  ],
  create(_a, env) {
    return () => {
      const { rng, faker, german } = env;
      const gender = rng.bool() ? 'female' : 'male';
      const given = faker.person.firstName(gender);
      const family = faker.person.lastName();
      const place = pickPlace(rng, german);
      return {
        doctor_id: prefixedId(rng, 'DOC', 8),
        given_name: given,
        family_name: family,
        full_name: `${german ? 'Dr. med.' : 'Dr.'} ${given} ${family}`,
        gender,
        title: german ? rng.pick(['Dr. med.', 'Dr. med.', 'Prof. Dr. med.']) : rng.pick(['MD', 'MD', 'DO']),
        specialty: rng.pick(lang(env, SPECIALTIES_DE, SPECIALTIES_EN)),
        license_number: german ? `LANR${digitString(rng, 9)}` : `${place.stateAbbr}${digitString(rng, 6)}`,
        npi_number: german ? null : digitString(rng, 10),
        hospital_affiliation: german ? `Klinikum ${place.city}` : `${place.city} General Hospital`,
        email: `${asciiSlug(given)}.${asciiSlug(family)}@${german ? 'klinikum' : 'hospital'}-${asciiSlug(place.city)}.${german ? 'de' : 'org'}`,
        phone: phoneFor(rng, place, german),
        years_of_experience: rng.int(1, 40),
        languages: german
          ? ['Deutsch', ...sample(rng, ['Englisch', 'Französisch', 'Türkisch', 'Spanisch'], rng.int(0, 2))]
          : ['English', ...sample(rng, ['Spanish', 'Chinese', 'French', 'German'], rng.int(0, 2))],
        accepting_new_patients: rng.bool(0.7),
      };
    };
  },
};

export const hospital: EntityDef = {
  name: 'Hospital',
  params: [],
  fields: [
    'hospital_id',
    'name',
    'type',
    'street',
    'house_number',
    'city',
    'state',
    'postal_code',
    'country',
    'phone',
    'email',
    'website',
    'bed_count',
    'staff_count',
    'departments',
    'emergency_services',
    'founding_year',
  ],
  create(_a, env) {
    return () => {
      const { rng, german } = env;
      const loc = buildLocation(env);
      const city = loc.place.city;
      const name = german
        ? rng.pick([
            `Klinikum ${city}`,
            `Universitätsklinikum ${city}`,
            `St.-Marien-Krankenhaus ${city}`,
            `Evangelisches Krankenhaus ${city}`,
          ])
        : rng.pick([
            `${city} General Hospital`,
            `St. Mary's Medical Center ${city}`,
            `${city} Memorial Hospital`,
            `University Hospital ${city}`,
          ]);
      const slug = asciiSlug(name).slice(0, 30);
      return {
        hospital_id: prefixedId(rng, 'HOSP', 6),
        name,
        type: rng.pick(
          lang(
            env,
            ['Allgemeinkrankenhaus', 'Universitätsklinikum', 'Fachklinik', 'Rehabilitationsklinik'],
            ['General', 'Teaching', 'Specialty', 'Rehabilitation'],
          ),
        ),
        street: loc.street,
        house_number: loc.house_number,
        city,
        state: loc.place.state,
        postal_code: postcodeFor(rng, loc.place),
        country: german ? 'Deutschland' : 'United States',
        phone: phoneFor(rng, loc.place, german),
        email: `info@${slug}.${german ? 'de' : 'org'}`,
        website: `https://www.${slug}.${german ? 'de' : 'org'}`,
        bed_count: rng.int(50, 1500),
        staff_count: rng.int(200, 9000),
        departments: sample(rng, lang(env, SPECIALTIES_DE, SPECIALTIES_EN), rng.int(3, 8)),
        emergency_services: rng.bool(0.8),
        founding_year: rng.int(1850, 2015),
      };
    };
  },
};

const DEVICE_TYPES_EN = [
  'Infusion Pump',
  'Ventilator',
  'Defibrillator',
  'Patient Monitor',
  'Ultrasound Scanner',
  'ECG Machine',
  'MRI Scanner',
  'X-Ray System',
  'Dialysis Machine',
];
const DEVICE_TYPES_DE = [
  'Infusionspumpe',
  'Beatmungsgerät',
  'Defibrillator',
  'Patientenmonitor',
  'Ultraschallgerät',
  'EKG-Gerät',
  'MRT-Scanner',
  'Röntgenanlage',
  'Dialysegerät',
];
const MANUFACTURERS = [
  'Siemens Healthineers',
  'Philips',
  'GE HealthCare',
  'Medtronic',
  'Dräger',
  'B. Braun',
  'Fresenius',
  'Baxter',
];

export const medicalDevice: EntityDef = {
  name: 'MedicalDevice',
  params: [],
  fields: [
    'device_id',
    'device_type',
    'manufacturer',
    'model_number',
    'serial_number',
    'manufacture_date',
    'expiration_date',
    'last_maintenance_date',
    'next_maintenance_date',
    'status',
    'location',
  ],
  create(_a, env) {
    return () => {
      const { rng } = env;
      const made = dayOffset(env.now, -rng.int(60, 10 * 365));
      const last = dayOffset(env.now, -rng.int(1, 360));
      return {
        device_id: prefixedId(rng, 'DEV', 8),
        device_type: rng.pick(lang(env, DEVICE_TYPES_DE, DEVICE_TYPES_EN)),
        manufacturer: rng.pick(MANUFACTURERS),
        model_number: `${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}-${digitString(rng, 4)}`,
        serial_number: `SN${digitString(rng, 10)}`,
        manufacture_date: made,
        expiration_date: new Date(
          Date.UTC(made.getUTCFullYear() + rng.int(8, 15), made.getUTCMonth(), made.getUTCDate()),
        ),
        last_maintenance_date: last,
        next_maintenance_date: new Date(last.getTime() + rng.pick([90, 180, 365]) * 86_400_000),
        status: rng.pick(
          lang(
            env,
            ['Aktiv', 'Aktiv', 'Aktiv', 'In Wartung', 'Außer Betrieb'],
            ['Active', 'Active', 'Active', 'Maintenance', 'Inactive'],
          ),
        ),
        location: rng.pick(
          lang(
            env,
            ['Notaufnahme', 'Intensivstation', 'OP 1', 'OP 2', 'Radiologie', 'Station 3B'],
            ['Emergency Room', 'ICU', 'Operating Room 1', 'Operating Room 2', 'Radiology', 'Ward 3B'],
          ),
        ),
      };
    };
  },
};

const PROCEDURES: readonly {
  code: string;
  en: string;
  de: string;
  cat: string;
  surgical: boolean;
  min: number;
}[] = [
  { code: '45378', en: 'Colonoscopy', de: 'Koloskopie', cat: 'Diagnostic', surgical: false, min: 45 },
  {
    code: '93000',
    en: 'Electrocardiogram',
    de: 'Elektrokardiogramm',
    cat: 'Diagnostic',
    surgical: false,
    min: 15,
  },
  { code: '70553', en: 'MRI brain', de: 'MRT Schädel', cat: 'Imaging', surgical: false, min: 40 },
  { code: '71046', en: 'Chest X-ray', de: 'Röntgen Thorax', cat: 'Imaging', surgical: false, min: 10 },
  {
    code: '47562',
    en: 'Laparoscopic cholecystectomy',
    de: 'Laparoskopische Cholezystektomie',
    cat: 'Surgical',
    surgical: true,
    min: 90,
  },
  {
    code: '27447',
    en: 'Total knee arthroplasty',
    de: 'Knie-Totalendoprothese',
    cat: 'Surgical',
    surgical: true,
    min: 120,
  },
  {
    code: '44970',
    en: 'Laparoscopic appendectomy',
    de: 'Laparoskopische Appendektomie',
    cat: 'Surgical',
    surgical: true,
    min: 60,
  },
  {
    code: '66984',
    en: 'Cataract surgery',
    de: 'Kataraktoperation',
    cat: 'Surgical',
    surgical: true,
    min: 30,
  },
  {
    code: '90471',
    en: 'Immunization administration',
    de: 'Impfung',
    cat: 'Preventive',
    surgical: false,
    min: 10,
  },
  {
    code: '97110',
    en: 'Therapeutic exercise',
    de: 'Krankengymnastik',
    cat: 'Therapeutic',
    surgical: false,
    min: 30,
  },
];

export const medicalProcedure: EntityDef = {
  name: 'MedicalProcedure',
  params: [],
  fields: [
    'procedure_id',
    'procedure_code',
    'name',
    'category',
    'specialty',
    'duration_minutes',
    'cost',
    'currency',
    'requires_anesthesia',
    'is_surgical',
    'recovery_time_days',
  ],
  create(_a, env) {
    return () => {
      const { rng, german } = env;
      const p = rng.pick(PROCEDURES);
      return {
        procedure_id: prefixedId(rng, 'PROC', 8),
        procedure_code: p.code,
        name: german ? p.de : p.en,
        category: p.cat,
        specialty: rng.pick(lang(env, SPECIALTIES_DE, SPECIALTIES_EN)),
        duration_minutes: p.min + rng.int(0, Math.round(p.min / 2)),
        cost: money(p.surgical ? rng.float(3000, 40_000) : rng.float(50, 2500)),
        currency: german ? 'EUR' : 'USD',
        requires_anesthesia: p.surgical,
        is_surgical: p.surgical,
        recovery_time_days: p.surgical ? rng.int(3, 90) : 0,
      };
    };
  },
};
