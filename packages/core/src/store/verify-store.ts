import { DiskStore, type VerifyResult } from './disk-store';

/**
 * Verifies every entry of the store in `cacheDir` (sizes and sha256). With `remove`, corrupt entries are deleted
 * so that the next run regenerates them. Leftover temp folders are swept first.
 */
export async function verifyStore(
  target: string | { cacheDir: string },
  options: { remove?: boolean } = {},
): Promise<VerifyResult[]> {
  const store = new DiskStore(typeof target === 'string' ? target : target.cacheDir);
  await store.sweepTemp(true);
  const results: VerifyResult[] = [];
  for (const entry of await store.listEntries()) {
    const result = await store.verifyEntry(entry.dir);
    if (!result.ok && options.remove) await store.remove(entry.dir);
    results.push(result);
  }
  return results;
}
