/**
 * Conformance suite: one descriptor per language feature (descriptors/*.xml), each run through the engine
 * with `capture`, with assertions on the records and a determinism check (two runs, same seed, same records).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type GenerateResult, generate } from '../../src/index';

type Rec = Record<string, unknown>;
type Check = (c: Record<string, Rec[]>, r: GenerateResult) => void;

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'descriptors');

const all = <T>(xs: T[], f: (x: T) => boolean) => expect(xs.every(f)).toBe(true);
const col = (rows: Rec[] | undefined, k: string) => (rows ?? []).map((r) => r[k]);
const distinct = (xs: unknown[]) => new Set(xs.map((x) => JSON.stringify(x))).size;
const isStr = (v: unknown) => typeof v === 'string' && v.length > 0;

const CASES: Record<string, Check> = {
  '01-increment': (c) => expect(col(c.rows, 'id')).toEqual([10, 15, 20, 25, 30]),
  '02-integer': (c) => {
    const v = col(c.dice, 'roll') as number[];
    all(v, (x) => Number.isInteger(x) && x >= 1 && x <= 6);
    expect(new Set(v).size).toBe(6);
  },
  '03-float': (c) => {
    const v = col(c.prices, 'price') as number[];
    all(
      v,
      (x) =>
        typeof x === 'number' &&
        x >= 10 &&
        x <= 20 &&
        Math.round(x * 100) === Math.round(x * 100 * 1) &&
        Number(x.toFixed(2)) === x,
    );
    expect(distinct(v)).toBeGreaterThan(50);
  },
  '04-boolean': (c) => expect(new Set(col(c.flags, 'flag'))).toEqual(new Set([true, false])),
  '05-string': (c) =>
    all(col(c.codes, 'code'), (s) => typeof s === 'string' && s.length >= 5 && s.length <= 8),
  '06-datetime': (c) => all(col(c.events, 'day'), (s) => typeof s === 'string' && /^2020-\d\d-\d\d$/.test(s)),
  '07-uuid': (c) => {
    const v = col(c.ids, 'id');
    all(v, (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(String(s)));
    expect(distinct(v)).toBe(200);
  },
  '08-person-generators': (c) => {
    expect(c.people).toHaveLength(50);
    all(c.people!, (r) => isStr(r.given) && isStr(r.family) && isStr(r.gender));
    expect(distinct(col(c.people, 'given'))).toBeGreaterThan(10);
  },
  '09-contact-generators': (c) =>
    all(c.contacts!, (r) => String(r.email).includes('@') && isStr(r.phone) && isStr(r.street)),
  '10-business-generators': (c) =>
    all(
      c.companies!,
      (r) => isStr(r.company) && isStr(r.department) && isStr(r.sector) && isStr(r.domain) && isStr(r.url),
    ),
  '11-id-generators': (c) => {
    all(col(c.docs, 'ean'), (s) => /^\d{13}$/.test(String(s)));
    all(c.docs!, (r) => isStr(r.ssn) && isStr(r.cnpj) && isStr(r.cpf));
  },
  '12-security-generators': (c) => {
    all(col(c.secrets, 'hash'), (s) => /^[0-9a-f]{64}$/.test(String(s)));
    all(c.secrets!, (r) => isStr(r.token) && String(r.password).length === 12 && isStr(r.color));
  },
  '13-datafaker': (c) => {
    all(col(c.fake, 'n'), (n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 9999);
    all(col(c.fake, 'job'), isStr);
  },
  '14-global-increment': (c) => {
    expect(col(c.first, 'id')).toEqual([1, 2, 3]);
    expect(col(c.second, 'id')).toEqual([4, 5, 6]);
  },
  '15-shared-generator': (c) => {
    // one instance per element and generator string (as DATAMIMIC CE caches them); a <generator name> is shared
    expect(c.a).toEqual([
      { x: 100, y: 1, z: 1 },
      { x: 101, y: 2, z: 2 },
      { x: 102, y: 3, z: 3 },
    ]);
    expect(col(c.b, 'x')).toEqual([103, 104]);
  },
  '16-entity-person': (c) => {
    expect(c.people).toHaveLength(100);
    all(c.people!, (r) => !('p' in r) && isStr(r.given) && isStr(r.family) && String(r.email).includes('@'));
    all(col(c.people, 'age'), (a) => typeof a === 'number' && a >= 18 && a <= 30);
    expect(distinct(col(c.people, 'given'))).toBeGreaterThan(20);
  },
  '17-entity-address-company': (c) =>
    all(c.sites!, (r) => isStr(r.city) && isStr(r.zip) && isStr(r.company) && isStr(r.country)),
  '18-entity-finance': (c) =>
    all(
      c.accounts!,
      (r) => /^[0-9 ]{12,}$/.test(String(r.card_number)) && isStr(r.iban) && typeof r.balance === 'number',
    ),
  '19-entity-healthcare': (c) =>
    all(c.visits!, (r) => isStr(r.patient) && isStr(r.doctor) && isStr(r.specialty)),
  '20-entity-commerce-insurance': (c) =>
    all(c.deals!, (r) => isStr(r.product) && typeof r.price === 'number' && isStr(r.policy)),
  '21-entity-dataset': (c) => {
    all(col(c.leute, 'given'), isStr);
    expect(distinct(col(c.leute, 'given'))).toBeGreaterThan(5);
  },
  '22-converters-string': (c) => expect(c.conv![0]).toEqual({ up: 'HELLO', low: 'hello', chain: 'ABC!' }),
  '23-converters-mask-hash': (c) =>
    expect(c.masked![0]).toEqual({
      mask: '******',
      middle: '12******90',
      md5: '900150983cd24fb0d6963f7d28e17f72',
    }),
  '24-converters-date': (c) => all(col(c.dates, 'd'), (s) => /^\d\d\.03\.2021$/.test(String(s))),
  '25-condition': (c) => {
    for (const r of c.graded!) {
      const s = r.score as number;
      expect(r.grade).toBe(s >= 80 ? 'A' : s >= 50 ? 'B' : 'C');
    }
    expect(distinct(col(c.graded, 'grade'))).toBe(3);
  },
  '26-key-condition': (c) => {
    for (const r of c.opt!) {
      const even = (r.n as number) % 2 === 0;
      expect('even' in r).toBe(even);
      expect(r.odd).toBe(even ? 'no' : 'yes');
    }
  },
  '27-list-item': (c) => {
    expect(c.bags![0]).toEqual({ n: 1, items: [{ kind: 'always' }] });
    expect(c.bags![9]).toEqual({ n: 10, items: [{ kind: 'always' }, { kind: 'big', n2: 20 }] });
  },
  '28-array': (c) => {
    for (const r of c.arrays!) {
      expect((r.ints as number[]).length).toBe(4);
      all(r.ints as number[], Number.isInteger);
      expect((r.words as string[]).length).toBe(2);
      expect(r.fixed).toEqual([1, 2, 3]);
    }
  },
  '29-null-quota': (c) => {
    all(col(c.sparse, 'always_null'), (v) => v === null);
    all(col(c.sparse, 'never_null'), (v) => v === 'x');
    const nulls = col(c.sparse, 'half').filter((v) => v === null).length;
    expect(nulls).toBeGreaterThan(140);
    expect(nulls).toBeLessThan(260);
  },
  // DATAMIMIC: defaultValue (a Python expression) replaces a failing script or a false condition, not a None
  '30-default-value': (c) =>
    expect(c.defaults![0]).toEqual({ a: 'fallback', b: 'set', c: 42, d: null, e: null }),
  '31-pattern': (c) => {
    all(col(c.plates, 'plate'), (s) => /^[A-Z]{2}-[0-9]{3}$/.test(String(s)));
    all(col(c.plates, 'hex'), (s) => /^0x[0-9a-f]{4}$/.test(String(s)));
  },
  '32-string-template': (c) => all(c.greetings!, (r) => r.greeting === `Hello ${r.first} #${r.n}`),
  '33-source-scripted': (c) =>
    expect(c.scripted).toEqual([
      { label: 'one', total: 2, seen: 2 },
      { label: 'two', total: 9, seen: 9 },
    ]),
  '34-expr-attributes': (c) => {
    expect(c.computed).toHaveLength(6);
    all(c.computed!, (r) => (r.children as unknown[]).length === 2);
  },
  '35-properties': (c) => expect(c.configured).toEqual(Array(4).fill({ env: 'ci', label: 'P1' })),
  '36-memstore': (c) => {
    expect(col(c.invoice, 'customer_id')).toEqual([1, 2, 3, 4]);
    all(c.invoice!, (r) => r.customer_id === r.id && ['gold', 'silver'].includes(String(r.tier)));
  },
  '37-nested-generate': (c, r) => {
    expect(r.counts).toEqual({ order: 3, line: 6 });
    expect(col(c.line, 'order_id')).toEqual([1, 2, 2, 3, 3, 3]);
    // the same key keeps its generator across the parent's records
    expect(col(c.line, 'line_no')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.order).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  },
  '38-distribution': (c) => {
    const letters = 'abcdefghij'.split('');
    expect(col(c.ordered, 'letter')).toEqual(letters);
    const shuffled = col(c.shuffled, 'letter');
    expect(shuffled).not.toEqual(letters);
    expect([...shuffled].sort()).toEqual(letters);
  },
  '39-cyclic': (c) => {
    expect(c.cycled).toHaveLength(25);
    expect(col(c.cycled, 'letter').slice(10, 13)).toEqual(['a', 'b', 'c']);
    expect(c.capped).toHaveLength(10);
  },
  '40-selector': (c) => expect(col(c.vowels, 'letter')).toEqual(['a', 'e', 'i']),
  '41-nested-key-range': (c) => {
    const lengths = c.baskets!.map((r) => (r.fruits as unknown[]).length);
    all(lengths, (n) => n >= 1 && n <= 4);
    expect(new Set(lengths).size).toBeGreaterThan(2);
    all(c.baskets!, (r) => [1, 2, 3].includes((r.info as Rec).size as number));
  },
  '42-values-types': (c) => {
    all(col(c.typed, 'n'), (v) => [1, 2, 3].includes(v as number));
    all(col(c.typed, 's'), (v) => v === '1' || v === '2');
    all(c.typed!, (r) => r.i === 7 && r.f === 2.5 && r.b === false);
  },
  '43-variables': (c) => expect(c.staff).toEqual([1, 2, 3, 4, 5].map((n) => ({ label: `ACME-${n}` }))),
  '44-date-formats': (c) => expect(col(c.reformatted, 'd')).toEqual(['2023/12/24', '2023/12/24']),
  '45-weighted-source': (c) => {
    const v = col(c.weighted, 'status');
    const active = v.filter((s) => s === 'active').length;
    expect(v.filter((s) => s === '').length).toBe(0);
    expect(active + v.filter((s) => s === 'inactive').length).toBe(1000);
    expect(active).toBeGreaterThan(740);
    expect(active).toBeLessThan(860);
  },
  '46-type-alone': (c) =>
    all(
      c.randoms!,
      (r) => Number.isInteger(r.i) && typeof r.f === 'number' && typeof r.b === 'boolean' && isStr(r.s),
    ),
  '47-script-functions': (c) =>
    all(
      c.scripted!,
      (r) =>
        [1, 2, 3].includes(r.r as number) &&
        r.up === 'ABC' &&
        r.length === 3 &&
        r.cond === ((r.r as number) > 2 ? 'big' : 'small') &&
        r.fs === 'ABC-3',
    ),
  '48-ent-csv-nested': (c) =>
    expect(c.orders![1]).toEqual({
      id: 2,
      lines: [
        { sku: 'A1', qty: '2', order_id: 2 },
        { sku: 'B2', qty: '5', order_id: 2 },
      ],
    }),
  '49-generate-converter': (c) =>
    expect(c.shout).toEqual([
      { a: 'QUIET', b: 'WORDS' },
      { a: 'QUIET', b: 'WORDS' },
    ]),
  '50-targets': (c, r) => {
    expect(c.multi).toHaveLength(3);
    expect(r.artifacts.map((a) => a.file).sort()).toEqual([
      'multi.csv',
      'multi.json',
      'multi.ndjson',
      'multi.txt',
      'multi.xml',
    ]);
    all(r.artifacts, (a) => a.records === 3);
  },
  '51-expr-source': (c) => {
    expect(col(c.fromExpr, 'letter')).toEqual(['a', 'b', 'c', 'd']);
    all(col(c.fromExpr, 'w'), (w) => w === 'active' || w === 'inactive');
  },
  '52-native-ranges': (c) => {
    expect(new Set(col(c.ranged, 'i'))).toEqual(new Set([5, 6, 7]));
    all(col(c.ranged, 'f'), (f) => typeof f === 'number' && f >= 1.5 && f < 2.5);
    all(col(c.ranged, 's'), (s) => typeof s === 'string' && s.length >= 3 && s.length <= 4);
    const heavy = col(c.ranged, 'w').filter((w) => w === 'heavy').length;
    expect(heavy).toBeGreaterThan(160);
    expect(heavy).toBeLessThan(200);
  },
};

async function runCase(name: string, seed: string): Promise<GenerateResult> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-conf-'));
  return generate(path.join(dir, `${name}.xml`), { capture: true, outDir, seed });
}

describe('conformance', () => {
  it('has a check for every descriptor and at least 40 of them', () => {
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => f.slice(0, -4))
      .sort();
    expect(files).toEqual(Object.keys(CASES).sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const [name, check] of Object.entries(CASES)) {
    it(name, async () => {
      const first = await runCase(name, 'conformance');
      check(first.captured ?? {}, first);
      const again = await runCase(name, 'conformance');
      expect(again.captured).toEqual(first.captured);
    });
  }
});
