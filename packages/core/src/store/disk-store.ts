import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MimicfixError } from '@mimicfix/engine';
import type { ArtifactEntry, GeneratorIdentity, KeyOptions, Manifest } from '../types';
import { ensureDir } from '../util/ensure-dir';
import { sha256File } from '../util/hash';
import { isProcessAlive } from '../util/process';
import { detectCsvSeparator } from './csv-separator';
import { buildDatasets, manifestProblem } from './manifest';
import {
  CORRUPT_FILE,
  entryDir,
  hostTag,
  LAST_USED_FILE,
  MANIFEST_FILE,
  parseTempName,
  STORE_DIR,
  shardDir,
  TEMP_PREFIX,
  tempName,
} from './paths';

/** A temp folder older than this is a leftover even if its writer's pid looks alive (pid reuse, other host). */
const TEMP_MAX_AGE_MS = 6 * 3_600_000;

/** What `put()` needs besides the artifact files already in the temp folder. */
export interface EntryDraft {
  key: string;
  descriptor: string;
  generator: GeneratorIdentity;
  inputs: Array<{ path: string; sha256: string }>;
  options: KeyOptions;
  artifacts: Array<{
    file: string;
    dataset: string;
    format: ArtifactEntry['format'];
    records: number;
    separator?: string;
  }>;
}

/** An entry as `listEntries()` sees it. */
export interface StoredEntry {
  key: string;
  dir: string;
  manifest: Manifest;
  /** Artifact bytes plus manifest.json. */
  bytes: number;
  /** Epoch ms of the last use (or creation). */
  lastUsed: number;
}

export type StoreLookup =
  | { status: 'hit'; dir: string; manifest: Manifest }
  | { status: 'miss' }
  | { status: 'corrupt'; dir: string; problem: string };

export interface VerifyResult {
  key: string;
  dir: string;
  ok: boolean;
  problems: string[];
}

/**
 * The on-disk artifact store (docs/cache.md): `v1/<key[0..2]>/<slug>_<key>/manifest.json` plus artifacts. Entries
 * appear atomically (temp folder beside the final place, manifest written last, rename); an entry without a
 * valid manifest is a miss; sizes are checked on every read and sha256 on demand or after a crash.
 */
export class DiskStore {
  readonly cacheDir: string;
  /** Set when leftovers of a crashed writer were found: then every entry is fully verified on its first read. */
  private verifyOnFirstRead = false;
  private readonly verified = new Set<string>();
  private tempSwept = false;

  constructor(cacheDir: string) {
    this.cacheDir = path.resolve(cacheDir);
  }

  /** The folder an entry for `key` from `descriptor` gets. */
  entryDirFor(key: string, descriptor: string): string {
    return entryDir(this.cacheDir, key, descriptor);
  }

  /** The existing folder of `key`, whatever its slug. */
  async findEntryDir(key: string): Promise<string | undefined> {
    const shard = shardDir(this.cacheDir, key);
    let names: string[];
    try {
      names = await fs.readdir(shard);
    } catch {
      return undefined;
    }
    const name = names.find((n) => !n.startsWith('.') && n.endsWith(`_${key}`));
    return name === undefined ? undefined : path.join(shard, name);
  }

  /**
   * Looks `key` up. Missing folder or missing/invalid manifest → miss. A missing artifact or a size (or, when
   * verifying, sha256) mismatch → corrupt, with the problem in words. A hit records the last use.
   */
  async get(key: string, options: { verify?: boolean } = {}): Promise<StoreLookup> {
    await this.sweepTemp();
    const dir = await this.findEntryDir(key);
    if (dir === undefined) return { status: 'miss' };
    const marked = await readCorruptMarker(dir);
    if (marked !== undefined) return { status: 'corrupt', dir, problem: `marked bad by verify: ${marked}` };
    const manifest = await readManifest(dir, key);
    if (manifest === undefined) return { status: 'miss' };
    const verify = options.verify === true || (this.verifyOnFirstRead && !this.verified.has(key));
    const problems = await checkArtifacts(dir, manifest, verify);
    if (problems.length > 0) return { status: 'corrupt', dir, problem: problems.join('; ') };
    if (verify) this.verified.add(key);
    await this.touch(dir);
    return { status: 'hit', dir, manifest };
  }

