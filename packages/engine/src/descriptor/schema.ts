/**
 * The element/attribute table of the DATAMIMIC descriptor language as the local engine supports it
 * (docs/descriptor-language.md is the prose version of this table; keep both in step).
 */
export interface ElementSpec {
  attributes: readonly string[];
  required: readonly string[];
  children: readonly string[];
  /** Elements that need a live database: recognised, then refused with MIMICFIX_DESCRIPTOR_UNSUPPORTED. */
  unsupported?: boolean;
}

const RECORD_CHILDREN = [
  'key',
  'id',
  'variable',
  'nestedKey',
  'list',
  'array',
  'echo',
  'condition',
  'reference',
] as const;

const VALUE_ATTRS = [
  'name',
  'generator',
  'values',
  'script',
  'constant',
  'source',
  'pattern',
  'type',
  'converter',
  'condition',
  'nullQuota',
  'defaultValue',
  'inDateFormat',
  'outDateFormat',
  'string',
  'separator',
  'distribution',
  'weights',
  'min',
  'max',
  'minLength',
  'maxLength',
] as const;

export const SCHEMA: Record<string, ElementSpec> = {
  setup: {
    attributes: [
      'defaultSeparator',
      'defaultLocale',
      'defaultDataset',
      'numProcess',
      'multiprocessing',
      'rngSeed',
      'defaultLineSeparator',
      'reportLogging',
    ],
    required: [],
    children: [
      'generate',
      'variable',
      'include',
      'memstore',
      'execute',
      'echo',
      'database',
      'mongodb',
      'generator',
    ],
  },
  generate: {
    attributes: [
      'name',
      'count',
      'source',
      'cyclic',
      'type',
      'selector',
      'separator',
      'sourceScripted',
      'target',
      'pageSize',
      'distribution',
      'converter',
      'numProcess',
      'multiprocessing',
    ],
    required: ['name'],
    children: ['generate', ...RECORD_CHILDREN, 'include'],
  },
  key: { attributes: VALUE_ATTRS, required: ['name'], children: [] },
  id: { attributes: VALUE_ATTRS, required: ['name'], children: [] },
  element: { attributes: VALUE_ATTRS, required: ['name'], children: [] },
  variable: {
    attributes: [
      ...VALUE_ATTRS,
      'entity',
      'dataset',
      'locale',
      'cyclic',
      'selector',
      'sourceScripted',
      'iterationSelector',
    ],
    required: ['name'],
    children: [],
  },
  nestedKey: {
    attributes: [
      'name',
      'type',
      'count',
      'minCount',
      'maxCount',
      'source',
      'cyclic',
      'script',
      'condition',
      'defaultValue',
      'distribution',
      'converter',
      'separator',
      'sourceScripted',
    ],
    required: ['name'],
    children: [...RECORD_CHILDREN, 'element'],
  },
  list: { attributes: ['name', 'condition'], required: ['name'], children: ['item'] },
  item: { attributes: ['condition'], required: [], children: RECORD_CHILDREN },
  array: {
    attributes: ['name', 'type', 'count', 'script', 'condition'],
    required: ['name'],
    children: [],
  },
  condition: { attributes: [], required: [], children: ['if', 'else-if', 'else'] },
  if: { attributes: ['condition'], required: ['condition'], children: [...RECORD_CHILDREN, 'generate'] },
  'else-if': {
    attributes: ['condition'],
    required: ['condition'],
    children: [...RECORD_CHILDREN, 'generate'],
  },
  else: { attributes: [], required: [], children: [...RECORD_CHILDREN, 'generate'] },
  memstore: { attributes: ['id'], required: ['id'], children: [] },
  echo: { attributes: [], required: [], children: [] },
  execute: { attributes: ['uri', 'target'], required: ['uri'], children: [] },
  include: { attributes: ['uri'], required: ['uri'], children: [] },
  generator: { attributes: ['name', 'generator'], required: ['name', 'generator'], children: [] },
  reference: { attributes: [], required: [], children: [], unsupported: true },
  database: { attributes: [], required: [], children: [], unsupported: true },
  mongodb: { attributes: [], required: [], children: [], unsupported: true },
};

/** Attributes accepted everywhere because XML tooling adds them (schema hints). */
export function isXmlInfrastructureAttribute(name: string): boolean {
  return name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xsi:');
}

/** Hint for anything that needs a live database. */
export const REMOTE_HINT =
  'the local engine has no database; generate this descriptor with the remote DATAMIMIC generator by setting ' +
  'DATAMIMIC_URL, DATAMIMIC_PROJECT_ID and DATAMIMIC_TOKEN';

/** Attributes of key/variable that choose where the value comes from (at most one). */
export const VALUE_SOURCES = ['generator', 'values', 'script', 'constant', 'source', 'pattern'] as const;
