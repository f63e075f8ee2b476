import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../src/cli/args';
import { EXIT_CODE_HELP } from '../src/cli/exit-codes';
import { COMMANDS } from '../src/commands';

const docs = fs.readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/cli.md'),
  'utf8',
);

describe('docs/cli.md stays true to the code', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    'documents `%s` and every flag of it',
    (name, command) => {
      expect(docs).toContain(`mimicfix ${name}`);
      const missing = Object.keys({ ...GLOBAL_OPTIONS, ...command.options }).filter(
        (f) => !docs.includes(`--${f}`),
      );
      expect(missing).toEqual([]);
    },
  );

  it('documents every exit code', () => {
    for (const [code] of EXIT_CODE_HELP) expect(docs).toMatch(new RegExp(`^\\| ${code} +\\|`, 'm'));
  });
});
