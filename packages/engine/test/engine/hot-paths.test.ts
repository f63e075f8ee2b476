// The fast paths added for the throughput benchmark (bench/throughput.mjs) must give exactly what the general
// code gives: these tests compare each fast path against the plain formula on inputs that take both branches.
import { describe, expect, it } from 'vitest';
import { createEntity } from '../../src/entities';
import { pyJson } from '../../src/exporters/py-format';
import { parseCallSpec } from '../../src/generators/call-spec';
import { asciiSlug, pickWeighted, type Weighted } from '../../src/generators/locale-data';
import { toPyRecordInPlace, toPyValue } from '../../src/generators/py-values';
import { createFaker } from '../../src/random/faker';
import { Rng } from '../../src/random/rng';
import { PyDateTime } from '../../src/script';

/** The general slug rules (umlauts, NFD, filter), without the ASCII shortcut. */
function slowSlug(text: string): string {
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

describe('asciiSlug', () => {
  it('gives the same slug on the ASCII shortcut and on the general path', () => {
    const names = [
      "O'Neil-Smith Jr.",
      'McDonald',
      'anna_2',
      '  ',
      '',
      'Müller',
      'José',
      'Straße 12',
      'ÄÖÜ',
      'Zoë',
    ];
    for (const n of names) expect(asciiSlug(n), n).toBe(slowSlug(n));
    expect(asciiSlug("O'Neil-Smith Jr.")).toBe('oneilsmithjr');
    expect(asciiSlug('Müller')).toBe('mueller');
    expect(asciiSlug('José')).toBe('jose');
  });
});

describe('pickWeighted', () => {
  it('draws like weightedIndex over the table weights, on every call', () => {
    const table: Weighted = [
      ['a', 1],
      ['b', 5],
      ['c', 0],
      ['d', 2],
    ];
    const a = new Rng('w');
    const b = new Rng('w');
    const weights = table.map((t) => t[1]);
    for (let i = 0; i < 200; i++) {
      expect(pickWeighted(a, table)).toBe((table[b.weightedIndex(weights)] as readonly [string, number])[0]);
    }
  });
});

describe('toPyValue / toPyRecordInPlace', () => {
  it('converts dates at any depth and copies nested containers', () => {
    const inner = { when: new Date(Date.UTC(2020, 1, 3)) };
    const list = [1, inner];
    const out = toPyValue({ s: 'x', n: 1, list }) as { s: string; n: number; list: unknown[] };
    expect(out.list).not.toBe(list);
    expect(out.list[1]).not.toBe(inner);
    expect((out.list[1] as { when: unknown }).when).toBeInstanceOf(PyDateTime);
    expect(inner.when).toBeInstanceOf(Date); // the input is left alone
    expect(toPyValue('s')).toBe('s');
    expect(toPyValue(null)).toBe(null);
  });

  it('converts an entity record in place, with the same result as toPyValue', () => {
    const make = () => ({
      a: 'x',
      b: new Date(Date.UTC(1990, 4, 6)),
      c: [new Date(0), 2],
      d: { e: new Date(1000) },
      f: null,
    });
    const record = make();
    const nested = record.d;
    const out = toPyRecordInPlace(record);
    expect(out).toBe(record);
    expect(out.d).not.toBe(nested);
    expect(pyJson(out)).toBe(pyJson(toPyValue(make())));
    expect(pyJson(out)).toBe(
      '{"a": "x", "b": "1990-05-06T00:00:00", "c": ["1970-01-01T00:00:00", 2], "d": {"e": "1970-01-01T00:00:01"}, "f": null}',
    );
  });

  it('leaves entity records with only primitive and datetime fields equal to a fresh copy', () => {
    const spec = parseCallSpec('Person(min_age=18, max_age=80)', { file: 'x.xml', line: 1, column: 1 });
    const ctx = (seed: string) => {
      const rng = new Rng(seed);
      return {
        rng,
        faker: createFaker(rng),
        dataset: 'US',
        locale: 'en',
        now: new Date(Date.UTC(2025, 0, 1)),
        shared: new Map(),
      };
    };
    const p1 = createEntity(spec, ctx('e'), { file: 'x.xml', line: 1, column: 1 });
    const p2 = createEntity(spec, ctx('e'), { file: 'x.xml', line: 1, column: 1 });
    const a = p1.next();
    const b = p2.next();
    expect(a).not.toBe(b);
    expect(a.birthdate).toBeInstanceOf(PyDateTime);
    expect(pyJson(a)).toBe(pyJson(b));
    expect(Object.keys(a)).toEqual(p1.fields);
  });
});

describe('pyJson keys', () => {
  it('escapes keys as json.dumps does, also past the key cache bound', () => {
    expect(pyJson({ 'a"b': 1, ü: 2, plain: 'ß' })).toBe('{"a\\"b": 1, "\\u00fc": 2, "plain": "\\u00df"}');
    const many: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) many[`k${i}`] = i;
    const text = pyJson(many);
    expect(JSON.parse(text)).toEqual(many);
    expect(text.startsWith('{"k0": 0, "k1": 1')).toBe(true);
    expect(pyJson({ 'a"b': 1 })).toBe('{"a\\"b": 1}');
  });
});
