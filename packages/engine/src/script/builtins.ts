import { argOr, arity, asInt, asNumber, asString, noKwargs } from './args';
import { callValue } from './call';
import type { Env } from './context';
import { fieldsToMs, PyDate, PyDateTime, PyTimedelta, parseIso, strptime } from './datetime';
import { DATETIME_HELPERS, helperFunction } from './datetime-helpers';
import { checkLength, PyError, typeError, valueError } from './errors';
import { FAKE_NAMESPACE } from './faker-map';
import { formatValue, pyCompare, pyEq, pyIter, pyRepr, pyStr, truthy, typeName } from './py-ops';
import { pyRound } from './round';
import {
  type BuiltinFn,
  dictSet,
  isPlainObject,
  isTuple,
  type KwArgs,
  makeTuple,
  newDict,
  PyBuiltin,
  PyNamespace,
} from './values';

/** The whitelisted global names: builtins and modules. A Map, so no name falls through to Object.prototype. */
export const GLOBALS = new Map<string, unknown>();

function def(name: string, fn: BuiltinFn): PyBuiltin {
  const b = new PyBuiltin(name, fn);
  GLOBALS.set(name, b);
  return b;
}

function fnMap(prefix: string, entries: [string, BuiltinFn][]): Map<string, unknown> {
  return new Map(entries.map(([n, f]) => [n, new PyBuiltin(`${prefix}.${n}`, f)]));
}

function parseIntStr(s: string, base: number): number {
  const t = s.trim().replace(/_/g, '');
  let body = t;
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body.startsWith('-') ? -1 : 1;
    body = body.slice(1);
  }
  let b = base;
  // base 0 (and the matching base) accept a 0x/0o/0b prefix, as in Python
  const prefixed = /^0([xob])/i.exec(body);
  if (prefixed) {
    const pb = { x: 16, o: 8, b: 2 }[(prefixed[1] as string).toLowerCase() as 'x' | 'o' | 'b'];
    if (b === 0 || b === pb) {
      body = body.slice(2);
      b = pb;
    }
  }
  if (b === 0) b = 10;
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  if (body === '' || ![...body.toLowerCase()].every((c) => digits.includes(c))) {
    throw valueError(`invalid literal for int() with base ${base}: ${pyRepr(s)}`);
  }
  return sign * Number.parseInt(body, b);
}

function itemsOf(v: unknown): readonly unknown[] {
  return pyIter(v);
}

function keyed(kwargs: KwArgs, env: Env): ((x: unknown) => unknown) | null {
  const key = kwargs?.get('key');
  if (key === undefined || key === null) return null;
  return (x) => callValue(key, [x], null, env);
}

