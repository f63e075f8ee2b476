import { createHash } from 'node:crypto';
import type { GeneratorIdentity, KeyOptions, LoadedProject } from '../types';
import { sha256 } from '../util/hash';

/** Version of the store layout and key scheme. Bump it to invalidate every entry. */
export const STORE_FORMAT_VERSION = 1;

/** One input of the key and the digest of its canonical bytes (what `mimicfix hash --explain` prints). */
export interface KeyInput {
  input: string;
  digest: string;
}

type KeyProject = Pick<LoadedProject, 'files'>;

/**
 * The cache key: sha256 hex over a fixed canonical byte layout (see docs/cache.md):
 * `mimicfix-key\n`, the format version, the generator identity (known fields only, so a token can never get in),
 * then per file (sorted by path) its path, byte length and LF-normalised bytes, then the output options.
 */
export function computeKey(project: KeyProject, identity: GeneratorIdentity, options: KeyOptions): string {
  const hash = createHash('sha256');
  hash.update('mimicfix-key\n');
  hash.update(`format:${STORE_FORMAT_VERSION}\n`);
  hash.update(`generator:${canonicalIdentity(identity)}\n`);
  for (const file of sortedFiles(project)) {
    hash.update(`file:${file.path}\n${file.bytes.length}\n`);
    hash.update(file.bytes);
    hash.update('\n');
  }
  hash.update(`options:${canonicalOptions(options)}\n`);
  return hash.digest('hex');
}

/** Each input of `computeKey()` with the sha256 of its canonical form; file digests are the files' sha256. */
export function explainKey(
  project: KeyProject,
  identity: GeneratorIdentity,
  options: KeyOptions,
): KeyInput[] {
  const n = normaliseKeyOptions(options);
  return [
    { input: `format version ${STORE_FORMAT_VERSION}`, digest: sha256(`format:${STORE_FORMAT_VERSION}`) },
    { input: `generator ${canonicalIdentity(identity)}`, digest: sha256(canonicalIdentity(identity)) },
    ...sortedFiles(project).map((f) => ({ input: `file ${f.path}`, digest: sha256(f.bytes) })),
    { input: `seed ${JSON.stringify(n.seed)}`, digest: sha256(JSON.stringify(n.seed)) },
    { input: `counts ${JSON.stringify(n.counts)}`, digest: sha256(JSON.stringify(n.counts)) },
    { input: `dataset ${JSON.stringify(n.dataset)}`, digest: sha256(JSON.stringify(n.dataset)) },
    { input: `locale ${JSON.stringify(n.locale)}`, digest: sha256(JSON.stringify(n.locale)) },
    { input: `datasets ${JSON.stringify(n.datasets)}`, digest: sha256(JSON.stringify(n.datasets)) },
  ];
}

/** Key options in canonical form: counts with sorted names, datasets sorted and unique. */
export function normaliseKeyOptions(options: KeyOptions): KeyOptions {
  const counts: Record<string, number> = {};
  for (const name of Object.keys(options.counts).sort()) counts[name] = options.counts[name] as number;
  return {
    seed: String(options.seed),
    counts,
    dataset: options.dataset ?? null,
    locale: options.locale ?? null,
    datasets: options.datasets ? [...new Set(options.datasets)].sort() : null,
  };
}

/** The identity as JSON with a fixed field order; only the documented fields are taken. */
export function canonicalIdentity(identity: GeneratorIdentity): string {
  if (identity.kind === 'local') {
    return JSON.stringify({ kind: 'local', name: identity.name, version: identity.version });
  }
  return JSON.stringify({
    kind: 'remote',
    host: identity.host,
    projectId: identity.projectId,
    apiVersion: identity.apiVersion,
  });
}

function canonicalOptions(options: KeyOptions): string {
  const n = normaliseKeyOptions(options);
  return JSON.stringify([n.seed, n.counts, n.dataset, n.locale, n.datasets]);
}

function sortedFiles(project: KeyProject): KeyProject['files'] {
  return [...project.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
