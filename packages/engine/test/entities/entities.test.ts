import { describe, expect, it } from 'vitest';
import { germanIban, luhnCheckDigit } from '../../src/entities/finance-entities';
import {
  createEntity,
  ENTITY_NAMES,
  entityFieldNames,
  type GenContext,
  parseCallSpec,
} from '../../src/generators/index';
import { PyDateTime } from '../../src/script/index';
import { LOC, makeCtx, NOW, thrown } from '../generators/helpers';

function records(text: string, n = 30, ctx: GenContext = makeCtx()): Record<string, unknown>[] {
  const f = createEntity(parseCallSpec(text, LOC), ctx, LOC);
  return Array.from({ length: n }, () => f.next());
}

function ageOf(b: PyDateTime): number {
  const d = new Date(b.ms);
  let age = NOW.getUTCFullYear() - d.getUTCFullYear();
  if (
    NOW.getUTCMonth() < d.getUTCMonth() ||
    (NOW.getUTCMonth() === d.getUTCMonth() && NOW.getUTCDate() < d.getUTCDate())
  )
    age--;
  return age;
}

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');

describe('every entity', () => {
  it.each(ENTITY_NAMES)('%s has exactly its documented fields and is deterministic (US + DE)', (name) => {
    for (const ds of ['US', 'DE']) {
      const a = records(name, 5, makeCtx(ds, 'x'));
      const b = records(name, 5, makeCtx(ds, 'x'));
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      for (const r of a) expect(Object.keys(r)).toEqual([...(entityFieldNames(name) ?? [])]);
    }
  });

  it('lists all 23 entities', () => {
    expect(ENTITY_NAMES).toHaveLength(23);
    expect(entityFieldNames('Nope')).toBeUndefined();
  });
});

describe('Person', () => {
  it('is internally consistent: age/birthdate, salutation/gender, email from names', () => {
    for (const p of records('Person(min_age=18, max_age=90, other_gender_quota=0.1)', 200)) {
      expect(p.birthdate).toBeInstanceOf(PyDateTime);
      expect(p.age).toBe(ageOf(p.birthdate as PyDateTime));
      expect(p.age as number).toBeGreaterThanOrEqual(18);
      expect(p.age as number).toBeLessThanOrEqual(90);
      expect(p.name).toBe(`${p.given_name} ${p.family_name}`);
      expect(p.salutation).toBe({ female: 'Mrs.', male: 'Mr.', other: '' }[p.gender as string]);
      const local = String(p.email).split('@')[0] as string;
      expect(local.replace(/[._]/g, '')).toContain(ascii(String(p.family_name)));
    }
  });

  it('German persons get Herr/Frau, German mail providers and German-looking names', () => {
    const ps = records('Person', 100, makeCtx('DE'));
    for (const p of ps) {
      expect(['Herr', 'Frau', '']).toContain(p.salutation);
      expect(String(p.email)).toMatch(
        /@(web\.de|gmx\.de|t-online\.de|gmail\.com|posteo\.de|outlook\.de|freenet\.de)$/,
      );
    }
    const us = records('Person', 100, makeCtx('US'));
    expect(new Set(ps.map((p) => p.family_name))).not.toEqual(new Set(us.map((p) => p.family_name)));
    expect(
      ps.some((p) => /[äöüß]/.test(String(p.family_name)) || /(mann|er|ner)$/.test(String(p.family_name))),
    ).toBe(true);
  });

  it('honours female_quota, academic_title_quota and noble_quota', () => {
    expect(new Set(records('Person(female_quota=1)', 50).map((p) => p.gender))).toEqual(new Set(['female']));
    expect(new Set(records('Person(female_quota=0)', 50).map((p) => p.gender))).toEqual(new Set(['male']));
    expect(new Set(records('Person(academic_title_quota=0)', 50).map((p) => p.academic_title))).toEqual(
      new Set(['']),
    );
    const nobles = records('Person(noble_quota=1, female_quota=1)', 50, makeCtx('DE'));
    expect(nobles.every((p) => /(in|frau|essin)$/.test(String(p.nobility_title)))).toBe(true);
  });

  it('dataset argument overrides the context dataset', () => {
    const ps = records("Person(dataset='DE')", 30, makeCtx('US'));
    expect(ps.every((p) => ['Herr', 'Frau'].includes(String(p.salutation)))).toBe(true);
  });
});

