import { describe, expect, it } from 'vitest';
import { pyStr } from '../../src/script';
import { run } from './helpers';

const vars = {
  x: 3.14159,
  n: 42,
  s: 'Hello World',
  xs: [3, 1, 2],
  d: { a: 1, b: 'two' },
  p: { given_name: 'Ada', family_name: 'Lovelace', age: 36 },
  empty: '',
  none: null,
};

const cases: [string, unknown][] = [
  // literals
  ['1', 1],
  ['1_000', 1000],
  ['0x1F', 31],
  ['1.5e3', 1500],
  ['.5', 0.5],
  ["'a\\tb'", 'a\tb'],
  ['"it\'s"', "it's"],
  ["r'a\\nb'", 'a\\nb'],
  ["'a' 'b'", 'ab'],
  ["'\\u00e9'", 'é'],
  ['True', true],
  ['None', null],
  ['[1, 2, 3]', [1, 2, 3]],
  ["{'a': 1, 'b': [2]}", { a: 1, b: [2] }],
  ['(1, 2)', [1, 2]],
  // arithmetic, Python semantics
  ['7 / 2', 3.5],
  ['7 // 2', 3],
  ['-7 // 2', -4],
  ['-7 % 3', 2],
  ['7 % -3', -2],
  ['2 ** 10', 1024],
  ['-2 ** 2', -4],
  ['2 ** 3 ** 2', 512],
  ['1 + 2 * 3 - 4 / 2', 5],
  ['(1 + 2) * 3', 9],
  ["'ab' * 3", 'ababab'],
  ["3 * 'ab'", 'ababab'],
  ['[1] * 3', [1, 1, 1]],
  ['[1, 2] + [3]', [1, 2, 3]],
  ["'a' + 'b'", 'ab'],
  ['True + 1', 2],
  ['-n', -42],
  ['+n', 42],
  // comparisons
  ['1 < n < 50', true],
  ['1 < n < 5', false],
  ['n == 42.0', true],
  ['1 == True', true],
  ["'a' < 'b'", true],
  ['[1, 2] < [1, 3]', true],
  ["'World' in s", true],
  ["'x' not in s", true],
  ['2 in xs', true],
  ["'a' in d", true],
  ['none is None', true],
  ['n is not None', true],
  ['1 != 2', true],
  // boolean logic returns operands
  ["empty or 'default'", 'default'],
  ["s and 'yes'", 'yes'],
  ['0 or none', null],
  ['[] or {}', {}],
  ['not empty', true],
  ['not xs', false],
  ['not 0 and 1', 1],
  ["'big' if n > 10 else 'small'", 'big'],
  ["'a' if False else 'b' if False else 'c'", 'c'],
  // attributes, indexing, slicing
  ['p.given_name', 'Ada'],
  ["p.given_name + ' ' + p.family_name", 'Ada Lovelace'],
  ["d['b']", 'two'],
  ['xs[0]', 3],
  ['xs[-1]', 2],
  ['s[0:5]', 'Hello'],
  ['s[-5:]', 'World'],
  ['s[::-1]', 'dlroW olleH'],
  ['xs[::2]', [3, 2]],
  ['s[:100]', 'Hello World'],
  // builtins
  ['str(1) + str(2.5) + str(True) + str(None)', '12.5TrueNone'],
  ["int('12')", 12],
  ["int(' -7 ')", -7],
  ['int(3.9)', 3],
  ['int(-3.9)', -3],
  ["int('ff', 16)", 255],
  ["float('1.5')", 1.5],
  ['bool(0)', false],
  ["bool('x')", true],
  ['len(s)', 11],
  ['len(d)', 2],
  ['round(2.5)', 2],
  ['round(3.5)', 4],
  ['round(-2.5)', -2],
  ['round(2.675, 2)', 2.67],
  ['round(x, 2)', 3.14],
  ['round(1234, -2)', 1200],
  ['min(xs)', 1],
  ['max(3, 7, 5)', 7],
  ['max(xs, key=lambda v: -v)', 1],
  ['min([], default=0)', 0],
  ['abs(-3)', 3],
  ['sum(xs)', 6],
  ['sum(i for i in range(4))', 6],
  ['sorted(xs)', [1, 2, 3]],
  ['sorted(xs, reverse=True)', [3, 2, 1]],
  ["sorted(['bb', 'a', 'ccc'], key=len)", ['a', 'bb', 'ccc']],
  ["list('abc')", ['a', 'b', 'c']],
  ['dict(a=1)', { a: 1 }],
  ["dict([('k', 'v')])", { k: 'v' }],
  ['range(3)', [0, 1, 2]],
  ['range(10, 0, -3)', [10, 7, 4, 1]],
  [
    "list(enumerate(['a', 'b'], 1))",
    [
      [1, 'a'],
      [2, 'b'],
    ],
  ],
  [
    "list(zip([1, 2], ['a', 'b']))",
    [
      [1, 'a'],
      [2, 'b'],
    ],
  ],
  ['any([0, 0, 1])', true],
  ['all([1, 0])', false],
  ["isinstance('x', str)", true],
  ['isinstance(1, (str, int))', true],
  ['chr(65)', 'A'],
  ["ord('a')", 97],
  ['divmod(7, 2)', [3, 1]],
  // string methods
  ['s.upper()', 'HELLO WORLD'],
  ['s.lower()', 'hello world'],
  ["'hello wORLD'.title()", 'Hello World'],
  ["'hello WORLD'.capitalize()", 'Hello world'],
  ["'  pad  '.strip()", 'pad'],
  ["'xxpadxx'.strip('x')", 'pad'],
  ["'  pad'.lstrip()", 'pad'],
  ["'pad  '.rstrip()", 'pad'],
  ["'a,b,c'.split(',')", ['a', 'b', 'c']],
  ["'a b  c'.split()", ['a', 'b', 'c']],
  ["'a,b,c'.split(',', 1)", ['a', 'b,c']],
  ["'-'.join(['a', 'b'])", 'a-b'],
  ["s.replace('l', 'L')", 'HeLLo WorLd'],
  ["s.startswith('Hell')", true],
  ["s.endswith(('x', 'd'))", true],
  ["s.find('o')", 4],
  ["s.find('z')", -1],
  ["'42'.zfill(5)", '00042'],
  ["'-42'.zfill(5)", '-0042'],
  ["'{} is {}'.format('n', n)", 'n is 42'],
  ["'{name}:{v:>4}'.format(name='a', v=7)", 'a:   7'],
  ["'123'.isdigit()", true],
  ["'abc'.isalpha()", true],
  ["'banana'.count('a')", 3],
  ["'ab'.center(6, '*')", '**ab**'],
  ["'ab'.ljust(4, '.')", 'ab..'],
  ["'ab'.rjust(4)", '  ab'],
  ["'%s-%05d' % ('id', 42)", 'id-00042'],
  ["'%.2f' % x", '3.14'],
  // list/dict methods
  ["d.get('a')", 1],
  ["d.get('zz', 'dflt')", 'dflt'],
  ["d.get('zz')", null],
  ['d.keys()', ['a', 'b']],
  ['d.values()', [1, 'two']],
  [
    'd.items()',
    [
      ['a', 1],
      ['b', 'two'],
    ],
  ],
  ['xs.index(2)', 2],
  ['xs.count(3)', 1],
  ["{'items': [1]}.items()", [['items', [1]]]],
  ["{'items': [1]}.items", [1]],
  ["{'double': lambda v: v * 2}.double(4)", 8],
  // f-strings
  ["f'{x:.2f}'", '3.14'],
  ["f'{n:05d}'", '00042'],
  ["f'{n:,}'", '42'],
  ["f'{1234567:,}'", '1,234,567'],
  ["f'{p.given_name} {p.family_name[0]}.'", 'Ada L.'],
  ["f'{n * 2}'", '84'],
  ["f'{{literal}} {n}'", '{literal} 42'],
  ["f'{s!r}'", "'Hello World'"],
  ["f'{n:>6}|{s:<12}|'", '    42|Hello World |'],
  ["f'{0.5:.0%}'", '50%'],
  ["f'{n:x}'", '2a'],
  ["f'{x:{n // 10}.{1 + 1}f}'", '3.14'],
  ['f\'{d["a"]}\'', '1'],
  ["f'{True}'", 'True'],
  ["f'{xs}'", '[3, 1, 2]'],
  ['f"{2.5:.0f}"', '2'],
  // comprehensions and lambdas
  ['[i * 2 for i in xs]', [6, 2, 4]],
  ['[i for i in range(10) if i % 3 == 0 if i > 0]', [3, 6, 9]],
  [
    '[(a, b) for a in range(2) for b in range(2)]',
    [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ],
  ],
  ['{k: v for k, v in d.items()}', { a: 1, b: 'two' }],
  ['{str(i): i * i for i in range(3) if i}', { '1': 1, '2': 4 }],
  ['[c.upper() for c in "ab"]', ['A', 'B']],
  ['[[j for j in range(i)] for i in range(3)]', [[], [0], [0, 1]]],
  ['(lambda a, b=2: a * b)(5)', 10],
  ['list(map(lambda v: v + n, xs))', [45, 43, 44]],
  // math
  ['math.floor(2.7)', 2],
  ['math.ceil(2.1)', 3],
  ['math.sqrt(16)', 4],
  ['math.pow(2, 3)', 8],
  ['round(math.pi, 4)', 3.1416],
  ['math.log(math.e)', 1],
  ['math.log(8, 2)', 3],
  ['math.trunc(-2.5)', -2],
  ['math.fabs(-1.5)', 1.5],
];

