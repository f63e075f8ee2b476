import type { ArtifactFormat } from '@mimicfix/engine';
import type { ArtifactEntry, DatasetEntry, Manifest } from '../types';
import { sha256 } from '../util/hash';

/** Which artifact `useDatamimic(name)` loads when a dataset was written in several formats. */
export const FORMAT_PREFERENCE: readonly ArtifactFormat[] = ['json', 'ndjson', 'csv', 'xml', 'txt'];

/**
 * The `datasets` map of a manifest: per dataset its preferred format and that format's files in order (chunk
 * files `person_0.json`, `person_1.json`, … by their number).
 */
export function buildDatasets(artifacts: ArtifactEntry[]): Record<string, DatasetEntry> {
  const byName = new Map<string, ArtifactEntry[]>();
  for (const a of artifacts) byName.set(a.dataset, [...(byName.get(a.dataset) ?? []), a]);
  const datasets: Record<string, DatasetEntry> = {};
  for (const name of [...byName.keys()].sort()) {
    const all = byName.get(name) ?? [];
    const format =
      FORMAT_PREFERENCE.find((f) => all.some((a) => a.format === f)) ?? (all[0] as ArtifactEntry).format;
    const chosen = all.filter((a) => a.format === format).sort((a, b) => compareNatural(a.file, b.file));
    const entry: DatasetEntry = {
      format,
      files: chosen.map((a) => a.file),
      records: chosen.reduce((n, a) => n + a.records, 0),
      bytes: chosen.reduce((n, a) => n + a.bytes, 0),
      sha256:
        chosen.length === 1
          ? (chosen[0] as ArtifactEntry).sha256
          : sha256(chosen.map((a) => a.sha256).join('\n')),
    };
    const separator = chosen[0]?.separator;
    if (separator !== undefined) entry.separator = separator;
    datasets[name] = entry;
  }
  return datasets;
}

/** Checks the shape of a parsed manifest.json; returns the problem, or null when it is usable. */
export function manifestProblem(value: unknown, key?: string): string | null {
  if (typeof value !== 'object' || value === null) return 'manifest is not an object';
  const m = value as Partial<Manifest>;
  if (m.formatVersion !== 1) return `unknown formatVersion ${JSON.stringify(m.formatVersion)}`;
  if (typeof m.key !== 'string' || !/^[0-9a-f]{64}$/.test(m.key)) return 'key missing';
  if (key !== undefined && m.key !== key) return `key ${m.key} does not match the folder`;
  if (typeof m.descriptor !== 'string') return 'descriptor missing';
  if (!Array.isArray(m.artifacts)) return 'artifacts missing';
  for (const a of m.artifacts) {
    if (
      typeof a?.file !== 'string' ||
      a.file.includes('/') ||
      a.file.includes('\\') ||
      a.file.startsWith('.') ||
      typeof a.bytes !== 'number' ||
      typeof a.sha256 !== 'string'
    ) {
      return `artifact entry ${JSON.stringify(a)} is invalid`;
    }
  }
  if (typeof m.datasets !== 'object' || m.datasets === null) return 'datasets missing';
  if (!Array.isArray(m.inputs) || typeof m.options !== 'object' || typeof m.generator !== 'object') {
    return 'inputs/options/generator missing';
  }
  return null;
}

function compareNatural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
