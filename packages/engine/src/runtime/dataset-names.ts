import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import { isPlainFileName } from '../files/resolve-path';
import { attr, type XmlElement } from '../xml/xml-node';

function where(l: SourceLocation): string {
  return `${l.file}:${l.line}:${l.column}`;
}

/**
 * A generate that writes files names them after itself, so its name must be a plain file name (no `/`, no
 * `..`), and two such generates may not share a name (they would overwrite each other's file). `seen` maps the
 * names already taken in this run to where they were defined.
 */
export function checkDatasetName(
  el: XmlElement,
  writesFiles: boolean,
  seen: Map<string, SourceLocation>,
): void {
  if (!writesFiles) return;
  const a = attr(el, 'name');
  if (!a) return;
  const name = a.value;
  if (!isPlainFileName(name)) {
    throw new MimicfixError(
      'MIMICFIX_DESCRIPTOR_INVALID',
      `generate name "${name}" is not allowed: a generate name that writes a file must be a plain file name: letters, digits, _ - .`,
      { location: a.location, hint: 'rename it, e.g. name="person"' },
    );
  }
  const first = seen.get(name);
  if (first) {
    throw new MimicfixError(
      'MIMICFIX_DESCRIPTOR_INVALID',
      `duplicate dataset name '${name}', first defined at ${where(first)}`,
      {
        location: a.location,
        hint: 'give every generate that writes a file its own name (both would write the same artifact file)',
      },
    );
  }
  seen.set(name, a.location);
}
