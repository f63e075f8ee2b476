import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { hostName } from '../util/process';

/** Folder of the current store format under the cache dir. */
export const STORE_DIR = 'v1';
export const MANIFEST_FILE = 'manifest.json';
/** Touched (mtime) on every use, so that `prune` knows the last use without rewriting the entry. */
export const LAST_USED_FILE = '.last-used';
export const TEMP_PREFIX = '.tmp-';
/** Written by `verify` into an entry that failed the check: the next read treats the entry as corrupt. */
export const CORRUPT_FILE = '.corrupt';

/** A short, readable folder prefix from the descriptor path: `tests/datamimic.xml` → `tests-datamimic`. */
export function slugFor(descriptor: string): string {
  const withoutExt = descriptor.replace(/\.[^./\\]+$/, '');
  const slug = withoutExt
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(-40)
    .replace(/^-+/, '');
  return slug || 'descriptor';
}

/** `<cacheDir>/v1/<key[0..2]>` */
export function shardDir(cacheDir: string, key: string): string {
  return path.join(cacheDir, STORE_DIR, key.slice(0, 2));
}

/** `<cacheDir>/v1/<key[0..2]>/<slug>_<key>` */
export function entryDir(cacheDir: string, key: string, descriptor: string): string {
  return path.join(shardDir(cacheDir, key), `${slugFor(descriptor)}_${key}`);
}

/** 8 hex chars naming this machine in temp/marker names (hostnames may hold any character). */
export function hostTag(): string {
  return createHash('sha256').update(hostName()).digest('hex').slice(0, 8);
}

/** `.tmp-<hosttag>-<pid>-<random>`: who made it, so that a crashed writer's leftovers can be recognised. */
export function tempName(): string {
  return `${TEMP_PREFIX}${hostTag()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Parses a temp folder name back into host tag and pid. */
export function parseTempName(name: string): { host: string; pid: number } | undefined {
  const m = /^\.tmp-([0-9a-f]{8})-(\d+)-[0-9a-f]+$/.exec(name);
  return m ? { host: m[1] as string, pid: Number(m[2]) } : undefined;
}
