import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/loaders/csv';
import { loadDataset, loadDatasetSync } from '../src/loaders/load-dataset';
import { iterateNdjson } from '../src/loaders/ndjson';
import { parseXmlItems } from '../src/loaders/xml';
import { detectSeparatorInText } from '../src/store/csv-separator';
import type { DatasetEntry } from '../src/types';
import { tempDir, writeFiles } from './helpers/temp';

function entry(format: DatasetEntry['format'], files: string[], separator?: string): DatasetEntry {
  return { format, files, records: 0, bytes: 0, sha256: '', ...(separator ? { separator } : {}) };
}

describe('loaders', () => {
  it('loads JSON arrays, chunk files in order', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'p_0.json': '[{"id":1},{"id":2}]', 'p_1.json': '[{"id":3}]' });
    const e = entry('json', ['p_0.json', 'p_1.json']);
    expect(loadDatasetSync(dir, e)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(await loadDataset(dir, e)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('loads NDJSON and iterates it line by line', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'p.ndjson': '{"id":1,"n":{"x":true}}\n\n{"id":2}\n' });
    expect(loadDatasetSync(dir, entry('ndjson', ['p.ndjson']))).toEqual([
      { id: 1, n: { x: true } },
      { id: 2 },
    ]);
    const seen: unknown[] = [];
    for await (const r of iterateNdjson(path.join(dir, 'p.ndjson'))) seen.push(r);
    expect(seen).toEqual([{ id: 1, n: { x: true } }, { id: 2 }]);
  });

  it('loads CSV with | by default, quoted fields, "" escapes, newlines in quotes; values are strings', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'p.csv': 'id|name|note\r\n1|Ann|"a|b"\r\n2|"Bo ""B"""|"line1\nline2"\r\n3||\r\n',
      'q.csv': 'id,name\n1,"x,y"\n',
    });
    expect(loadDatasetSync(dir, entry('csv', ['p.csv']))).toEqual([
      { id: '1', name: 'Ann', note: 'a|b' },
      { id: '2', name: 'Bo "B"', note: 'line1\nline2' },
      { id: '3', name: '', note: '' },
    ]);
    expect(loadDatasetSync(dir, entry('csv', ['q.csv'], ','))).toEqual([{ id: '1', name: 'x,y' }]);
  });

  it('detects the separator from a header row', () => {
    expect(detectSeparatorInText('a|b|c\n1,2,3,4,5')).toBe('|');
    expect(detectSeparatorInText('a,b;c,d\n')).toBe(',');
    expect(detectSeparatorInText('a;b;c')).toBe(';');
    expect(detectSeparatorInText('a\tb')).toBe('\t');
    expect(detectSeparatorInText('single')).toBe('|');
    expect(detectSeparatorInText('"a,b,c"|d')).toBe('|');
  });

  it('loads XML <list><item> into objects with nested and repeated elements', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<list>\n  <item>\n    <id>1</id>\n    <name>A &amp; B</name>\n' +
      '    <address><city>Berlin</city></address>\n    <tag>x</tag><tag>y</tag>\n    <empty/>\n  </item>\n' +
      '  <item><id>2</id><name><![CDATA[<raw>]]></name><code type="x" n=\'1\'>A1</code></item>\n</list>\n';
    expect(parseXmlItems(xml)).toEqual([
      { id: '1', name: 'A & B', address: { city: 'Berlin' }, tag: ['x', 'y'], empty: '' },
      { id: '2', name: '<raw>', code: { '@type': 'x', '@n': '1', '#text': 'A1' } },
    ]);
  });

  it('loads TXT as lines', () => {
    const dir = tempDir();
    writeFiles(dir, { 'p.txt': 'one\ntwo\n' });
    expect(loadDatasetSync(dir, entry('txt', ['p.txt']))).toEqual(['one', 'two']);
  });

  it('fails with MIMICFIX_DATASET_LOAD naming the file', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'bad.json': '{"not":"array"}',
      'bad.ndjson': '{"a":1}\nnope\n',
      'bad.xml': '<list><item></list>',
    });
    const file = path.join(dir, 'bad.json');
    expect(() => loadDatasetSync(dir, entry('json', ['bad.json']))).toThrowError(
      expect.objectContaining({ code: 'MIMICFIX_DATASET_LOAD', message: expect.stringContaining(file) }),
    );
    expect(() => loadDatasetSync(dir, entry('ndjson', ['bad.ndjson']))).toThrowError(/line 2 is not JSON/);
    expect(() => loadDatasetSync(dir, entry('xml', ['bad.xml']))).toThrowError(/unexpected <\/list>/);
    expect(() => loadDatasetSync(dir, entry('json', ['missing.json']))).toThrowError(
      expect.objectContaining({ code: 'MIMICFIX_DATASET_LOAD' }),
    );
    expect(() => parseCsv('a|b\n1\n', '|', 'x.csv')).toThrowError(/row 2 has 1 fields/);
    const it = iterateNdjson(path.join(dir, 'bad.ndjson'));
    await expect(
      (async () => {
        for await (const _ of it) {
        }
      })(),
    ).rejects.toMatchObject({ code: 'MIMICFIX_DATASET_LOAD' });
  });
});
