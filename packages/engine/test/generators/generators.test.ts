import { describe, expect, it } from 'vitest';
import { cnpjCheckDigits, cpfCheckDigits, eanCheckDigit } from '../../src/generators/id-generators';
import {
  createGenerator,
  GENERATOR_NAMES,
  type GenContext,
  GeneratorCache,
  isGeneratorName,
  parseCallSpec,
} from '../../src/generators/index';
import { PyDateTime } from '../../src/script/index';
import { LOC, makeCtx, NOW, thrown } from './helpers';

function gen(text: string, ctx: GenContext = makeCtx()) {
  return createGenerator(parseCallSpec(text, LOC), ctx, LOC);
}
function take(text: string, n = 50, ctx: GenContext = makeCtx()): unknown[] {
  const g = gen(text, ctx);
  return Array.from({ length: n }, () => g.next());
}

describe('generator formats', () => {
  it.each<[string, RegExp]>([
    ['UUIDGenerator', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
    ['EmailAddressGenerator', /^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/],
    ["EmailAddressGenerator(given_name='Jörg', family_name='Weiß')", /^(joerg[._]?weiss|jweiss)@/],
    ['PhoneNumberGenerator', /^\+1-\d{3}-\d{7}$/],
    ["PhoneNumberGenerator(dataset='DE')", /^\+49-[1-9]\d{1,4}-\d+$/],
    ["PhoneNumberGenerator(dataset='DE', is_mobile=True)", /^\+49-1[5-7]\d-\d{7}$/],
    ["PhoneNumberGenerator(area_code='555')", /^\+1-555-\d{7}$/],
    ['SSNGenerator', /^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/],
    ['EANGenerator', /^\d{13}$/],
    ['EANGenerator(length=8)', /^\d{8}$/],
    ['CPFGenerator', /^\d{3}\.\d{3}\.\d{3}-\d{2}$/],
    ['CPFGenerator(formatted=False)', /^\d{11}$/],
    ['CNPJGenerator', /^\d{2}\.\d{3}\.\d{3}\/0001-\d{2}$/],
    ['HashGenerator', /^[0-9a-f]{64}$/],
    ["HashGenerator(hash_type='md5')", /^[0-9a-f]{32}$/],
    ["HashGenerator('sha1', 'base64')", /^[A-Za-z0-9+/]{27}=$/],
    ['TokenGenerator', /^[0-9a-f]{64}$/],
    ["TokenGenerator('urlsafe', entropy=12)", /^[A-Za-z0-9_-]{16}$/],
    ["HashGenerator(algorithm='sha512')", /^[0-9a-f]{128}$/],
    ["TokenGenerator(token_type='alnum', length=8, prefix='tk_')", /^tk_[A-Za-z0-9]{8}$/],
    ['ColorGenerator', /^#[0-9a-f]{6}$/],
    ["ColorGenerator(format_type='rgb')", /^rgb\(\d{1,3},\d{1,3},\d{1,3}\)$/],
    ["ColorGenerator('name')", /^[a-z]+$/],
    ['UrlGenerator', /^https:\/\/www\.[a-z0-9]+\.[a-z]+$/],
    ['DomainGenerator', /^[a-z0-9-]+\.[a-z]+$/],
    ["DataFakerGenerator(method='ipv4')", /^\d{1,3}(\.\d{1,3}){3}$/],
    ["DataFakerGenerator('email')", /^\S+@\S+\.\S+$/],
    ["StringGenerator(min_len=4, max_len=6, char_set='[a-c]')", /^[abc]{4,6}$/],
    ["StringGenerator(char_set='[0-9A-F]', min_len=8, max_len=8)", /^[0-9A-F]{8}$/],
    ["StringGenerator(char_set='[^a-z]', min_len=3, max_len=3)", /^[^a-z]{3}$/],
    ["StringGenerator(max_len=4, prefix='X-')", /^X-[A-Za-z0-9]{2,4}$/],
    ['GenderGenerator(female_quota=0.3, other_gender_quota=0.1)', /^(female|male|other)$/],
    ['DepartmentNameGenerator', /^[A-Z][A-Za-z ]+$/],
  ])('%s', (text, re) => {
    for (const v of take(text)) expect(String(v)).toMatch(re);
  });

  it('EAN, CPF and CNPJ carry valid check digits', () => {
    for (const v of take('EANGenerator') as string[])
      expect(eanCheckDigit(v.slice(0, 12))).toBe(Number(v[12]));
    // Known valid numbers from the Brazilian specification examples.
    expect(cpfCheckDigits([1, 1, 1, 4, 4, 4, 7, 7, 7])).toEqual([3, 5]);
    expect(cnpjCheckDigits([1, 1, 2, 2, 2, 3, 3, 3, 0, 0, 0, 1])).toEqual([8, 1]);
    for (const v of take('CPFGenerator(formatted=False)') as string[]) {
      expect(cpfCheckDigits([...v.slice(0, 9)].map(Number))).toEqual([Number(v[9]), Number(v[10])]);
    }
    for (const v of take('CNPJGenerator(formatted=False)') as string[]) {
      expect(cnpjCheckDigits([...v.slice(0, 12)].map(Number))).toEqual([Number(v[12]), Number(v[13])]);
    }
    expect(eanCheckDigit('400638133393')).toBe(1); // 4006381333931, a real EAN-13
  });

  it('PasswordGenerator has every enabled character class', () => {
    expect((take('PasswordGenerator', 1)[0] as string).length).toBe(16);
    expect((take('PasswordGenerator(length=3)', 1)[0] as string).length).toBe(8);
    for (const v of take('PasswordGenerator(length=10)') as string[]) {
      expect(v).toHaveLength(10);
      expect(v).toMatch(/[a-z]/);
      expect(v).toMatch(/[A-Z]/);
      expect(v).toMatch(/\d/);
      expect(v).toMatch(/[^A-Za-z0-9]/);
    }
    for (const v of take('PasswordGenerator(length=9, include_special=False, digits=False)') as string[]) {
      expect(v).toMatch(/^[A-Za-z]{9}$/);
    }
  });
});

describe('numbers and sequences', () => {
  it('IncrementGenerator counts from start by step', () => {
    expect(take('IncrementGenerator', 3)).toEqual([1, 2, 3]);
    expect(take('IncrementGenerator(start=10, step=-5)', 3)).toEqual([10, 5, 0]);
    // DATAMIMIC's positional order is (start, end, step).
    const g = gen('IncrementGenerator(5, 7)');
    expect([g.next(), g.next(), g.next()]).toEqual([5, 6, 7]);
    expect(thrown(() => g.next()).code).toBe('MIMICFIX_GENERATOR');
  });

  it('GlobalIncrementGenerator shares one counter across instances of the run', () => {
    const ctx = makeCtx();
    const a = gen('GlobalIncrementGenerator', ctx);
    const b = gen('GlobalIncrementGenerator(start=1)', ctx);
    expect([a.next(), b.next(), a.next()]).toEqual([1, 2, 3]);
    expect(gen('GlobalIncrementGenerator', makeCtx()).next()).toBe(1);
  });

  it('IntegerGenerator stays in [min, max] and reaches both ends', () => {
    const vs = take('IntegerGenerator(min=-2, max=2)', 200) as number[];
    expect(vs.every((v) => Number.isInteger(v) && v >= -2 && v <= 2)).toBe(true);
    expect(new Set(vs)).toEqual(new Set([-2, -1, 0, 1, 2]));
    expect((take('IntegerGenerator', 50) as number[]).every((v) => v >= 0 && v <= 1_000_000)).toBe(true);
  });

  it('FloatGenerator rounds to granularity/precision within range', () => {
    for (const v of take('FloatGenerator(min=1.5, max=2.5, precision=2)') as number[]) {
      expect(v).toBeGreaterThanOrEqual(1.5);
      expect(v).toBeLessThanOrEqual(2.5);
      expect(String(v)).toMatch(/^\d\.?\d{0,2}$/);
    }
    for (const v of take('FloatGenerator(min=0, max=10, granularity=0.5)') as number[])
      expect((v * 2) % 1).toBe(0);
  });

  it('GenderGenerator uses DATAMIMIC default quotas', () => {
    const vs = take('GenderGenerator', 2000) as string[];
    const others = vs.filter((v) => v === 'other').length;
    expect(others).toBeGreaterThan(10);
    expect(others).toBeLessThan(100);
    expect(new Set(take('GenderGenerator(female_quota=1)', 50))).toEqual(new Set(['female']));
    expect(new Set(take('GenderGenerator(female_quota=0, other_gender_quota=0)', 50))).toEqual(
      new Set(['male']),
    );
  });

  it('BooleanGenerator honours prob_true', () => {
    expect(new Set(take('BooleanGenerator(prob_true=1)', 20))).toEqual(new Set([true]));
    expect(new Set(take('BooleanGenerator', 100))).toEqual(new Set([true, false]));
  });
});

describe('dates', () => {
  it('DateTimeGenerator draws within [min, max] and returns PyDateTime', () => {
    const vs = take("DateTimeGenerator(min='2020-01-01 00:00:00', max='2020-01-31 23:59:59')");
    for (const v of vs) {
      expect(v).toBeInstanceOf(PyDateTime);
      const ms = (v as PyDateTime).ms;
      expect(ms).toBeGreaterThanOrEqual(Date.UTC(2020, 0, 1));
      expect(ms).toBeLessThanOrEqual(Date.UTC(2020, 0, 31, 23, 59, 59));
    }
  });

  it('DateTimeGenerator supports input_format, value and now', () => {
    const v = gen("DateTimeGenerator(value='31.12.2021', input_format='%d.%m.%Y')").next() as PyDateTime;
    expect(v.ms).toBe(Date.UTC(2021, 11, 31));
    expect((gen('DateTimeGenerator').next() as PyDateTime).ms).toBe(NOW.getTime());
    const r = gen("DateTimeGenerator(min='2001-02-03', max='2001-02-04')").next() as PyDateTime;
    expect(r.year).toBe(2001);
  });

  it('BirthdateGenerator gives ages within [min_age, max_age] at ctx.now', () => {
    for (const v of take('BirthdateGenerator(min_age=18, max_age=20)', 200) as PyDateTime[]) {
      const d = new Date(v.ms);
      let age = NOW.getUTCFullYear() - d.getUTCFullYear();
      if (
        NOW.getUTCMonth() < d.getUTCMonth() ||
        (NOW.getUTCMonth() === d.getUTCMonth() && NOW.getUTCDate() < d.getUTCDate())
      )
        age--;
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(20);
    }
  });
});

describe('locale data', () => {
  it('GivenName/FamilyName/StreetName differ between US and DE and look German for DE', () => {
    const de = take('StreetNameGenerator', 40, makeCtx('DE')) as string[];
    expect(de.some((s) => /(str\.|straße|weg|platz|allee|gasse|ring)/i.test(s))).toBe(true);
    const us = take('StreetNameGenerator', 40, makeCtx('US')) as string[];
    expect(us.some((s) => /(Street|Avenue|Road|Lane|Drive|Court|Way)/.test(s))).toBe(true);
    expect(take('FamilyNameGenerator', 20, makeCtx('DE'))).not.toEqual(
      take('FamilyNameGenerator', 20, makeCtx('US')),
    );
    expect(take('DepartmentNameGenerator', 60, makeCtx('DE'))).toContain('Vertrieb');
  });

  it('dataset argument overrides the context', () => {
    const vs = take("PhoneNumberGenerator(dataset='DE')", 20, makeCtx('US')) as string[];
    expect(vs.every((v) => v.startsWith('+49-'))).toBe(true);
  });

  it('GivenNameGenerator(gender) uses the gendered list', () => {
    const f = new Set(take("GivenNameGenerator(gender='female')", 200) as string[]);
    const m = new Set(take("GivenNameGenerator(gender='male')", 200) as string[]);
    const overlap = [...f].filter((x) => m.has(x));
    expect(overlap.length).toBeLessThan(f.size / 4);
  });

  it('AcademicTitleGenerator and NobilityTitleGenerator follow their quota', () => {
    expect(new Set(take('AcademicTitleGenerator(quota=0)', 30))).toEqual(new Set(['']));
    expect(
      (take("AcademicTitleGenerator(quota=1, dataset='DE')", 30) as string[]).every((t) => /Dr|Prof/.test(t)),
    ).toBe(true);
    expect(
      (take('NobilityTitleGenerator(noble_quota=1, gender="female")', 30) as string[]).every(
        (t) => t.length > 0,
      ),
    ).toBe(true);
    expect(new Set(take('NobilityTitleGenerator(noble_quota=1)', 30))).toEqual(new Set(['']));
  });
});

describe('determinism', () => {
  it.each(GENERATOR_NAMES.map((n) => (n === 'DataFakerGenerator' ? "DataFakerGenerator('name')" : n)))(
    '%s: same seed → same values',
    (text) => {
      const a = take(text, 10, makeCtx('DE', 'seed-1')).map(String);
      const b = take(text, 10, makeCtx('DE', 'seed-1')).map(String);
      expect(a).toEqual(b);
    },
  );

  it('a different seed gives different values', () => {
    expect(take('UUIDGenerator', 3, makeCtx('US', 1))).not.toEqual(
      take('UUIDGenerator', 3, makeCtx('US', 2)),
    );
  });
});

describe('errors', () => {
  it('unknown generator → MIMICFIX_GENERATOR with did-you-mean and the list', () => {
    const e = thrown(() => gen('IntegerGenrator'));
    expect(e.code).toBe('MIMICFIX_GENERATOR');
    expect(e.message).toContain('Did you mean "IntegerGenerator"?');
    expect((e as { hint?: string }).hint).toContain('UUIDGenerator');
  });

  it.each([
    ['IntegerGenerator(mn=1)', 'no argument "mn"'],
    ['IntegerGenerator(min=5, max=1)', '"min" (5) must not be greater'],
    ["IntegerGenerator(min='a')", '"min" must be an integer'],
    ['IntegerGenerator(1, 2, 3)', 'at most 2 positional'],
    ["StringGenerator(char_set='[z-a]')", '"char_set" is not a valid character class'],
    ["HashGenerator(hash_type='crc')", '"hash_type" must be one of'],
    ["HashGenerator('crc')", '"algorithm" must be one of'],
    ["TokenGenerator(token_type='bytes')", '"token_type" must be one of'],
    ["DateTimeGenerator(min='yesterday')", '"min" ("yesterday") does not match'],
    ['GenderGenerator(female_quota=1.5)', '"female_quota" must be between 0 and 1'],
    ["DataFakerGenerator(method='emial')", 'Did you mean "email"?'],
    ['DataFakerGenerator', 'needs the argument "method"'],
  ])('%s', (text, fragment) => {
    const e = thrown(() => gen(text));
    expect(e.code).toBe('MIMICFIX_GENERATOR');
    expect(e.message).toContain(fragment);
    expect(e.message).toContain('datamimic.xml:7:5');
  });

  it('isGeneratorName knows all and only the generators', () => {
    expect(GENERATOR_NAMES).toHaveLength(31);
    expect(GENERATOR_NAMES.every(isGeneratorName)).toBe(true);
    expect(isGeneratorName('Person')).toBe(false);
  });
});

describe('GeneratorCache', () => {
  it('reuses the instance for an identical generator string', () => {
    const cache = new GeneratorCache(makeCtx());
    const a = cache.get('IncrementGenerator', LOC);
    expect(a.next()).toBe(1);
    expect(cache.get('IncrementGenerator', LOC).next()).toBe(2);
    expect(cache.get('IncrementGenerator(start=1)', LOC).next()).toBe(1);
    expect(cache.size).toBe(2);
  });
});
