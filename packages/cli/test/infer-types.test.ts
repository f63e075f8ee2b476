import { describe, expect, it } from 'vitest';
import { inferInterface, typeName } from '../src/types/infer-types';

describe('inferInterface', () => {
  it('marks fields missing from some records optional and unions mixed types', () => {
    const text = inferInterface('person', [
      { id: 1, name: 'Ada', tags: ['a'], address: { city: 'X', zip: 1 } },
      { id: 2, name: null, address: { city: 'Y' }, 'first-name': 'B' },
    ]);
    expect(text).toBe(
      [
        'export interface Person {',
        '  id: number;',
        '  name: string | null;',
        '  tags?: string[];',
        '  address: {',
        '    city: string;',
        '    zip?: number;',
        '  };',
        '  "first-name"?: string;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('handles arrays of objects and empty datasets', () => {
    expect(inferInterface('order_line', [{ items: [{ sku: 'a' }, { sku: 'b', qty: 2 }] }])).toContain(
      '  items: {\n    sku: string;\n    qty?: number;\n  }[];',
    );
    expect(inferInterface('empty', [])).toBe('export type Empty = Record<string, unknown>;\n');
  });

  it('turns dataset names into identifiers', () => {
    expect(typeName('person_address')).toBe('PersonAddress');
    expect(typeName('2fa-codes')).toBe('Dataset2faCodes');
  });
});