  /** An empty temp folder beside where `key`'s entry will go; hand it to a generator, then to `put()`. */
  async createTemp(key: string): Promise<string> {
    const shard = shardDir(this.cacheDir, key);
    ensureDir(shard, 'cache dir');
    const dir = path.join(shard, tempName());
    try {
      await fs.mkdir(dir);
    } catch (error) {
      throw storeError('create', dir, error);
    }
    return dir;
  }

  /** Removes a temp folder from `createTemp()` (no-op when `put()` already consumed it). */
  async removeTemp(dir: string): Promise<void> {
    await fs.rm(dir, { recursive: true, force: true });
  }

  /**
   * Turns a temp folder holding the artifacts into a store entry: hashes the artifacts, writes manifest.json
   * last, fsyncs, renames into place. If the entry exists already (another process won), the existing one is
   * kept and the temp folder removed, unless `replace` (refresh, or replacing a corrupt entry). The temp folder
   * is gone when this returns, whatever happened.
   */
  async put(
    tempDir: string,
    draft: EntryDraft,
    options: { replace?: boolean } = {},
  ): Promise<{ dir: string; manifest: Manifest; kept: 'new' | 'existing' }> {
    try {
      const artifacts: ArtifactEntry[] = [];
      for (const a of draft.artifacts) {
        const file = path.join(tempDir, a.file);
        if (path.dirname(file) !== tempDir || a.file.startsWith('.')) {
          throw new MimicfixError('MIMICFIX_STORE', `Artifact name "${a.file}" is not a plain file name.`, {
            hint: 'Generators must write files directly into the folder they are given.',
          });
        }
        if (!existsSync(file)) {
          throw new MimicfixError(
            'MIMICFIX_STORE',
            `The generator reported ${a.file} but did not write it.`,
            {
              hint: 'This is a bug in the generator backend; please report it.',
            },
          );
        }
        const { sha256, bytes } = await sha256File(file);
        const entry: ArtifactEntry = {
          file: a.file,
          dataset: a.dataset,
          format: a.format,
          bytes,
          sha256,
          records: a.records,
        };
        if (a.format === 'csv') entry.separator = a.separator ?? detectCsvSeparator(file);
        artifacts.push(entry);
        await fsyncPath(file);
      }
      artifacts.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
      const manifest: Manifest = {
        formatVersion: 1,
        key: draft.key,
        descriptor: draft.descriptor,
        createdAt: new Date().toISOString(),
        generator: draft.generator,
        inputs: draft.inputs,
        options: draft.options,
        datasets: buildDatasets(artifacts),
        artifacts,
      };
      // Last: its presence is what makes the entry valid.
      const manifestFile = path.join(tempDir, MANIFEST_FILE);
      await fs.writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
      await fsyncPath(manifestFile);
      await fsyncPath(tempDir);

      const finalDir = this.entryDirFor(draft.key, draft.descriptor);
      const existing = await this.findEntryDir(draft.key);
      if (existing !== undefined) {
        const existingManifest = await readManifest(existing, draft.key);
        const healthy =
          existingManifest &&
          (await readCorruptMarker(existing)) === undefined &&
          (await checkArtifacts(existing, existingManifest, false)).length === 0;
        if (healthy && !options.replace)
          return { dir: existing, manifest: existingManifest, kept: 'existing' };
        await this.remove(existing);
      }
      try {
        await fs.rename(tempDir, finalDir);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM')
          throw storeError('rename', finalDir, error);
        // Lost a race with a writer that held no lock (e.g. another cache dir user): keep theirs.
        const theirs = await readManifest(finalDir, draft.key);
        if (theirs === undefined) throw storeError('rename', finalDir, error);
        return { dir: finalDir, manifest: theirs, kept: 'existing' };
      }
      await fsyncPath(path.dirname(finalDir));
      await this.touch(finalDir);
      this.verified.add(draft.key);
      return { dir: finalDir, manifest, kept: 'new' };
    } finally {
      await fs.rm(tempDir, { recursive: true, force: true });
    }
  }

