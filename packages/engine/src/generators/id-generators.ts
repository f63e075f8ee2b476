import type { Rng } from '../random/rng';
import type { GeneratorDef } from './generator-def';
import { digits } from './places';

/** Check digit of an EAN/GTIN body (weights 1,3,1,3,... from the left for 12-digit bodies). */
export function eanCheckDigit(body: string): number {
  let sum = 0;
  const n = body.length;
  for (let i = 0; i < n; i++) sum += Number(body[n - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** Modulo-11 check digit used by CPF/CNPJ. */
function mod11(nums: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  nums.forEach((d, i) => {
    sum += d * (weights[i] as number);
  });
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

export function cpfCheckDigits(nine: readonly number[]): [number, number] {
  const d1 = mod11(nine, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = mod11([...nine, d1], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return [d1, d2];
}

export function cnpjCheckDigits(twelve: readonly number[]): [number, number] {
  const d1 = mod11(twelve, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = mod11([...twelve, d1], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return [d1, d2];
}

function randomDigits(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.int(0, 9));
}

/** SSNGenerator: US Social Security number `AAA-GG-SSSS` (area not 000/666/9xx, group not 00, serial not 0000). */
export const ssnGenerator: GeneratorDef = {
  name: 'SSNGenerator',
  params: [],
  create(_a, ctx) {
    return {
      next() {
        let area = ctx.rng.int(1, 898);
        if (area === 666) area = 667;
        const group = ctx.rng.int(1, 99);
        const serial = ctx.rng.int(1, 9999);
        return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
      },
    };
  },
};

/** EANGenerator(length=13): EAN-13 (or EAN-8 with `length=8`) digits with a valid check digit. */
export const eanGenerator: GeneratorDef = {
  name: 'EANGenerator',
  params: ['length'],
  create(a, ctx) {
    const len = a.int('length', 13);
    if (len !== 13 && len !== 8) throw a.fail('argument "length" must be 13 or 8');
    return {
      next() {
        const body = String(ctx.rng.int(1, 9)) + digits(ctx.rng, len - 2);
        return body + String(eanCheckDigit(body));
      },
    };
  },
};

/** CPFGenerator(formatted=True): Brazilian CPF `123.456.789-09` with valid check digits. */
export const cpfGenerator: GeneratorDef = {
  name: 'CPFGenerator',
  params: ['formatted'],
  create(a, ctx) {
    const formatted = a.bool('formatted', true);
    return {
      next() {
        let nine = randomDigits(ctx.rng, 9);
        // All-equal digits are valid by arithmetic but rejected by real validators.
        if (nine.every((d) => d === nine[0])) nine = [...nine.slice(0, 8), ((nine[8] as number) + 1) % 10];
        const all = [...nine, ...cpfCheckDigits(nine)].join('');
        return formatted ? `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}` : all;
      },
    };
  },
};

/** CNPJGenerator(formatted=True): Brazilian CNPJ `12.345.678/0001-95` with valid check digits. */
export const cnpjGenerator: GeneratorDef = {
  name: 'CNPJGenerator',
  params: ['formatted'],
  create(a, ctx) {
    const formatted = a.bool('formatted', true);
    return {
      next() {
        const twelve = [...randomDigits(ctx.rng, 8), 0, 0, 0, 1];
        const all = [...twelve, ...cnpjCheckDigits(twelve)].join('');
        return formatted
          ? `${all.slice(0, 2)}.${all.slice(2, 5)}.${all.slice(5, 8)}/${all.slice(8, 12)}-${all.slice(12)}`
          : all;
      },
    };
  },
};
