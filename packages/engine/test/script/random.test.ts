import { describe, expect, it } from 'vitest';
import { compileExpression, FAKE_METHODS, PyDate, PyDateTime } from '../../src/script';
import { errorOf, LOC, makeCtx, run, scopeOf } from './helpers';

const RANDOM_EXPRS = [
  'random.random()',
  'random.randint(1, 6)',
  'random.uniform(10, 20)',
  "random.choice(['a', 'b', 'c'])",
  "random.choices(['a', 'b'], weights=[1, 3], k=5)",
  'random.sample(range(10), 3)',
  'random.gauss(0, 1)',
  'uuid.uuid4()',
  'fake.first_name()',
  "fake.numerify('###-##')",
];

function draw(seed: number): unknown[] {
  const ctx = makeCtx(seed);
  const scope = scopeOf({});
  return RANDOM_EXPRS.map((src) => compileExpression(src, LOC).evaluate(scope, ctx));
}

describe('random determinism', () => {
  it('same seed gives the same values, another seed different ones', () => {
    const a = draw(7);
    expect(draw(7)).toEqual(a);
    expect(draw(8)).not.toEqual(a);
  });

  it('values lie in their documented ranges', () => {
    const ctx = makeCtx(1);
    const expr = compileExpression('random.randint(1, 6)', LOC);
    const seen = new Set<unknown>();
    for (let i = 0; i < 200; i++) seen.add(expr.evaluate(scopeOf({}), ctx));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const u = run('random.uniform(10, 20)') as number;
    expect(u).toBeGreaterThanOrEqual(10);
    expect(u).toBeLessThan(20);
    expect(run('uuid.uuid4()')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(run("len(random.choices('ab', k=7))")).toBe(7);
    expect(new Set(run('random.sample(range(5), 5)') as number[]).size).toBe(5);
    expect([0, 5]).toContain(run('random.randrange(0, 10, 5)'));
    expect(run('random.randrange(1000000000)')).toBeLessThan(1e9);
    expect(Number.isInteger(run('random.randrange(1000000000)'))).toBe(true);
  });
});

describe('fake.*', () => {
  it.each(FAKE_METHODS.filter((m) => !['numerify', 'lexify', 'bothify', 'random_element'].includes(m)))(
    'fake.%s() returns a value',
    (m) => {
      const v = run(`fake.${m}()`);
      expect(v === null || v === undefined || v === '').toBe(false);
    },
  );

  it('follows Python Faker shapes', () => {
    expect(run("fake.numerify('###-###')")).toMatch(/^\d{3}-\d{3}$/);
    expect(run("fake.lexify('??')")).toMatch(/^[a-zA-Z]{2}$/);
    expect(run("fake.bothify('##-??', letters='XY')")).toMatch(/^\d\d-[XY]{2}$/);
    expect(run('fake.credit_card_number()')).toMatch(/^\d+$/);
    expect(run('fake.random_int(5, 7)')).toBeGreaterThanOrEqual(5);
    expect(run('fake.random_int(min=5, max=7)')).toBeLessThanOrEqual(7);
    expect(run('fake.pyfloat(right_digits=1, min_value=0, max_value=1)')).toBeLessThanOrEqual(1);
    expect((run('fake.text(max_nb_chars=40)') as string).length).toBeLessThanOrEqual(40);
    expect(run('len(fake.words(4))')).toBe(4);
    const ean = run('fake.ean13()') as string;
    const sum = [...ean].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
    expect(sum % 10).toBe(0);
  });

  it('dates honour the arguments relative to ctx.now', () => {
    for (let seed = 0; seed < 20; seed++) {
      const dob = run('fake.date_of_birth(minimum_age=18, maximum_age=20)', {}, makeCtx(seed)) as PyDate;
      expect(dob).toBeInstanceOf(PyDate);
      expect(dob.ms).toBeLessThanOrEqual(Date.UTC(2006, 0, 15));
      expect(dob.ms).toBeGreaterThan(Date.UTC(2003, 0, 15));
      const d = run("fake.date_between(start_date='-10d', end_date='today')", {}, makeCtx(seed)) as PyDate;
      expect(d.ms).toBeGreaterThanOrEqual(Date.UTC(2024, 0, 5));
      expect(d.ms).toBeLessThanOrEqual(Date.UTC(2024, 0, 15));
    }
    expect(run("fake.date_time_between(start_date='-1y')")).toBeInstanceOf(PyDateTime);
    expect(run('fake.iso8601()')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('an unmapped provider is a clear error listing the mapped ones', () => {
    const e = errorOf(() => run('fake.first_nam()'));
    expect(e.code).toBe('MIMICFIX_SCRIPT_ERROR');
    expect(e.message).toMatch(/did you mean: 'first_name'/);
    expect((e as unknown as { hint: string }).hint).toMatch(/mapped faker methods: first_name, last_name/);
  });
});
