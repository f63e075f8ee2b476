// (a) Loading 100,000 person records: core's dataset accessor (what useDatamimic runs on a cache hit) against
// JSON.parse(fs.readFileSync(...)) of the very same artifact file.
import fs from 'node:fs';
import path from 'node:path';
import { createDatasetAccessor, setupDatasets } from '@mimicfix/core/integration';
import { median, settle, timed } from './lib.mjs';

export async function benchLoad({ exampleDir, cacheDir, records, repetitions }) {
  const options = {
    root: exampleDir,
    cacheDir,
    counts: { person: records },
    datasets: ['person'],
    remote: false,
    env: {},
    log: () => {},
  };
  // The first resolve may generate (it is cached in bench/.tmp between bench runs); the second is a pure hit.
  const [prepareMs, prepared] = await timed(() => setupDatasets(options));
  const [hitMs, manifest] = await timed(() => setupDatasets(options));
  const dataset = manifest.datasets.person;
  const file = path.join(manifest.dir, dataset.files[0]);

  const accessorMs = [];
  const parseMs = [];
  for (let i = 0; i < repetitions; i++) {
    // Alternate which one goes first so that neither always gets the warmer page cache.
    const order = i % 2 ? ['parse', 'accessor'] : ['accessor', 'parse'];
    for (const which of order) {
      settle();
      if (which === 'accessor') {
        const [t, rows] = await timed(() => createDatasetAccessor(() => manifest)('person'));
        if (rows.length !== records) throw new Error(`accessor returned ${rows.length} records`);
        accessorMs.push(t);
      } else {
        const [t, rows] = await timed(() => JSON.parse(fs.readFileSync(file, 'utf8')));
        if (rows.length !== records) throw new Error(`JSON.parse returned ${rows.length} records`);
        parseMs.push(t);
      }
    }
  }
  return {
    records,
    bytes: dataset.bytes,
    prepare: { ms: prepareMs, status: prepared.status },
    hitResolveMs: hitMs,
    hitStatus: manifest.status,
    accessorMs,
    parseMs,
    accessorMedian: median(accessorMs),
    parseMedian: median(parseMs),
  };
}
