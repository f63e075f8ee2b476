import { MimicfixError } from '@mimicfix/engine';
import { selectBackend } from '../backends/select-backend';
import { loadOptions } from '../config/load-options';
import type { ResolvedOptions } from '../config/resolve-options';
import { computeKey, explainKey, type KeyInput, normaliseKeyOptions } from '../key/compute-key';
import { loadProject } from '../project/load-project';
import { DiskStore } from '../store/disk-store';
import type { GeneratorBackend, KeyOptions, LoadedProject, MimicfixOptions } from '../types';
import { describeChanges, summariseChanges } from './describe-changes';
import type { ResolveDeps } from './resolve';

/** Everything `resolve()` knows before touching the store. */
export interface PreparedRun {
  options: ResolvedOptions;
  project: LoadedProject;
  backend: GeneratorBackend;
  keyOptions: KeyOptions;
  key: string;
}

/** Options → project → backend → key. Shared by `resolve()`, `hashProject()` and `cacheStatus()`. */
export async function prepareRun(
  options: MimicfixOptions | ResolvedOptions,
  deps: ResolveDeps = {},
): Promise<PreparedRun> {
  const o = await loadOptions(options);
  const project = checkSelection(o, loadProject(o, deps.scanner));
  const backend = deps.backend ?? (await selectBackend(o));
  const keyOptions = normaliseKeyOptions({
    seed: o.seed,
    counts: o.counts,
    dataset: o.dataset,
    locale: o.locale,
    datasets: o.datasets,
  });
  return { options: o, project, backend, keyOptions, key: computeKey(project, backend.identity, keyOptions) };
}

/** Datasets (`dataset` option) the local engine has data for; others fall back to its defaults. */
export const SUPPORTED_DATASETS: readonly string[] = ['US', 'DE', 'AT', 'CH', 'GB', 'FR', 'ES', 'IT'];

/**
 * Names in `datasets` and `counts` must be top-level generates of the descriptor: a typo would otherwise run
 * nothing (or change nothing) without a word. An unsupported `dataset` only warns.
 */
function checkSelection(o: ResolvedOptions, project: LoadedProject): LoadedProject {
  const known = project.expected.filter((e) => !e.nested).map((e) => e.name);
  if (known.length > 0) {
    for (const [option, names] of [
      ['datasets', o.datasets ?? []],
      ['counts', Object.keys(o.counts)],
    ] as const) {
      const unknown = names.filter((n) => !known.includes(n));
      if (unknown.length > 0) {
        throw new MimicfixError(
          'MIMICFIX_CONFIG',
          `Option ${option} names ${unknown.map((n) => `"${n}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a' : 'are not'} top-level generate${unknown.length === 1 ? '' : 's'} of ${o.descriptor}. Known datasets: ${known.join(', ')}.`,
          {
            hint: `Use names of <generate name="…"> elements directly under <setup> (${option === 'datasets' ? '--only' : '--count'} on the CLI).`,
            details: { option, unknown, known },
          },
        );
      }
    }
  }
  if (o.dataset !== null && !SUPPORTED_DATASETS.includes(o.dataset.toUpperCase())) {
    return {
      ...project,
      warnings: [
        ...project.warnings,
        `dataset "${o.dataset}" is not supported by the local engine; supported: ${SUPPORTED_DATASETS.join(', ')}`,
      ],
    };
  }
  return project;
}

/** What `mimicfix hash [--explain]` prints: the key, each input with its digest, and loader warnings. */
export interface HashReport {
  key: string;
  inputs: KeyInput[];
  warnings: string[];
}

/** Computes the cache key of a project without looking at the store (a CI cache key). */
export async function hashProject(
  options: MimicfixOptions | ResolvedOptions = {},
  deps: ResolveDeps = {},
): Promise<HashReport> {
  const run = await prepareRun(options, deps);
  return {
    key: run.key,
    inputs: explainKey(run.project, run.backend.identity, run.keyOptions),
    warnings: run.project.warnings,
  };
}

/** What `mimicfix status` prints: would `resolve()` hit, and if not, why. */
export interface CacheStatus {
  key: string;
  status: 'hit' | 'miss' | 'corrupt';
  /** Same wording as `ResolvedManifest.reason`. */
  reason: string;
  /** Entry folder on a hit or corrupt entry. */
  dir?: string;
  /** On a miss: the changes against the newest entry for the descriptor. */
  changes: string[];
}

/** Looks the project up in the store without generating (or touching anything but `.last-used`). */
export async function cacheStatus(
  options: MimicfixOptions | ResolvedOptions = {},
  deps: ResolveDeps = {},
): Promise<CacheStatus> {
  const run = await prepareRun(options, deps);
  const store = new DiskStore(run.options.cacheDir);
  const found = await store.get(run.key);
  if (found.status === 'hit')
    return { key: run.key, status: 'hit', reason: 'hit', dir: found.dir, changes: [] };
  if (found.status === 'corrupt') {
    return {
      key: run.key,
      status: 'corrupt',
      reason: `miss: cached entry corrupt (${found.problem})`,
      dir: found.dir,
      changes: [],
    };
  }
  const newest = await store.findNewestForDescriptor(run.options.descriptor);
  if (!newest) return { key: run.key, status: 'miss', reason: 'miss: no cached entry', changes: [] };
  const changes = describeChanges(newest.manifest, {
    generator: run.backend.identity,
    inputs: run.project.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
    options: run.keyOptions,
  });
  return { key: run.key, status: 'miss', reason: `miss: ${summariseChanges(changes)}`, changes };
}