describe('expressions (table)', () => {
  it.each(cases)('%s', (src, expected) => {
    expect(run(src, vars)).toEqual(expected);
  });
});

describe('pyStr', () => {
  const strCases: [unknown, string][] = [
    [true, 'True'],
    [false, 'False'],
    [null, 'None'],
    [undefined, 'None'],
    [3, '3'],
    [3.5, '3.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e-5, '1e-05'],
    [1e22, '10000000000000000000000'],
    [[1, 'a', null], "[1, 'a', None]"],
    [{ a: 1, b: [true] }, "{'a': 1, 'b': [True]}"],
    ["it's", "it's"],
    [[["it's"]], '[["it\'s"]]'],
  ];
  it.each(strCases)('pyStr(%j) = %s', (v, s) => {
    expect(pyStr(v)).toBe(s);
  });

  it('prints tuples and strings inside containers with repr', () => {
    expect(run('str((1,))')).toBe('(1,)');
    expect(run("str(('a', 2))")).toBe("('a', 2)");
    expect(run("str({'k': 'v'})")).toBe("{'k': 'v'}");
  });
});

describe('compile once, evaluate many', () => {
  it('re-evaluates with different scopes', () => {
    const values = [1, 2, 3].map((i) => run('i * 10 + len(name)', { i, name: 'ab' }));
    expect(values).toEqual([12, 22, 32]);
  });
});
