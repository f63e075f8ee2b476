import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type DescriptorScan, MimicfixError, scanDescriptor } from '@mimicfix/engine';
import type { ResolvedOptions } from '../config/resolve-options';
import type { ClosureFile, LoadedProject } from '../types';
import { normaliseNewlines, sha256 } from '../util/hash';

/** Folders never hashed by the whole-folder fallback. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Loads the root descriptor's dependency closure: the engine's static scan, plus `conf/*.properties`, each file
 * read with CRLF normalised to LF and hashed. When the scan leaves expression paths unresolved, every file under
 * the descriptor's folder is hashed instead (except node_modules, .git and the cache folder), with a warning.
 */
export function loadProject(
  resolved: Pick<ResolvedOptions, 'descriptorPath' | 'cacheDir' | 'root'>,
  scanner: (descriptorPath: string) => DescriptorScan = scanDescriptor,
): LoadedProject {
  const descriptorPath = resolved.descriptorPath;
  if (!existsSync(descriptorPath) || !statSync(descriptorPath).isFile()) {
    throw new MimicfixError('MIMICFIX_FILE_NOT_FOUND', `Root descriptor ${descriptorPath} does not exist.`, {
      hint: `Create it, or point the option "descriptor" (relative to root ${resolved.root}) at your datamimic.xml.`,
    });
  }
  const baseDir = path.dirname(descriptorPath);
  const scan = scanner(descriptorPath);
  const warnings: string[] = [];

  const absolute = new Set<string>([descriptorPath, ...scan.files.map((f) => path.resolve(baseDir, f))]);
  const confDir = path.join(baseDir, 'conf');
  if (existsSync(confDir) && statSync(confDir).isDirectory()) {
    for (const name of readdirSync(confDir)) {
      if (name.endsWith('.properties')) absolute.add(path.join(confDir, name));
    }
  }

  if (scan.unresolved.length > 0) {
    const first = scan.unresolved[0];
    const where = first
      ? ` (${first.attribute}="${first.value}" at ${first.location.file}:${first.location.line})`
      : '';
    warnings.push(
      `${scan.unresolved.length} path expression(s) cannot be resolved statically${where}; ` +
        `hashing every file under ${baseDir} instead, so any change there regenerates.`,
    );
    for (const file of walk(baseDir, path.resolve(resolved.cacheDir))) absolute.add(file);
  }

  const files: ClosureFile[] = [];
  for (const abs of absolute) {
    let raw: Buffer;
    try {
      raw = readFileSync(abs);
    } catch (cause) {
      throw new MimicfixError(
        'MIMICFIX_FILE_NOT_FOUND',
        `File ${abs} used by ${descriptorPath} cannot be read.`,
        {
          hint: 'Create the file or fix the path in the descriptor.',
          cause,
        },
      );
    }
    const bytes = normaliseNewlines(raw);
    files.push({
      path: path.relative(baseDir, abs).split(path.sep).join('/'),
      absolutePath: abs,
      bytes,
      sha256: sha256(bytes),
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { descriptorPath, baseDir, files, expected: scan.expected, warnings };
}

function* walk(dir: string, cacheDir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || full === cacheDir) continue;
      yield* walk(full, cacheDir);
    } else if (entry.isFile()) {
      yield full;
    }
  }
}
