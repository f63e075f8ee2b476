import type { Manifest } from '../types';

/**
 * SHARED-TIER SEAM. A second cache level between the disk store and the generator (a Keyv store such as Redis,
 * shared by CI machines). It is implemented in src/shared/ (`createKeyvSharedTier`); `resolve()` calls it:
 * after a disk miss it asks `get()`; a hit is written into the disk store and returned as `shared-hit`; after a
 * generation it calls `publish()`. `lock()` (optional) is a distributed lock held around generation, in addition
 * to the per-machine file lock, so that only one machine generates a key.
 */
export interface SharedTier {
  /** The entry for `key`, or undefined. Must never throw for a plain miss. */
  get(key: string): Promise<SharedEntry | undefined>;
  /** Uploads a freshly generated entry (manifest + artifact bytes). Failures should be logged, not thrown. */
  publish(entry: SharedEntry): Promise<void>;
  /** Optional distributed lock around generation; resolves to a release function. */
  lock?(key: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<() => Promise<void>>;
}

/** A whole store entry in transit: its manifest and every artifact's bytes by file name. */
export interface SharedEntry {
  manifest: Manifest;
  files: Record<string, Buffer>;
}