  /** Full check of one entry: manifest valid, every artifact present with the recorded size and sha256. */
  async verifyEntry(keyOrDir: string): Promise<VerifyResult> {
    const dir = path.isAbsolute(keyOrDir) ? keyOrDir : await this.findEntryDir(keyOrDir);
    const key = dir ? (path.basename(dir).split('_').pop() ?? '') : keyOrDir;
    if (dir === undefined) return { key, dir: '', ok: false, problems: ['no such entry'] };
    let manifest: Manifest | undefined;
    let problem: string | null = null;
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
      problem = manifestProblem(parsed, key);
      if (problem === null) manifest = parsed as Manifest;
    } catch (error) {
      problem = `manifest.json unreadable: ${(error as Error).message}`;
    }
    if (manifest === undefined) return { key, dir, ok: false, problems: [problem ?? 'manifest invalid'] };
    const problems = await checkArtifacts(dir, manifest, true);
    if (problems.length === 0) this.verified.add(key);
    return { key, dir, ok: problems.length === 0, problems };
  }

  /**
   * Marks an entry bad (`verify` found a problem): every later read reports it corrupt, so `auto` regenerates it
   * and `frozen`/`offline` fail with MIMICFIX_CACHE_CORRUPT. `problems` undefined clears the mark.
   */
  async markCorrupt(dir: string, problems: string[] | undefined): Promise<void> {
    const file = path.join(dir, CORRUPT_FILE);
    if (problems === undefined) {
      await fs.rm(file, { force: true });
      return;
    }
    try {
      await fs.writeFile(file, `${problems.join('; ')}\n`);
    } catch (error) {
      throw storeError('mark corrupt', dir, error);
    }
  }

  /** Every entry folder (`<slug>_<key>`), whether or not its manifest is readable: what `verify` checks. */
  async listEntryDirs(): Promise<string[]> {
    const base = path.join(this.cacheDir, STORE_DIR);
    const out: string[] = [];
    let shards: string[];
    try {
      shards = await fs.readdir(base);
    } catch {
      return out;
    }
    for (const shard of shards.sort()) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      let names: string[];
      try {
        names = await fs.readdir(path.join(base, shard));
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (name.startsWith('.') || !/_[0-9a-f]{64}$/.test(name)) continue;
        out.push(path.join(base, shard, name));
      }
    }
    return out;
  }

  /** Every entry with a valid manifest, most recently used first. */
  async listEntries(): Promise<StoredEntry[]> {
    const base = path.join(this.cacheDir, STORE_DIR);
    const out: StoredEntry[] = [];
    let shards: string[];
    try {
      shards = await fs.readdir(base);
    } catch {
      return out;
    }
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      let names: string[];
      try {
        names = await fs.readdir(path.join(base, shard));
      } catch {
        continue;
      }
      for (const name of names) {
        if (name.startsWith('.')) continue;
        const key = name.slice(name.lastIndexOf('_') + 1);
        const dir = path.join(base, shard, name);
        const manifest = await readManifest(dir, key);
        if (manifest === undefined) continue;
        let manifestBytes = 0;
        try {
          manifestBytes = (await fs.stat(path.join(dir, MANIFEST_FILE))).size;
        } catch {}
        out.push({
          key,
          dir,
          manifest,
          bytes: manifest.artifacts.reduce((n, a) => n + a.bytes, manifestBytes),
          lastUsed: await lastUsedOf(dir, manifest),
        });
      }
    }
    return out.sort((a, b) => b.lastUsed - a.lastUsed);
  }

  /** The newest entry made from `descriptor` (path relative to root): what "what changed" compares against. */
  async findNewestForDescriptor(descriptor: string): Promise<StoredEntry | undefined> {
    const entries = (await this.listEntries()).filter((e) => e.manifest.descriptor === descriptor);
    return entries.sort((a, b) => Date.parse(b.manifest.createdAt) - Date.parse(a.manifest.createdAt))[0];
  }

  /** Records a use: the mtime of `<entry>/.last-used` (artifacts and manifest stay untouched). */
  async touch(dir: string): Promise<void> {
    const file = path.join(dir, LAST_USED_FILE);
    const now = new Date();
    try {
      await fs.utimes(file, now, now);
    } catch {
      try {
        await fs.writeFile(file, '');
      } catch {
        // Best effort: a read-only cache still serves hits.
      }
    }
  }

  /** Removes an entry: renamed out of sight first so that no reader sees it half-deleted. */
  async remove(dir: string): Promise<void> {
    const trash = path.join(path.dirname(dir), tempName());
    try {
      await fs.rename(dir, trash);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw storeError('remove', dir, error);
    }
    await fs.rm(trash, { recursive: true, force: true });
  }

  /**
   * Removes temp folders left by writers that died (same host, pid gone; or older than 6 h). Finding any turns on
   * full verification of each entry on its first read by this store. Returns how many were removed.
   */
  async sweepTemp(force = false): Promise<number> {
    if (this.tempSwept && !force) return 0;
    this.tempSwept = true;
    const base = path.join(this.cacheDir, STORE_DIR);
    let removed = 0;
    let shards: string[];
    try {
      shards = await fs.readdir(base);
    } catch {
      return 0;
    }
    const me = hostTag();
    for (const shard of shards) {
      let names: string[];
      try {
        names = await fs.readdir(path.join(base, shard));
      } catch {
        continue;
      }
      for (const name of names) {
        if (!name.startsWith(TEMP_PREFIX)) continue;
        const full = path.join(base, shard, name);
        const owner = parseTempName(name);
        let stale = owner === undefined || (owner.host === me && !isProcessAlive(owner.pid));
        if (!stale) {
          try {
            stale = Date.now() - (await fs.stat(full)).mtimeMs > TEMP_MAX_AGE_MS;
          } catch {
            continue;
          }
        }
        if (!stale) continue;
        await fs.rm(full, { recursive: true, force: true });
        removed++;
      }
    }
    if (removed > 0) this.verifyOnFirstRead = true;
    return removed;
  }
}

