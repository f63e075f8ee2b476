/**
 * Infers a TypeScript type from sample values (the records of a dataset). A field missing from some records is
 * optional; a field with several kinds of values gets a union; nested objects merge field by field.
 */

type Shape =
  | { kind: 'primitive'; name: 'string' | 'number' | 'boolean' | 'null' | 'unknown' }
  | { kind: 'array'; element: ShapeSet }
  | { kind: 'object'; fields: Map<string, { shapes: ShapeSet; seen: number }>; count: number };

/** All shapes seen at one position, keyed by a tag so that objects (and arrays) merge instead of piling up. */
type ShapeSet = Map<string, Shape>;

function tagOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'object') return t;
  if (t === 'bigint') return 'number';
  return 'unknown';
}

function addValue(set: ShapeSet, value: unknown): void {
  const tag = tagOf(value);
  if (tag === 'array') {
    let shape = set.get('array');
    if (!shape) {
      shape = { kind: 'array', element: new Map() };
      set.set('array', shape);
    }
    if (shape.kind === 'array') for (const item of value as unknown[]) addValue(shape.element, item);
    return;
  }
  if (tag === 'object') {
    let shape = set.get('object');
    if (!shape) {
      shape = { kind: 'object', fields: new Map(), count: 0 };
      set.set('object', shape);
    }
    if (shape.kind === 'object') addObject(shape, value as Record<string, unknown>);
    return;
  }
  if (!set.has(tag)) set.set(tag, { kind: 'primitive', name: tag as 'string' });
}

function addObject(shape: Extract<Shape, { kind: 'object' }>, record: Record<string, unknown>): void {
  shape.count++;
  for (const [key, value] of Object.entries(record)) {
    let field = shape.fields.get(key);
    if (!field) {
      field = { shapes: new Map(), seen: 0 };
      shape.fields.set(key, field);
    }
    field.seen++;
    if (value !== undefined) addValue(field.shapes, value);
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function propertyName(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

function render(set: ShapeSet, indent: string): string {
  if (set.size === 0) return 'unknown';
  const parts: string[] = [];
  // Fixed order so that the output is stable across runs.
  for (const tag of ['string', 'number', 'boolean', 'object', 'array', 'unknown', 'null']) {
    const shape = set.get(tag);
    if (!shape) continue;
    if (shape.kind === 'primitive') parts.push(shape.name);
    else if (shape.kind === 'array') {
      const inner = render(shape.element, indent);
      parts.push(shape.element.size > 1 || inner.includes(' | ') ? `Array<${inner}>` : `${inner}[]`);
    } else parts.push(renderObject(shape, indent));
  }
  return parts.join(' | ');
}

function renderObject(shape: Extract<Shape, { kind: 'object' }>, indent: string): string {
  if (shape.fields.size === 0) return 'Record<string, never>';
  const inner = `${indent}  `;
  const lines = [...shape.fields.entries()].map(([key, field]) => {
    const optional = field.seen < shape.count ? '?' : '';
    return `${inner}${propertyName(key)}${optional}: ${render(field.shapes, inner)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** `person_address` / `person-list` → `PersonAddress` / `PersonList`; a valid identifier in every case. */
export function typeName(dataset: string): string {
  const words = dataset.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (name === '') return 'Dataset';
  return /^[0-9]/.test(name) ? `Dataset${name}` : name;
}

/** `export interface Person { ... }` for the records of one dataset. */
export function inferInterface(dataset: string, records: readonly unknown[]): string {
  const root: Extract<Shape, { kind: 'object' }> = { kind: 'object', fields: new Map(), count: 0 };
  for (const record of records) {
    if (record !== null && typeof record === 'object' && !Array.isArray(record)) {
      addObject(root, record as Record<string, unknown>);
    }
  }
  if (root.fields.size === 0) return `export type ${typeName(dataset)} = Record<string, unknown>;\n`;
  return `export interface ${typeName(dataset)} ${renderObject(root, '')}\n`;
}
