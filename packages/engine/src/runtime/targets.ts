import type { ArtifactFormat } from '../api';
import { parseTargetList, type TargetCall } from '../descriptor/literal';
import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import { closestMatch as suggest } from '../errors/suggest';

export type TargetSpec =
  | { kind: 'json'; ndjson: boolean; chunkSize?: number }
  | { kind: 'csv'; delimiter?: string; quotechar?: string }
  | { kind: 'xml'; rootElement: string; itemElement: string }
  | { kind: 'txt' }
  | { kind: 'log' }
  | { kind: 'mem'; id: string };

const KNOWN = ['JSON', 'CSV', 'XML', 'TXT', 'ConsoleExporter', 'LogExporter'];

/** `target="CSV,JSON(use_ndjson=True)"` → specs. Names that are memstore ids write into that memstore. */
export function parseTargets(
  text: string,
  memstoreIds: ReadonlySet<string>,
  location: SourceLocation,
  /** scanDescriptor: unknown names (e.g. database ids) are no file targets instead of an error. */
  lenient = false,
): TargetSpec[] {
  let calls: TargetCall[];
  try {
    calls = parseTargetList(text);
  } catch (e) {
    if (lenient) return [];
    throw new MimicfixError(
      'MIMICFIX_DESCRIPTOR_INVALID',
      `target="${text}" does not parse (${(e as Error).message})`,
      {
        location,
        hint: 'write target="JSON" or target="CSV(delimiter=\',\'),JSON"',
      },
    );
  }
  return calls.map((c) => {
    const kw = c.kwargs;
    switch (c.name.toUpperCase()) {
      case 'JSON': {
        const chunk =
          kw.chunk_size === undefined || kw.chunk_size === null ? undefined : Number(kw.chunk_size);
        if (chunk !== undefined && !(Number.isInteger(chunk) && chunk > 0)) {
          throw new MimicfixError('MIMICFIX_DESCRIPTOR_INVALID', `chunk_size must be a positive integer`, {
            location,
            hint: 'JSON(chunk_size=1000)',
          });
        }
        return { kind: 'json', ndjson: kw.use_ndjson === true, chunkSize: chunk };
      }
      case 'CSV':
        return {
          kind: 'csv',
          delimiter: typeof kw.delimiter === 'string' ? kw.delimiter : undefined,
          quotechar: typeof kw.quotechar === 'string' ? kw.quotechar : undefined,
        };
      case 'XML':
        return {
          kind: 'xml',
          rootElement: typeof kw.root_element === 'string' && kw.root_element ? kw.root_element : 'list',
          itemElement: typeof kw.item_element === 'string' && kw.item_element ? kw.item_element : 'item',
        };
      case 'TXT':
        return { kind: 'txt' };
      case 'CONSOLEEXPORTER':
      case 'LOGEXPORTER':
        return { kind: 'log' };
      default: {
        if (memstoreIds.has(c.name) || lenient) return { kind: 'mem', id: c.name }; // lenient: e.g. a database id
        const s = suggest(c.name, [...KNOWN, ...memstoreIds]);
        throw new MimicfixError(
          'MIMICFIX_DESCRIPTOR_INVALID',
          `unknown target "${c.name}"${s ? ` (did you mean "${s}"?)` : ''}`,
          {
            location,
            hint: `targets: ${KNOWN.join(', ')}, or the id of a <memstore>; database targets need the remote generator`,
          },
        );
      }
    }
  });
}

/** The artifact formats a target list writes as files. */
export function fileFormats(specs: readonly TargetSpec[]): ArtifactFormat[] {
  const out: ArtifactFormat[] = [];
  for (const t of specs) {
    if (t.kind === 'json') out.push(t.ndjson ? 'ndjson' : 'json');
    else if (t.kind === 'csv' || t.kind === 'xml' || t.kind === 'txt') out.push(t.kind);
  }
  return out;
}