/** The problems `verify` recorded in an entry's corrupt marker, or undefined when it has none. */
async function readCorruptMarker(dir: string): Promise<string | undefined> {
  try {
    return (await fs.readFile(path.join(dir, CORRUPT_FILE), 'utf8')).trim() || 'unknown problem';
  } catch {
    return undefined;
  }
}

async function readManifest(dir: string, key: string): Promise<Manifest | undefined> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
    return manifestProblem(parsed, key) === null ? (parsed as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

async function checkArtifacts(dir: string, manifest: Manifest, verify: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const a of manifest.artifacts) {
    const file = path.join(dir, a.file);
    try {
      if (verify) {
        const actual = await sha256File(file);
        if (actual.bytes !== a.bytes)
          problems.push(`${a.file} has ${actual.bytes} bytes, expected ${a.bytes}`);
        else if (actual.sha256 !== a.sha256) problems.push(`${a.file} sha256 differs from the manifest`);
      } else {
        const size = (await fs.stat(file)).size;
        if (size !== a.bytes) problems.push(`${a.file} has ${size} bytes, expected ${a.bytes}`);
      }
    } catch {
      problems.push(`${a.file} is missing`);
    }
  }
  return problems;
}

async function lastUsedOf(dir: string, manifest: Manifest): Promise<number> {
  try {
    return (await fs.stat(path.join(dir, LAST_USED_FILE))).mtimeMs;
  } catch {
    return Date.parse(manifest.createdAt) || 0;
  }
}

async function fsyncPath(file: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}

function storeError(action: string, target: string, cause: unknown): MimicfixError {
  return new MimicfixError(
    'MIMICFIX_STORE',
    `Cache store could not ${action} ${target}: ${(cause as Error).message}`,
    {
      hint: 'Check that the cache folder is writable and the disk is not full, or set MIMICFIX_CACHE_DIR.',
      cause,
    },
  );
}
