import { canonicalIdentity, normaliseKeyOptions } from '../key/compute-key';
import type { GeneratorIdentity, KeyOptions, Manifest } from '../types';

/** What differs between an older entry and the current inputs, in words: `data/people.ent.csv changed`. */
export function describeChanges(
  previous: Pick<Manifest, 'generator' | 'inputs' | 'options'>,
  current: {
    generator: GeneratorIdentity;
    inputs: Array<{ path: string; sha256: string }>;
    options: KeyOptions;
  },
): string[] {
  const changes: string[] = [];
  if (canonicalIdentity(previous.generator) !== canonicalIdentity(current.generator)) {
    changes.push(
      `generator changed (${describeIdentity(previous.generator)} → ${describeIdentity(current.generator)})`,
    );
  }
  const before = new Map(previous.inputs.map((i) => [i.path, i.sha256]));
  const after = new Map(current.inputs.map((i) => [i.path, i.sha256]));
  for (const [p, digest] of after) {
    const old = before.get(p);
    if (old === undefined) changes.push(`${p} added`);
    else if (old !== digest) changes.push(`${p} changed`);
  }
  for (const p of before.keys()) if (!after.has(p)) changes.push(`${p} removed`);
  const a = normaliseKeyOptions(previous.options);
  const b = normaliseKeyOptions(current.options);
  for (const field of ['seed', 'counts', 'dataset', 'locale', 'datasets'] as const) {
    if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) changes.push(`${field} changed`);
  }
  return changes;
}

/** `a changed, b added, c removed and 4 more` */
export function summariseChanges(changes: string[], max = 3): string {
  if (changes.length === 0) return 'key inputs changed';
  const shown = changes.slice(0, max).join(', ');
  return changes.length > max ? `${shown} and ${changes.length - max} more` : shown;
}

function describeIdentity(id: GeneratorIdentity): string {
  return id.kind === 'local'
    ? `${id.name}@${id.version}`
    : `remote ${id.host} project ${id.projectId} ${id.apiVersion}`;
}