function minMax(name: 'min' | 'max', args: unknown[], kwargs: KwArgs, env: Env): unknown {
  noKwargs(name, kwargs, ['key', 'default']);
  const items = args.length === 1 ? itemsOf(args[0]) : args;
  if (args.length === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
  if (items.length === 0) {
    if (kwargs?.has('default')) return kwargs.get('default');
    throw valueError(`${name}() arg is an empty sequence`);
  }
  const key = keyed(kwargs, env);
  let best = items[0];
  let bestKey = key ? key(best) : best;
  for (let i = 1; i < items.length; i++) {
    const k = key ? key(items[i]) : items[i];
    const c = pyCompare(k, bestKey, name === 'min' ? '<' : '>');
    if (name === 'min' ? c < 0 : c > 0) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

function range(args: unknown[]): number[] {
  arity('range', args, 1, 3);
  const [a, b, c] = args.map((x) => asInt(x, 'range'));
  const start = b === undefined ? 0 : (a as number);
  const stop = b === undefined ? (a as number) : b;
  const step = c ?? 1;
  if (step === 0) throw valueError('range() arg 3 must not be zero');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  checkLength(n, 'range()');
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  return out;
}

function toDict(args: unknown[], kwargs: KwArgs): Record<string, unknown> {
  arity('dict', args, 0, 1);
  const d = newDict();
  if (args.length === 1) {
    const src = args[0];
    if (isPlainObject(src)) for (const k of Object.keys(src)) dictSet(d, k, src[k]);
    else if (src instanceof Map) for (const [k, v] of src) dictSet(d, pyStr(k), v);
    else
      for (const pair of itemsOf(src)) {
        const kv = itemsOf(pair);
        if (kv.length !== 2) throw valueError('dictionary update sequence element has length other than 2');
        dictSet(d, pyStr(kv[0]), kv[1]);
      }
  }
  if (kwargs !== null) for (const [k, v] of kwargs) dictSet(d, k, v);
  return d;
}

// --- the builtin functions --------------------------------------------------------------------------------

const STR = def('str', (a) => {
  arity('str', a, 0, 1);
  return a.length === 0 ? '' : pyStr(a[0]);
});
const INT = def('int', (a, k) => {
  arity('int', a, 0, 2);
  const v = a[0] ?? 0;
  const base = argOr(a, k, 1, 'base', undefined);
  if (typeof v === 'string') return parseIntStr(v, base === undefined ? 10 : asInt(base, 'int', 'base'));
  if (base !== undefined) throw typeError("int() can't convert non-string with explicit base");
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw valueError(`cannot convert float ${pyStr(v)} to integer`);
    const t = Math.trunc(v);
    return t === 0 ? 0 : t;
  }
  throw typeError(`int() argument must be a string or a number, not '${typeName(v)}'`);
});
const FLOAT = def('float', (a) => {
  arity('float', a, 0, 1);
  const v = a[0] ?? 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase().replace(/_/g, '');
    if (/^[+-]?(inf|infinity)$/.test(t))
      return t.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (/^[+-]?nan$/.test(t)) return Number.NaN;
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return Number(t);
    throw valueError(`could not convert string to float: ${pyRepr(v)}`);
  }
  throw typeError(`float() argument must be a string or a number, not '${typeName(v)}'`);
});
const BOOL = def('bool', (a) => (a.length === 0 ? false : truthy(a[0])));
def('len', (a) => {
  arity('len', a, 1, 1);
  const v = a[0];
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (v instanceof Map || v instanceof Set) return v.size;
  if (isPlainObject(v)) return Object.keys(v).length;
  throw typeError(`object of type '${typeName(v)}' has no len()`);
});
def('round', (a, k) => {
  arity('round', a, 1, 2);
  const nd = argOr(a, k, 1, 'ndigits', null);
  return pyRound(asNumber(a[0], 'round'), nd === null ? undefined : asInt(nd, 'round', 'ndigits'));
});
def('min', (a, k, env) => minMax('min', a, k, env));
def('max', (a, k, env) => minMax('max', a, k, env));
def('abs', (a) => {
  arity('abs', a, 1, 1);
  if (a[0] instanceof PyTimedelta) return new PyTimedelta(Math.abs(a[0].ms));
  return Math.abs(asNumber(a[0], 'abs'));
});
def('sum', (a, k) => {
  arity('sum', a, 1, 2);
  let total = argOr(a, k, 1, 'start', 0);
  for (const x of itemsOf(a[0])) {
    if (typeof total === 'number' && typeof x === 'number') total += x;
    else if (total instanceof PyTimedelta && x instanceof PyTimedelta)
      total = new PyTimedelta(total.ms + x.ms);
    else total = asNumber(total, 'sum') + asNumber(x, 'sum', 'item');
  }
  return total;
});
def('sorted', (a, k, env) => {
  arity('sorted', a, 1, 1);
  noKwargs('sorted', k, ['key', 'reverse']);
  const key = keyed(k, env);
  const reverse = truthy(k?.get('reverse') ?? false);
  const items = itemsOf(a[0]);
  const decorated = items.map((x, i) => [key ? key(x) : x, i, x] as const);
  decorated.sort((p, q) => {
    const c = pyCompare(p[0], q[0], '<');
    return (reverse ? -c : c) || p[1] - q[1];
  });
  return decorated.map((d) => d[2]);
});
def('reversed', (a) => {
  arity('reversed', a, 1, 1);
  return itemsOf(a[0]).slice().reverse();
});
const LIST = def('list', (a) => {
  arity('list', a, 0, 1);
  return a.length === 0 ? [] : itemsOf(a[0]).slice();
});
const TUPLE = def('tuple', (a) => {
  arity('tuple', a, 0, 1);
  return makeTuple(a.length === 0 ? [] : itemsOf(a[0]).slice());
});
const SET = def('set', (a) => {
  arity('set', a, 0, 1);
  const s = new Set<unknown>();
  if (a.length === 1) for (const x of itemsOf(a[0])) if (![...s].some((y) => pyEq(x, y))) s.add(x);
  return s;
});
const DICT = def('dict', (a, k) => toDict(a, k));
def('range', (a) => range(a));
def('enumerate', (a, k) => {
  arity('enumerate', a, 1, 2);
  const start = asInt(argOr(a, k, 1, 'start', 0), 'enumerate', 'start');
  return itemsOf(a[0]).map((x, i) => makeTuple([i + start, x]));
});
def('zip', (a) => {
  const lists = a.map(itemsOf);
  const n = lists.length === 0 ? 0 : Math.min(...lists.map((l) => l.length));
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(makeTuple(lists.map((l) => l[i])));
  return out;
});
def('any', (a) => itemsOf(a[0]).some(truthy));
def('all', (a) => itemsOf(a[0]).every(truthy));
def('map', (a, _k, env) => {
  arity('map', a, 2, Number.POSITIVE_INFINITY);
  const lists = a.slice(1).map(itemsOf);
  const n = Math.min(...lists.map((l) => l.length));
  const out: unknown[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      callValue(
        a[0],
        lists.map((l) => l[i]),
        null,
        env,
      ),
    );
  return out;
});
def('filter', (a, _k, env) => {
  arity('filter', a, 2, 2);
  return itemsOf(a[1]).filter((x) => truthy(a[0] === null ? x : callValue(a[0], [x], null, env)));
});
def('chr', (a) => {
  const n = asInt(a[0], 'chr');
  if (n < 0 || n > 0x10ffff) throw valueError('chr() arg not in range(0x110000)');
  return String.fromCodePoint(n);
});
def('ord', (a) => {
  const s = asString(a[0], 'ord');
  const cps = Array.from(s);
  if (cps.length !== 1)
    throw typeError(`ord() expected a character, but string of length ${cps.length} found`);
  return s.codePointAt(0);
});
def('repr', (a) => pyRepr(a[0]));
def('format', (a) => {
  arity('format', a, 1, 2);
  return formatValue(a[0], a[1] === undefined ? '' : asString(a[1], 'format', 'format_spec'));
});
def('divmod', (a) => {
  arity('divmod', a, 2, 2);
  const x = asNumber(a[0], 'divmod');
  const y = asNumber(a[1], 'divmod');
  if (y === 0) throw new PyError('ZeroDivisionError', 'integer division or modulo by zero');
  const q = Math.floor(x / y);
  return makeTuple([q, x - q * y]);
});
def('pow', (a) => {
  arity('pow', a, 2, 3);
  const r = asNumber(a[0], 'pow') ** asNumber(a[1], 'pow');
  return a[2] === undefined
    ? r
    : ((r % asNumber(a[2], 'pow')) + asNumber(a[2], 'pow')) % asNumber(a[2], 'pow');
});
def('hex', (a) => {
  const n = asInt(a[0], 'hex');
  return `${n < 0 ? '-' : ''}0x${Math.abs(n).toString(16)}`;
});
def('hash', () => {
  throw typeError('hash() is not supported in mimicfix scripts (it is not deterministic in Python either)');
});

// --- datetime ---------------------------------------------------------------------------------------------

const TIMEDELTA_ARGS = [
  'days',
  'seconds',
  'microseconds',
  'milliseconds',
  'minutes',
  'hours',
  'weeks',
] as const;
const TIMEDELTA_MS = [86_400_000, 1000, 0.001, 1, 60_000, 3_600_000, 604_800_000];

const TIMEDELTA = new PyNamespace(
  'timedelta',
  new Map(),
  (a, k) => {
    arity('timedelta', a, 0, 7);
    let ms = 0;
    a.forEach((v, i) => {
      ms += asNumber(v, 'timedelta', TIMEDELTA_ARGS[i]) * (TIMEDELTA_MS[i] as number);
    });
    if (k !== null) {
      for (const [name, v] of k) {
        const idx = TIMEDELTA_ARGS.indexOf(name as (typeof TIMEDELTA_ARGS)[number]);
        if (idx < 0) throw typeError(`timedelta() got an unexpected keyword argument '${name}'`);
        ms += asNumber(v, 'timedelta', name) * (TIMEDELTA_MS[idx] as number);
      }
    }
    return new PyTimedelta(ms);
  },
  'type',
);

const DATETIME_FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond'];
function temporalArgs(name: string, a: unknown[], k: KwArgs, n: number): unknown[] {
  arity(name, a, 0, n);
  const vals: unknown[] = DATETIME_FIELDS.slice(0, n).map((f, i) => argOr(a, k, i, f, i < 3 ? undefined : 0));
  noKwargs(name, k, DATETIME_FIELDS.slice(0, n));
  vals.forEach((v, i) => {
    if (v === undefined) throw typeError(`${name}() missing required argument '${DATETIME_FIELDS[i]}'`);
  });
  return vals;
}

const nowOf = (env: Env): PyDateTime => new PyDateTime(env.ctx.now.getTime());

const DATE = new PyNamespace(
  'date',
  fnMap('date', [
    ['today', (_a, _k, env) => nowOf(env).date()],
    ['fromisoformat', (a) => new PyDate(parseIso(asString(a[0], 'fromisoformat')).ms)],
  ]),
  (a, k) => new PyDate(fieldsToMs(...(temporalArgs('date', a, k, 3) as [number, number, number]))),
  'type',
);

const DATETIME = new PyNamespace(
  'datetime',
  fnMap('datetime', [
    ['now', (_a, _k, env) => nowOf(env)],
    ['today', (_a, _k, env) => nowOf(env)],
    ['utcnow', (_a, _k, env) => nowOf(env)],
    [
      'strptime',
      (a) => {
        arity('strptime', a, 2, 2);
        return strptime(asString(a[0], 'strptime'), asString(a[1], 'strptime'));
      },
    ],
    ['fromisoformat', (a) => new PyDateTime(parseIso(asString(a[0], 'fromisoformat')).ms)],
    ['fromtimestamp', (a) => new PyDateTime(asNumber(a[0], 'fromtimestamp') * 1000)],
    [
      'combine',
      (a) => {
        const d = a[0];
        const t = a[1];
        if (!(d instanceof PyDate || d instanceof PyDateTime))
          throw typeError('combine() argument 1 must be a date');
        return new PyDateTime(
          d.ms -
            (((d.ms % 86_400_000) + 86_400_000) % 86_400_000) +
            (t instanceof PyDateTime ? ((t.ms % 86_400_000) + 86_400_000) % 86_400_000 : 0),
        );
      },
    ],
  ]),
  (a, k) => new PyDateTime(fieldsToMs(...(temporalArgs('datetime', a, k, 7) as [number, number, number]))),
  'type',
);
// DATAMIMIC scripts use both `datetime.now()` (the class) and `datetime.datetime.now()` (the module):
// the one `datetime` name serves both.
DATETIME.members.set('datetime', DATETIME);
DATETIME.members.set('date', DATE);
DATETIME.members.set('timedelta', TIMEDELTA);
GLOBALS.set('datetime', DATETIME);
for (const [name, helper] of DATETIME_HELPERS) {
  const call = helperFunction(name, helper);
  def(name, (a) => call(a));
}
GLOBALS.set('date', DATE);
GLOBALS.set('timedelta', TIMEDELTA);

// --- random, math, uuid -----------------------------------------------------------------------------------

function gauss(env: Env, mu: number, sigma: number): number {
  const u1 = 1 - env.ctx.rng.next();
  const u2 = env.ctx.rng.next();
  return mu + sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

GLOBALS.set(
  'random',
  new PyNamespace(
    'random',
    fnMap('random', [
      [
        'random',
        (a, _k, env) => {
          arity('random', a, 0, 0);
          return env.ctx.rng.next();
        },
      ],
      [
        'randint',
        (a, _k, env) => {
          arity('randint', a, 2, 2);
          const lo = asInt(a[0], 'randint');
          const hi = asInt(a[1], 'randint');
          if (hi < lo) throw valueError(`empty range in randint(${lo}, ${hi})`);
          return env.ctx.rng.int(lo, hi);
        },
      ],
      [
        'randrange',
        (a, _k, env) => {
          arity('randrange', a, 1, 3);
          const [x, y, z] = a.map((v) => asInt(v, 'randrange'));
          const start = y === undefined ? 0 : (x as number);
          const stop = y === undefined ? (x as number) : y;
          const step = z ?? 1;
          if (step === 0) throw valueError('randrange() step must not be zero');
          const n = Math.ceil((stop - start) / step);
          if (n <= 0) throw valueError(`empty range in randrange(${a.map(pyStr).join(', ')})`);
          return start + step * env.ctx.rng.int(0, n - 1);
        },
      ],
      [
        'uniform',
        (a, _k, env) => {
          arity('uniform', a, 2, 2);
          return env.ctx.rng.float(asNumber(a[0], 'uniform'), asNumber(a[1], 'uniform'));
        },
      ],
      [
        'choice',
        (a, _k, env) => {
          arity('choice', a, 1, 1);
          const items = itemsOf(a[0]);
          if (items.length === 0) throw new PyError('IndexError', 'Cannot choose from an empty sequence');
          return env.ctx.rng.pick(items);
        },
      ],
      [
        'choices',
        (a, k, env) => {
          arity('choices', a, 1, 2);
          noKwargs('choices', k, ['weights', 'k']);
          const items = itemsOf(a[0]);
          const weightsV = argOr(a, k, 1, 'weights', null);
          const n = asInt(k?.get('k') ?? 1, 'choices', 'k');
          checkLength(n, 'choices()');
          if (items.length === 0) throw new PyError('IndexError', 'Cannot choose from an empty sequence');
          const weights =
            weightsV === null ? null : itemsOf(weightsV).map((w) => asNumber(w, 'choices', 'weight'));
          if (weights && weights.length !== items.length)
            throw valueError('The number of weights does not match the population');
          const out: unknown[] = [];
          for (let i = 0; i < n; i++)
            out.push(weights ? items[env.ctx.rng.weightedIndex(weights)] : env.ctx.rng.pick(items));
          return out;
        },
      ],
      [
        'sample',
        (a, k, env) => {
          arity('sample', a, 1, 2);
          const items = itemsOf(a[0]);
          const n = asInt(argOr(a, k, 1, 'k', undefined), 'sample', 'k');
          if (n < 0 || n > items.length) throw valueError('Sample larger than population or is negative');
          return env.ctx.rng.shuffle(items).slice(0, n);
        },
      ],
      [
        'gauss',
        (a, k, env) =>
          gauss(
            env,
            asNumber(argOr(a, k, 0, 'mu', 0), 'gauss'),
            asNumber(argOr(a, k, 1, 'sigma', 1), 'gauss'),
          ),
      ],
      [
        'normalvariate',
        (a, k, env) =>
          gauss(
            env,
            asNumber(argOr(a, k, 0, 'mu', 0), 'normalvariate'),
            asNumber(argOr(a, k, 1, 'sigma', 1), 'normalvariate'),
          ),
      ],
    ]),
  ),
);

function mathFn(
  name: string,
  f: (x: number) => number,
  domain?: (x: number) => boolean,
): [string, BuiltinFn] {
  return [
    name,
    (a) => {
      arity(name, a, 1, 1);
      const x = asNumber(a[0], name);
      if (domain && !domain(x)) throw valueError('math domain error');
      return f(x);
    },
  ];
}

const MATH = new PyNamespace(
  'math',
  fnMap('math', [
    mathFn('floor', Math.floor),
    mathFn('ceil', Math.ceil),
    mathFn('trunc', Math.trunc),
    mathFn('sqrt', Math.sqrt, (x) => x >= 0),
    mathFn('exp', Math.exp),
    mathFn('fabs', Math.abs),
    mathFn('log10', Math.log10, (x) => x > 0),
    mathFn('log2', Math.log2, (x) => x > 0),
    mathFn('sin', Math.sin),
    mathFn('cos', Math.cos),
    mathFn('tan', Math.tan),
    [
      'pow',
      (a) => {
        arity('pow', a, 2, 2);
        return asNumber(a[0], 'pow') ** asNumber(a[1], 'pow');
      },
    ],
    [
      'log',
      (a) => {
        arity('log', a, 1, 2);
        const x = asNumber(a[0], 'log');
        if (x <= 0) throw valueError('math domain error');
        return a[1] === undefined ? Math.log(x) : Math.log(x) / Math.log(asNumber(a[1], 'log'));
      },
    ],
  ]),
);
MATH.members.set('isnan', new PyBuiltin('math.isnan', (a) => Number.isNaN(asNumber(a[0], 'isnan'))));
MATH.members.set('pi', Math.PI);
MATH.members.set('e', Math.E);
MATH.members.set('tau', 2 * Math.PI);
MATH.members.set('inf', Number.POSITIVE_INFINITY);
MATH.members.set('nan', Number.NaN);
GLOBALS.set('math', MATH);

GLOBALS.set(
  'uuid',
  new PyNamespace('uuid', fnMap('uuid', [['uuid4', (_a, _k, env) => env.ctx.rng.uuid4()]])),
);
GLOBALS.set('fake', FAKE_NAMESPACE);

// --- isinstance -------------------------------------------------------------------------------------------

const TYPE_TESTS = new Map<unknown, (v: unknown) => boolean>([
  [STR, (v) => typeof v === 'string'],
  [INT, (v) => typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v))],
  [FLOAT, (v) => typeof v === 'number' && !Number.isInteger(v)],
  [BOOL, (v) => typeof v === 'boolean'],
  [LIST, (v) => Array.isArray(v) && !isTuple(v)],
  [TUPLE, (v) => isTuple(v)],
  [DICT, (v) => isPlainObject(v) || v instanceof Map],
  [SET, (v) => v instanceof Set],
  [DATETIME, (v) => v instanceof PyDateTime],
  [DATE, (v) => v instanceof PyDate || v instanceof PyDateTime],
  [TIMEDELTA, (v) => v instanceof PyTimedelta],
]);
def('isinstance', (a) => {
  arity('isinstance', a, 2, 2);
  const types = Array.isArray(a[1]) ? a[1] : [a[1]];
  return types.some((t) => {
    const test = TYPE_TESTS.get(t);
    if (!test) throw typeError('isinstance() arg 2 must be a type or tuple of types');
    return test(a[0]);
  });
});
