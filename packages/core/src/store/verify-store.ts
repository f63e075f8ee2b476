import { DiskStore, type VerifyResult } from './disk-store';

/**
 * Verifies every entry folder of the store in `cacheDir` (manifest readable, artifact sizes and sha256), including
 * entries whose manifest.json is damaged. A bad entry is marked (`.corrupt`) so that the next resolve treats it as
 * corrupt: `auto` regenerates it, `frozen`/`offline` fail with MIMICFIX_CACHE_CORRUPT. With `remove`, bad entries
 * are deleted instead. A good entry loses an old mark. Leftover temp folders are swept first.
 */
export async function verifyStore(
  target: string | { cacheDir: string },
  options: { remove?: boolean } = {},
): Promise<VerifyResult[]> {
  const store = new DiskStore(typeof target === 'string' ? target : target.cacheDir);
  await store.sweepTemp(true);
  const results: VerifyResult[] = [];
  for (const dir of await store.listEntryDirs()) {
    const result = await store.verifyEntry(dir);
    if (!result.ok && options.remove) await store.remove(dir);
    else await store.markCorrupt(dir, result.ok ? undefined : result.problems);
    results.push(result);
  }
  return results;
}
