import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countRecords } from '../../src/backends/remote-records';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimicfix-records-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

describe('countRecords (downloaded artifacts)', () => {
  it('counts a JSON array', async () => {
    expect(await countRecords(file('a.json', '[{"a":1},{"a":2},{"a":3}]'), 'json')).toBe(3);
    expect(await countRecords(file('e.json', '[]'), 'json')).toBe(0);
  });

  it('counts ndjson and txt lines, ignoring blank ones and CRLF', async () => {
    expect(await countRecords(file('a.ndjson', '{"a":1}\r\n{"a":2}\r\n\r\n{"a":3}'), 'ndjson')).toBe(3);
    expect(await countRecords(file('a.txt', 'x\ny\n'), 'txt')).toBe(2);
  });

  it('counts CSV rows minus the header, newlines inside quotes included in their row', async () => {
    expect(await countRecords(file('a.csv', 'id|note\n1|"two\nlines"\n2|plain\n'), 'csv')).toBe(2);
    expect(await countRecords(file('h.csv', 'id|note\n'), 'csv')).toBe(0);
  });

  it('counts XML <item> elements', async () => {
    expect(
      await countRecords(file('a.xml', '<list><item><a>1</a></item><item a="2"/><items/></list>'), 'xml'),
    ).toBe(2);
  });

  it('a JSON artifact that does not parse is MIMICFIX_DATASET_LOAD', async () => {
    await expect(countRecords(file('bad.json', '[{"a":'), 'json')).rejects.toMatchObject({
      code: 'MIMICFIX_DATASET_LOAD',
    });
  });
});
