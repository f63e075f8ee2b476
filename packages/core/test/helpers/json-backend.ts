import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DescriptorScan } from '@mimicfix/engine';
import type { GeneratorBackend, GeneratorIdentity } from '../../src/types';

/**
 * A real (small) generator backend for tests of resolve(): for each `<generate name="x" count="n">` in the
 * descriptor (regex, not the engine) it writes `x.json` with n records derived from the seed. Every generation
 * appends a line to `counterFile` so that tests count generations.
 */
export function createJsonBackend(
  options: { counterFile?: string; identity?: GeneratorIdentity; format?: 'json' | 'csv' } = {},
): GeneratorBackend {
  return {
    identity: options.identity ?? { kind: 'local', name: 'test-json-backend', version: '1.0.0' },
    async generate(project, outDir, { keyOptions }) {
      if (options.counterFile) appendFileSync(options.counterFile, `${process.pid}\n`);
      const xml = readFileSync(project.descriptorPath, 'utf8');
      const out = [];
      for (const m of xml.matchAll(/<generate name="(\w+)" count="(\d+)"/g)) {
        const name = m[1] as string;
        const n = keyOptions.counts[name] ?? Number(m[2]);
        const records = Array.from({ length: n }, (_, i) => ({
          id: i + 1,
          seed: keyOptions.seed,
          name: `${name}-${i}`,
        }));
        if (options.format === 'csv') {
          const lines = ['id|seed|name', ...records.map((r) => `${r.id}|${r.seed}|${r.name}`)];
          writeFileSync(path.join(outDir, `${name}.csv`), `${lines.join('\n')}\n`);
          out.push({ file: `${name}.csv`, dataset: name, format: 'csv' as const, records: n });
        } else {
          writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(records));
          out.push({ file: `${name}.json`, dataset: name, format: 'json' as const, records: n });
        }
      }
      return out;
    },
  };
}

/** A static scanner for tests: the descriptor plus every `source="..."` it names. */
export function regexScanner(descriptorPath: string): DescriptorScan {
  const xml = readFileSync(descriptorPath, 'utf8');
  const dir = path.dirname(descriptorPath);
  const files = [descriptorPath];
  const unresolved: DescriptorScan['unresolved'] = [];
  for (const m of xml.matchAll(/source="([^"]+)"/g)) {
    const v = m[1] as string;
    if (v.includes('{'))
      unresolved.push({
        attribute: 'source',
        value: v,
        location: { file: descriptorPath, line: 1, column: 1 },
      });
    else files.push(path.join(dir, v));
  }
  const expected = [...xml.matchAll(/<generate name="(\w+)"/g)].map((m) => ({
    name: m[1] as string,
    formats: ['json' as const],
    nested: false,
  }));
  return { root: descriptorPath, files, unresolved, expected };
}
