import { MimicfixError } from '../errors/mimicfix-error';
import type { GeneratorDef } from './generator-def';

/** IncrementGenerator(start=1, end=None, step=1) (DATAMIMIC's positional order): start, start+step, ... per instance. */
export const incrementGenerator: GeneratorDef = {
  name: 'IncrementGenerator',
  params: ['start', 'end', 'step'],
  create(a) {
    const start = a.int('start', 1);
    const step = a.int('step', 1);
    const end = a.int('end');
    if (step === 0) throw a.fail('argument "step" must not be 0');
    let cur = start;
    return {
      next() {
        if (end !== undefined && (step > 0 ? cur > end : cur < end)) {
          throw new MimicfixError('MIMICFIX_GENERATOR', `IncrementGenerator passed its end ${end}`, {
            location: a.location,
          });
        }
        const v = cur;
        cur += step;
        return v;
      },
    };
  },
};

/** GlobalIncrementGenerator(start=1, step=1): one counter for the whole run, shared by every instance. */
export const globalIncrementGenerator: GeneratorDef = {
  name: 'GlobalIncrementGenerator',
  params: ['start', 'step'],
  create(a, ctx) {
    const start = a.int('start', 1);
    const step = a.int('step', 1);
    const key = 'GlobalIncrementGenerator';
    return {
      next() {
        const cur = ctx.shared.has(key) ? (ctx.shared.get(key) as number) : start;
        ctx.shared.set(key, cur + step);
        return cur;
      },
    };
  },
};

/** IntegerGenerator(min=0, max=1000000): uniform integer, both ends inclusive. */
export const integerGenerator: GeneratorDef = {
  name: 'IntegerGenerator',
  params: ['min', 'max'],
  create(a, ctx) {
    const min = a.int('min', 0);
    const max = a.int('max', 1_000_000);
    if (min > max) throw a.fail(`argument "min" (${min}) must not be greater than "max" (${max})`);
    return { next: () => ctx.rng.int(min, max) };
  },
};

function decimals(x: number): number {
  const s = String(x);
  if (s.includes('e-')) return Number.parseInt(s.split('e-')[1] as string, 10);
  return s.includes('.') ? (s.split('.')[1] as string).length : 0;
}

/**
 * FloatGenerator(min=0, max=10, granularity=0.1, precision): uniform float rounded to a multiple of `granularity`
 * (or to `precision` decimal places when given).
 */
export const floatGenerator: GeneratorDef = {
  name: 'FloatGenerator',
  params: ['min', 'max', 'granularity', 'precision'],
  create(a, ctx) {
    const min = a.num('min', 0);
    const max = a.num('max', 10);
    if (min > max) throw a.fail(`argument "min" (${min}) must not be greater than "max" (${max})`);
    const precision = a.int('precision');
    if (precision !== undefined && (precision < 0 || precision > 15))
      throw a.fail('argument "precision" must be between 0 and 15');
    const gran = precision !== undefined ? 10 ** -precision : a.num('granularity', 0.1);
    if (!(gran > 0)) throw a.fail('argument "granularity" must be greater than 0');
    const digits = precision ?? decimals(gran);
    return {
      next() {
        const x = ctx.rng.float(min, max);
        let r = Math.round(x / gran) * gran;
        if (r > max) r -= gran;
        if (r < min) r += gran;
        return Number(r.toFixed(digits));
      },
    };
  },
};

/** BooleanGenerator(prob_true=0.5). */
export const booleanGenerator: GeneratorDef = {
  name: 'BooleanGenerator',
  params: ['prob_true'],
  create(a, ctx) {
    const p = a.quota('prob_true', 0.5);
    return { next: () => ctx.rng.bool(p) };
  },
};

/** UUIDGenerator: RFC 4122 version-4 UUID strings (`as_string` is accepted; the value is always a string). */
export const uuidGenerator: GeneratorDef = {
  name: 'UUIDGenerator',
  params: ['as_string'],
  create(_a, ctx) {
    return { next: () => ctx.rng.uuid4() };
  },
};
