import { it } from 'vitest';
import path from 'node:path';
import { generate } from '../src/index';
it('x', async () => {
  for (const n of ['13-datafaker', '18-entity-finance', '37-nested-generate']) {
    const r = await generate(path.join(__dirname, 'conformance/descriptors', `${n}.xml`), { capture: true });
    for (const [k, v] of Object.entries(r.captured!)) console.log(n, k, JSON.stringify(v.slice(0, 12)));
  }
});
