import path from 'node:path';
import type { MimicfixOptions, ResolvedManifest } from '@mimicfix/core';
import { setupDatasets, teardownDatasets } from '@mimicfix/core/integration';
import type { TestProject } from 'vitest/node';
import type { ProvidedFailure } from './provided-context';
import { fingerprint, registry, shared } from './registry';

/**
 * Vitest global setup added by the `mimicfix()` plugin. Resolves the datasets once per run (projects that share
 * the same options share one resolve and one set of log lines), provides the manifest to workers as
 * `inject('mimicfix')`, and in watch mode re-resolves before every rerun. The returned teardown releases the
 * store entries' "in use" markers.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const registered = registry().options.get(project.vite.config) ?? {};
  const root = path.resolve(project.config.root, registered.root ?? '.');
  const options: MimicfixOptions = { ...registered, root };
  const key = fingerprint(options);
  const owner = project.vitest;

  publish(
    project,
    await shared(registry().runs, owner, key, () => setupDatasets(options).catch(printAndRethrow)),
    root,
  );

  // Every project registers a handler; they share one re-resolve per rerun. A hit costs only the key check.
  project.onTestsRerun?.(async () => {
    const reruns = registry().reruns;
    try {
      const next = await shared(reruns, owner, key, () =>
        setupDatasets(options)
          .catch((error) => {
            const log = options.log ?? ((line: string) => process.stderr.write(`[mimicfix] ${line}\n`));
            log(`${(error as { code?: string }).code ?? 'Error'}: ${(error as Error).message}`);
            throw error;
          })
          .finally(() => reruns.get(owner)?.delete(key)),
      );
      registry().runs.get(owner)?.set(key, Promise.resolve(next));
      publish(project, next, root);
    } catch (error) {
      // A rejection here would end the watch process. Keep watching: this rerun's useDatamimic() calls throw the
      // error instead, and the next save of the descriptor resolves again.
      const { code = 'MIMICFIX_INTERNAL', message, hint } = error as Partial<ProvidedFailure>;
      project.provide('mimicfixError', { code, message: String(message ?? error), hint: hint ?? null });
    }
  });
  // Releases the entries' "in use" markers, so that `prune` may remove them once this run is over.
  return teardownDatasets;
}

/**
 * Vitest reports a failing global setup as "No test files found" plus a stack; print the error the way the CLI
 * and the Jest adapter do first (once: the resolve is shared by projects), then rethrow so that the run fails.
 */
function printAndRethrow(error: unknown): never {
  const e = error as { code?: string; message?: string; hint?: string };
  const lines = [`[mimicfix] ${e.code ?? 'MIMICFIX_INTERNAL'}: ${e.message ?? String(error)}`];
  if (e.hint) lines.push(`  hint: ${e.hint}`);
  process.stderr.write(`${lines.join('\n')}\n`);
  throw error;
}

function publish(project: TestProject, manifest: ResolvedManifest, root: string): void {
  project.provide('mimicfix', manifest);
  project.provide('mimicfixError', null);
  if (!project.vitest.config.watch) return;
  // Descriptor files are not imported by tests, so Vite's module graph cannot see them: make them triggers.
  const baseDir = path.dirname(path.resolve(root, manifest.descriptor));
  const files = manifest.inputs.map((input) => path.resolve(baseDir, input.path));
  const triggers = project.vitest.config.forceRerunTriggers;
  for (const file of files) {
    const glob = file.replace(/[*?[\]{}()!+@]/g, '\\$&');
    if (!triggers.includes(glob)) triggers.push(glob);
  }
  project.vitest.vite.watcher.add(files);
}
