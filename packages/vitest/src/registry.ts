import type { MimicfixOptions, ResolvedManifest } from '@mimicfix/core';

/**
 * State shared between the plugin (loaded with the Vitest config) and the global setup (loaded by Vitest's
 * module runner, once per project). They can be different module instances of this package, so the state
 * lives on `globalThis` under a registered symbol instead of in module scope.
 */
interface Registry {
  /** Options of the `mimicfix()` plugin, keyed by the resolved Vite config of the project it is part of. */
  options: WeakMap<object, MimicfixOptions>;
  /** Per Vitest instance: one setup per options fingerprint, so projects sharing a config resolve once. */
  runs: WeakMap<object, Map<string, Promise<ResolvedManifest>>>;
  /** Per Vitest instance: the re-resolve in flight for a watch rerun, shared by every project. */
  reruns: WeakMap<object, Map<string, Promise<ResolvedManifest>>>;
}

const KEY = Symbol.for('mimicfix.vitest.registry');

export function registry(): Registry {
  const holder = globalThis as { [KEY]?: Registry };
  holder[KEY] ??= { options: new WeakMap(), runs: new WeakMap(), reruns: new WeakMap() };
  return holder[KEY];
}

/** Returns the promise memoised under (`owner`, `key`) in `table`, starting `run` if there is none. */
export function shared(
  table: WeakMap<object, Map<string, Promise<ResolvedManifest>>>,
  owner: object,
  key: string,
  run: () => Promise<ResolvedManifest>,
): Promise<ResolvedManifest> {
  let byKey = table.get(owner);
  if (!byKey) {
    byKey = new Map();
    table.set(owner, byKey);
  }
  let pending = byKey.get(key);
  if (!pending) {
    pending = run();
    byKey.set(key, pending);
  }
  return pending;
}

/** A stable string for the options that change what `setupDatasets` returns (functions and signals left out). */
export function fingerprint(options: MimicfixOptions): string {
  return JSON.stringify(options, (key, value) =>
    key === 'signal' || key === 'log' || typeof value === 'function' ? undefined : value,
  );
}
