import { MimicfixError } from '@mimicfix/engine';
import { Keyv, type KeyvStoreAdapter } from 'keyv';
import type { SharedTier } from '../resolve/shared-tier';
import { createKeyvSharedTier, type KeyvSharedTierOptions } from './keyv-shared-tier';

/** A Redis URL for `@keyv/redis` (loaded lazily; install it next to mimicfix) plus tier options. */
export interface SharedUrlOption extends Omit<KeyvSharedTierOptions, 'log'> {
  /** `redis://[[user]:password@]host[:port][/db]` or `rediss://…`. Env `MIMICFIX_SHARED_URL`. */
  url: string;
  /** Keyv namespace of the entries. @default undefined (keys start with `mimicfix:v1:`) */
  namespace?: string;
}

/**
 * Option `shared` of `MimicfixOptions`: the shared cache tier (docs/shared-cache.md). A Keyv instance or store
 * adapter (any backend; you own its connection), `{ url: 'redis://…' }` (mimicfix opens and closes a
 * `@keyv/redis` connection per run), or `false` to disable it even when `MIMICFIX_SHARED_URL` is set.
 */
export type SharedOption = Keyv | KeyvStoreAdapter | SharedUrlOption | false;

/**
 * Precedence for `shared`: explicit option > env `MIMICFIX_SHARED_URL` > config file > none. Validates a URL
 * (the message never shows a password). Returns `false` when no shared tier is configured.
 */
export function resolveSharedOption(
  explicit: SharedOption | undefined,
  env: Record<string, string | undefined>,
  fromFile: SharedOption | undefined,
): SharedOption {
  const envUrl = env.MIMICFIX_SHARED_URL === '' ? undefined : env.MIMICFIX_SHARED_URL;
  const chosen = explicit ?? (envUrl !== undefined ? { url: envUrl } : undefined) ?? fromFile ?? false;
  if (chosen === false) return false;
  if (typeof chosen !== 'object' || chosen === null) {
    throw new MimicfixError(
      'MIMICFIX_CONFIG',
      `Option shared has an invalid value ${JSON.stringify(chosen)}.`,
      {
        hint: "Use a Keyv instance, a Keyv store adapter, { url: 'redis://host:6379' }, or false.",
      },
    );
  }
  if (isUrlOption(chosen)) {
    const fromEnv = explicit === undefined && envUrl !== undefined;
    if (typeof chosen.url !== 'string' || !/^rediss?:\/\/./i.test(chosen.url)) {
      throw new MimicfixError(
        'MIMICFIX_CONFIG',
        `${fromEnv ? 'Environment variable MIMICFIX_SHARED_URL' : 'Option shared.url'} has an invalid value ${JSON.stringify(maskUrl(String(chosen.url)))}.`,
        {
          hint: 'Use a Redis URL such as redis://127.0.0.1:6379, or pass a Keyv instance as option shared for other stores.',
        },
      );
    }
  }
  return chosen;
}

/** A printable form of the option: the URL with its password masked, or the kind of store. */
export function describeShared(shared: SharedOption): string | false {
  if (shared === false) return false;
  if (isUrlOption(shared)) return maskUrl(shared.url);
  return shared instanceof Keyv ? 'a Keyv instance' : 'a Keyv store adapter';
}

/** `redis://user:secret@host` → `redis://user:***@host`. */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

/** A shared tier opened for one run, and how to close what the run opened. */
export interface OpenedSharedTier {
  tier: SharedTier;
  close(): Promise<void>;
}

/**
 * Opens the tier that `shared` describes. For `{ url }` it imports `@keyv/redis` lazily (a clear
 * MIMICFIX_CONFIG error when it is not installed) and owns the connection: `close()` disconnects it. A Keyv
 * instance or adapter is the caller's: `close()` leaves it open.
 */
export async function openSharedTier(
  shared: Exclude<SharedOption, false>,
  settings: { lockTtlMs: number; log: (line: string) => void },
): Promise<OpenedSharedTier> {
  if (!isUrlOption(shared)) {
    const tier = createKeyvSharedTier(shared, { lockTtlMs: settings.lockTtlMs, log: settings.log });
    // The caller's instance stays open (watch mode reuses it); only our listener goes.
    return { tier, close: async () => tier.dispose() };
  }
  const { url, namespace, ...tierOptions } = shared;
  let mod: typeof import('@keyv/redis');
  try {
    mod = await import('@keyv/redis');
  } catch (cause) {
    throw new MimicfixError(
      'MIMICFIX_CONFIG',
      'The shared cache needs the package @keyv/redis, which is not installed.',
      {
        hint: 'Install it next to mimicfix (npm i -D @keyv/redis), or unset MIMICFIX_SHARED_URL / option shared.',
        cause,
      },
    );
  }
  // Non-blocking: a Redis that is down fails fast (no offline queue, no reconnect loop) and the run
  // continues from disk and the generator, with a warning.
  const keyv = mod.createKeyvNonBlocking(url, {
    ...(namespace ? { namespace } : {}),
    connectionTimeout: 5000,
  });
  const tier = createKeyvSharedTier(keyv, {
    lockTtlMs: settings.lockTtlMs,
    ...tierOptions,
    log: settings.log,
  });
  return { tier, close: () => tier.close() };
}

function isUrlOption(value: object): value is SharedUrlOption {
  // A store adapter has get/set; the URL form is a plain object.
  return 'url' in value && typeof (value as { get?: unknown }).get !== 'function';
}
