import fs from 'node:fs';
import path from 'node:path';
import type { MimicfixOptions, ResolvedManifest } from '@mimicfix/core';
import { boolFlag, type ParsedArgs, stringFlag } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { loadCore } from '../cli/load-core';
import { createProgress } from '../cli/progress';
import { projectOptions } from '../cli/project-options';
import {
  BACKEND_OPTIONS,
  CACHE_OPTIONS,
  DESCRIPTOR_DETAIL,
  KEY_OPTIONS,
  MODE_OPTION,
} from '../cli/shared-options';
import { usageError } from '../cli/usage-error';
import { ensureOutputDir, outputError } from '../cli/write-output';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'generate the datasets of a descriptor into the cache (or take them from it)',
  args: '[descriptor]',
  maxPositionals: 1,
  positionalNames: ['[descriptor]'],
  options: {
    ...MODE_OPTION,
    ...KEY_OPTIONS,
    ...CACHE_OPTIONS,
    ...BACKEND_OPTIONS,
    out: { type: 'string', value: 'DIR', description: 'also copy the artifacts into DIR' },
    json: { type: 'boolean', description: 'print the manifest summary as JSON on stdout' },
    capture: {
      type: 'boolean',
      description: "run the engine in capture mode and print every generate's records as JSON (no cache)",
    },
  },
  details: [DESCRIPTOR_DETAIL],
  examples: [
    'mimicfix generate',
    'mimicfix generate tests/datamimic.xml --seed 42 --count person=100',
    'mimicfix generate --mode frozen          # fail (exit 3) instead of generating',
    'mimicfix generate --json > manifest.json',
    'mimicfix generate --out fixtures/',
    'mimicfix generate --capture --count person=3',
  ],
  async run(ctx: CommandContext, args: ParsedArgs) {
    const options = projectOptions(ctx, args, 'generate');
    if (boolFlag(args.values, 'capture')) return capture(ctx, args, options);
    const { formatBytes, resolve } = await loadCore();

    const progress = createProgress(ctx.io, { quiet: ctx.quiet });
    const progressOptions = {
      ...options,
      log: (line: string) => progress.log(line),
      onProgress: (name: string, done: number, total: number) => progress.update(name, done, total),
    } as MimicfixOptions;
    let manifest: ResolvedManifest;
    try {
      manifest = await resolve(progressOptions);
    } finally {
      progress.clear();
    }

    const outText = stringFlag(args.values, 'out');
    const copied = outText === undefined ? [] : await copyArtifacts(manifest, path.resolve(ctx.cwd, outText));

    if (boolFlag(args.values, 'json')) {
      ctx.out(JSON.stringify(summary(manifest, copied), null, 2));
      return 0;
    }
    for (const line of datasetLines(manifest, formatBytes)) ctx.out(line);
    ctx.info(`[mimicfix] cache entry ${manifest.dir} (${manifest.reason})`);
    if (outText !== undefined)
      ctx.info(`[mimicfix] copied ${copied.length} file(s) to ${path.resolve(ctx.cwd, outText)}`);
    return 0;
  },
};

/** `person: generated 1000 records (json, 412.3 KB) in 812 ms` / `person: from cache, 1000 records (json, ...)`. */
function datasetLines(m: ResolvedManifest, formatBytes: (bytes: number) => string): string[] {
  return Object.entries(m.datasets)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, d]) => {
      const what = `${d.records} records (${d.format}, ${formatBytes(d.bytes)})`;
      if (m.status === 'generated') return `${name}: generated ${what} in ${m.durationMs} ms`;
      return `${name}: from ${m.status === 'shared-hit' ? 'shared cache' : 'cache'}, ${what}`;
    });
}

function summary(m: ResolvedManifest, copied: string[]) {
  const datasets: Record<string, unknown> = {};
  for (const [name, d] of Object.entries(m.datasets)) {
    datasets[name] = {
      format: d.format,
      files: d.files.map((f) => path.join(m.dir, f)),
      records: d.records,
      bytes: d.bytes,
      sha256: d.sha256,
    };
  }
  return {
    key: m.key,
    status: m.status,
    reason: m.reason,
    dir: m.dir,
    descriptor: m.descriptor,
    generator: m.generator,
    createdAt: m.createdAt,
    durationMs: m.durationMs,
    datasets,
    ...(copied.length ? { copied } : {}),
  };
}

/** Copies every artifact of the entry into `dir` (not the manifest: the copies are plain fixtures). */
async function copyArtifacts(m: ResolvedManifest, dir: string): Promise<string[]> {
  await ensureOutputDir(dir, '--out folder');
  const copied: string[] = [];
  for (const a of m.artifacts) {
    const dest = path.join(dir, a.file);
    try {
      fs.copyFileSync(path.join(m.dir, a.file), dest);
    } catch (error) {
      throw await outputError(dest, 'copy of the artifact', error);
    }
    copied.push(dest);
  }
  return copied;
}

/** `--capture`: the engine's capture mode, records of every generate as JSON; nothing cached or written. */
async function capture(ctx: CommandContext, args: ParsedArgs, options: MimicfixOptions): Promise<number> {
  for (const flag of ['out', 'json', 'mode', 'remote', 'url', 'project']) {
    if (args.values[flag] !== undefined) {
      throw usageError(
        `--capture cannot be combined with --${flag}`,
        'generate',
        'capture runs the local engine only and prints JSON',
      );
    }
  }
  const { loadOptions } = await loadCore();
  const resolved = await loadOptions({ ...options, remote: false });
  const { generate } = await import('@mimicfix/engine');
  const result = await generate(resolved.descriptorPath, {
    capture: true,
    seed: resolved.seed,
    counts: resolved.counts,
    ...(resolved.locale !== null ? { locale: resolved.locale } : {}),
    ...(resolved.dataset !== null ? { dataset: resolved.dataset } : {}),
    ...(resolved.datasets !== null ? { only: resolved.datasets } : {}),
    signal: ctx.signal,
    log: (line) => ctx.info(`[mimicfix] ${line}`),
  });
  ctx.out(JSON.stringify(result.captured ?? {}, null, 2));
  return 0;
}