describe('Address, City, Company', () => {
  it('DE addresses: 5-digit postcode, German state and city, phone area code of the city', () => {
    for (const a of records('Address', 50, makeCtx('DE'))) {
      expect(a.postal_code).toMatch(/^\d{5}$/);
      expect(a.zip_code).toBe(a.postal_code);
      expect(a.country).toBe('Deutschland');
      expect(a.country_code).toBe('DE');
      expect(String(a.office_phone)).toMatch(/^0\d{2,4} \d+$/);
      expect(String(a.mobile_phone)).toMatch(/^01[5-7]\d \d{8}$/);
      expect(a.formatted_address).toBe(`${a.street} ${a.house_number}, ${a.postal_code} ${a.city}`);
    }
    expect(records('Address', 80, makeCtx('DE')).map((a) => a.city)).toContain('Berlin');
  });

  it('US addresses: ZIP, state abbreviation, (area) phone', () => {
    for (const a of records('Address', 50, makeCtx('US'))) {
      expect(a.zip_code).toMatch(/^\d{5}$/);
      expect(a.state_abbr).toMatch(/^[A-Z]{2}$/);
      expect(a.country_code).toBe('US');
      expect(String(a.office_phone)).toMatch(/^\(\d{3}\) \d{3}-\d{4}$/);
    }
  });

  it('Company email and url share the domain; German legal forms for DE', () => {
    for (const c of records('Company', 40, makeCtx('DE'))) {
      const domain = String(c.email).split('@')[1];
      expect(c.url).toBe(`https://www.${domain}`);
      expect(String(c.full_name)).toMatch(/(GmbH|AG|KG|OHG|e\.K\.)$/);
    }
  });

  it('City and Country', () => {
    for (const c of records('City', 20, makeCtx('DE'))) expect(String(c.area_code)).toMatch(/^0\d{2,4}$/);
    for (const c of records('Country', 20)) expect(c.iso_code).toMatch(/^[A-Z]{2}$/);
  });
});

describe('finance', () => {
  it('credit card numbers pass Luhn and match the card type', () => {
    for (const c of records('CreditCard', 60)) {
      const n = String(c.card_number);
      expect(luhnCheckDigit(n.slice(0, -1))).toBe(Number(n.at(-1)));
      if (c.card_type === 'VISA') expect(n).toMatch(/^4\d{15}$/);
      if (c.card_type === 'AMEX') expect(n).toMatch(/^3[47]\d{13}$/);
      expect(c.expiration_date).toBeInstanceOf(PyDateTime);
    }
  });

  it('German bank accounts carry valid IBANs', () => {
    expect(germanIban('37040044', '0532013000')).toBe('DE89370400440532013000'); // the textbook example
    for (const a of records('BankAccount', 30, makeCtx('DE'))) {
      const iban = String(a.iban);
      expect(iban).toMatch(/^DE\d{20}$/);
      const re = iban.slice(4) + '1314' + iban.slice(2, 4);
      let rem = 0;
      for (const ch of re) rem = (rem * 10 + Number(ch)) % 97;
      expect(rem).toBe(1);
      expect(a.currency).toBe('EUR');
    }
  });

  it('Order totals add up', () => {
    for (const o of records('Order', 30)) {
      const items = o.product_list as { quantity: number; price: number }[];
      const sub = items.reduce((s, i) => s + i.quantity * i.price, 0);
      const total =
        sub - (o.discount_amount as number) + (o.tax_amount as number) + (o.shipping_amount as number);
      expect(Math.abs(total - (o.total_amount as number))).toBeLessThan(0.02);
    }
  });

  it('Transaction amounts respect min/max', () => {
    for (const t of records('Transaction(min_amount=10, max_amount=20)', 30)) {
      expect(t.amount as number).toBeGreaterThanOrEqual(10);
      expect(t.amount as number).toBeLessThanOrEqual(20);
    }
  });
});

describe('healthcare, insurance, public sector', () => {
  it('Patient age matches birthdate; German data for DE', () => {
    for (const p of records('Patient(min_age=30, max_age=40)', 30, makeCtx('DE'))) {
      expect(p.age).toBe(ageOf(p.birthdate as PyDateTime));
      expect(p.age as number).toBeGreaterThanOrEqual(30);
      expect(['AOK', 'Techniker Krankenkasse', 'BARMER', 'DAK-Gesundheit', 'IKK classic', 'KKH']).toContain(
        p.insurance_provider,
      );
    }
  });

  it('PoliceOfficer: hire date after 20th birthday, rank per dataset', () => {
    for (const o of records('PoliceOfficer', 30, makeCtx('DE'))) {
      expect(String(o.rank)).toMatch(/^(Erster )?Polizei/);
      expect(o.years_of_service as number).toBeLessThanOrEqual((o.age as number) - 19);
    }
    for (const o of records('PoliceOfficer', 30))
      expect(['Officer', 'Corporal', 'Sergeant', 'Lieutenant', 'Captain']).toContain(o.rank);
  });

  it('InsurancePolicy dates are ordered and coverages belong to the product', () => {
    for (const p of records('InsurancePolicy', 30)) {
      expect((p.end_date as PyDateTime).ms).toBeGreaterThan((p.start_date as PyDateTime).ms);
      for (const c of p.coverages as { product_code: string }[]) expect(c.product_code).toBe(p.product_code);
    }
  });
});

describe('errors', () => {
  it('unknown entity → MIMICFIX_GENERATOR with did-you-mean', () => {
    const e = thrown(() => records('Persn'));
    expect(e.code).toBe('MIMICFIX_GENERATOR');
    expect(e.message).toContain('Did you mean "Person"?');
  });

  it.each([
    ['Person(min_age=50, max_age=20)', '"min_age" (50) must not be greater'],
    ['Person(female_quota=2)', '"female_quota" must be between 0 and 1'],
    ['Person(minage=3)', 'Did you mean "min_age"?'],
    ['Address(foo=1)', 'has no argument "foo"'],
  ])('%s', (text, fragment) => {
    const e = thrown(() => records(text));
    expect(e.code).toBe('MIMICFIX_GENERATOR');
    expect(e.message).toContain(fragment);
  });
});
