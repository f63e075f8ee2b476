import { MimicfixError } from '@mimicfix/engine';
import type { SharedEntry } from '../resolve/shared-tier';
import { manifestProblem } from '../store/manifest';
import type { Manifest } from '../types';
import { sha256 } from '../util/hash';

/** Version of the layout of entries in the shared store; part of every key, so a change never mixes layouts. */
export const SHARED_LAYOUT_VERSION = 1;

/**
 * The record stored under `entry:<key>`: the manifest plus where each artifact's chunks are. It is written after
 * every chunk, so a reader that sees it can expect the chunks (unless they expired or were evicted).
 */
export interface SharedRecord {
  layout: typeof SHARED_LAYOUT_VERSION;
  /** Random id of this upload: chunk keys contain it, so two publishers never interleave chunks. */
  upload: string;
  publishedAt: string;
  /** Host and pid of the publisher, for messages. */
  publisher: string;
  manifest: Manifest;
  files: Array<{ file: string; bytes: number; chunks: number }>;
}

/** Splits bytes into pieces of at most `size` bytes (at least one piece, even for an empty file). */
export function splitChunks(bytes: Buffer, size: number): Buffer[] {
  if (bytes.length === 0) return [bytes];
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

/** Checks a record read from the store; returns the problem or null. */
export function recordProblem(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return 'record is not an object';
  const r = value as Partial<SharedRecord>;
  if (r.layout !== SHARED_LAYOUT_VERSION) return `unknown layout ${JSON.stringify(r.layout)}`;
  if (typeof r.upload !== 'string' || r.upload === '') return 'upload id missing';
  const mp = manifestProblem(r.manifest, key);
  if (mp !== null) return mp;
  if (!Array.isArray(r.files)) return 'file list missing';
  const manifest = r.manifest as Manifest;
  for (const a of manifest.artifacts) {
    const f = r.files.find((x) => x?.file === a.file);
    if (!f || !Number.isInteger(f.chunks) || f.chunks < 1 || f.bytes !== a.bytes)
      return `${a.file} is not listed with its chunks`;
  }
  return null;
}

/**
 * Checks the bytes pulled from the shared store against the manifest (size and sha256 of every artifact).
 * Returns the problems in words; empty when the entry is intact.
 */
export function verifyEntryBytes(entry: SharedEntry): string[] {
  const problems: string[] = [];
  for (const a of entry.manifest.artifacts) {
    const bytes = entry.files[a.file];
    if (bytes === undefined) problems.push(`${a.file} is missing`);
    else if (bytes.length !== a.bytes)
      problems.push(`${a.file} has ${bytes.length} bytes, expected ${a.bytes}`);
    else if (sha256(bytes) !== a.sha256) problems.push(`${a.file} sha256 differs from the manifest`);
  }
  return problems;
}

/** Throws unless every artifact of `entry` has its bytes and a plain file name (before anything is uploaded). */
export function assertPublishable(entry: SharedEntry): void {
  const problem = manifestProblem(entry.manifest, entry.manifest.key);
  if (problem !== null) {
    throw new MimicfixError(
      'MIMICFIX_SHARED_CACHE',
      `Cannot publish an entry with an invalid manifest: ${problem}.`,
      {
        hint: 'This is a bug in mimicfix; please report it.',
      },
    );
  }
  const bad = verifyEntryBytes(entry);
  if (bad.length > 0) {
    throw new MimicfixError(
      'MIMICFIX_SHARED_CACHE',
      `Cannot publish cache key ${entry.manifest.key.slice(0, 12)}…: ${bad.join('; ')}.`,
      { hint: 'The local entry changed while it was being published; run `mimicfix verify`.' },
    );
  }
}
