import { createHash, getHashes } from 'node:crypto';
import type { GeneratorDef } from './generator-def';

export const HASH_ALGORITHMS = [
  'md5',
  'sha1',
  'sha224',
  'sha256',
  'sha384',
  'sha512',
  'sha3_256',
  'sha3_512',
] as const;

/** Node's name for a Python hashlib name (`sha3_256` → `sha3-256`). */
export function nodeHashName(algorithm: string): string | undefined {
  const n = algorithm.toLowerCase().replace('_', '-');
  if (!(HASH_ALGORITHMS as readonly string[]).includes(algorithm.toLowerCase())) return undefined;
  return getHashes().includes(n) ? n : undefined;
}

function randomBytes(rng: { nextUint32(): number }, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.nextUint32() & 0xff;
  return b;
}

/**
 * HashGenerator(algorithm='sha256', output_format='hex'): the digest of 32 random bytes. `hash_type` is accepted
 * as an alias of `algorithm` (the Hash converter's name).
 */
export const hashGenerator: GeneratorDef = {
  name: 'HashGenerator',
  params: ['algorithm', 'output_format', 'hash_type'],
  create(a, ctx) {
    const key = a.has('hash_type') ? 'hash_type' : 'algorithm';
    const type = a.str(key, 'sha256');
    const algo = nodeHashName(type);
    if (!algo) throw a.fail(`argument "${key}" must be one of ${HASH_ALGORITHMS.join(', ')}, got "${type}"`);
    const out = a.choice('output_format', ['hex', 'base64'], 'hex') as 'hex' | 'base64';
    return { next: () => createHash(algo).update(randomBytes(ctx.rng, 32)).digest(out) };
  },
};

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;

/**
 * TokenGenerator(token_type='hex', entropy=32, length=None, prefix=''): a random token from `entropy` random
 * bytes: 'hex' → 2 * entropy hex digits, 'urlsafe' → base64url without padding (as Python's
 * `secrets.token_urlsafe`), 'alnum' → `entropy` letters/digits. `length` fixes the number of characters instead.
 */
export const tokenGenerator: GeneratorDef = {
  name: 'TokenGenerator',
  params: ['token_type', 'entropy', 'length', 'prefix'],
  create(a, ctx) {
    const type = a.choice('token_type', ['hex', 'urlsafe', 'alnum'], 'hex');
    const entropy = a.int('entropy', 32);
    if (entropy < 1 || entropy > 1024) throw a.fail('argument "entropy" must be between 1 and 1024');
    const fixed = a.int('length');
    if (fixed !== undefined && (fixed < 1 || fixed > 4096))
      throw a.fail('argument "length" must be between 1 and 4096');
    const prefix = a.str('prefix', '');
    const len =
      fixed ?? (type === 'hex' ? entropy * 2 : type === 'urlsafe' ? Math.ceil((entropy * 4) / 3) : entropy);
    const set = type === 'hex' ? '0123456789abcdef' : type === 'alnum' ? ALNUM : B64URL;
    return {
      next() {
        let s = '';
        for (let i = 0; i < len; i++) s += set[ctx.rng.int(0, set.length - 1)];
        return prefix + s;
      },
    };
  },
};

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGIT = '0123456789';
const SPECIAL = '!@#$%^&*()-_=+[]{};:,.?';

/**
 * PasswordGenerator(length=16, include_special=True, include_numbers=True, include_uppercase=True): lower-case
 * letters always, plus at least one character of each enabled class; lengths below 8 become 8 (as DATAMIMIC).
 * `special`, `digits`, `uppercase` are accepted as short aliases.
 */
export const passwordGenerator: GeneratorDef = {
  name: 'PasswordGenerator',
  params: [
    'length',
    'include_special',
    'include_numbers',
    'include_uppercase',
    'special',
    'digits',
    'uppercase',
  ],
  create(a, ctx) {
    const requested = a.int('length', 16);
    if (requested > 1024) throw a.fail('argument "length" must be at most 1024');
    const len = Math.max(8, requested);
    const flag = (long: string, short: string) => a.bool(long, a.bool(short, true));
    const classes = [LOWER];
    if (flag('include_uppercase', 'uppercase')) classes.push(UPPER);
    if (flag('include_numbers', 'digits')) classes.push(DIGIT);
    if (flag('include_special', 'special')) classes.push(SPECIAL);
    const all = classes.join('');
    return {
      next() {
        const chars = classes.map((c) => c[ctx.rng.int(0, c.length - 1)] as string);
        while (chars.length < len) chars.push(all[ctx.rng.int(0, all.length - 1)] as string);
        return ctx.rng.shuffle(chars).join('');
      },
    };
  },
};

const COLOR_NAMES = [
  'red',
  'green',
  'blue',
  'yellow',
  'purple',
  'orange',
  'black',
  'white',
  'brown',
  'gray',
  'pink',
  'cyan',
  'magenta',
  'silver',
  'gold',
  'navy',
  'olive',
  'maroon',
  'lime',
  'teal',
  'indigo',
  'violet',
  'coral',
  'crimson',
];

/** ColorGenerator(format_type='hex'): `#1a2b3c`, `rgb(26,43,60)` ('rgb') or a basic color name ('name'). */
export const colorGenerator: GeneratorDef = {
  name: 'ColorGenerator',
  params: ['format_type', 'format'],
  create(a, ctx) {
    const key = a.has('format') ? 'format' : 'format_type';
    const format = a.choice(key, ['hex', 'rgb', 'name'], 'hex');
    return {
      next() {
        if (format === 'name') return ctx.rng.pick(COLOR_NAMES);
        const r = ctx.rng.int(0, 255);
        const g = ctx.rng.int(0, 255);
        const b = ctx.rng.int(0, 255);
        if (format === 'rgb') return `rgb(${r},${g},${b})`;
        return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      },
    };
  },
};
