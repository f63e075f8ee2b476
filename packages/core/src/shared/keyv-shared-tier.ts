import { randomUUID } from 'node:crypto';
import { MimicfixError } from '@mimicfix/engine';
import { Keyv, type KeyvStoreAdapter } from 'keyv';
import type { SharedEntry, SharedTier } from '../resolve/shared-tier';
import { hostName } from '../util/process';
import {
  assertPublishable,
  recordProblem,
  SHARED_LAYOUT_VERSION,
  type SharedRecord,
  splitChunks,
  verifyEntryBytes,
} from './entry-codec';
import { keyvLock, type LockPrimitive, type RedisLikeClient, redisLock } from './shared-lock';

/** Options of `createKeyvSharedTier()`. */
export interface KeyvSharedTierOptions {
  /** Prefix of every key this tier writes (after the Keyv namespace, if any). @default 'mimicfix:' */
  prefix?: string;
  /**
   * Largest piece of an artifact per stored value, in bytes before base64 (a value is ~4/3 of this). Big
   * artifacts become several values, so store value limits (Redis: 512 MB, managed Redis often less) are not hit.
   * @default 3_145_728 (3 MiB, ≈ 4 MiB per stored value)
   */
  chunkBytes?: number;
  /** Entries expire after this many ms; `null` keeps them until the store evicts them. @default 604_800_000 (7 days) */
  ttlMs?: number | null;
  /**
   * Expiry of the distributed generation lock. The holder renews it every third of this; a holder that dies
   * stops renewing, and the lock frees itself after at most this long. @default 30_000
   */
  lockTtlMs?: number;
  /** How often a machine waiting for the lock looks for the published entry and retries. @default 250 */
  pollMs?: number;
  /**
   * `'auto'`: atomic `SET NX PX` through the Redis client when the store is `@keyv/redis`, otherwise `'keyv'`.
   * `'redis'`: require the Redis client. `'keyv'`: best effort over plain Keyv get/set (any store).
   * @default 'auto'
   */
  lockStrategy?: 'auto' | 'redis' | 'keyv';
  /** Best-effort lock only: how long a writer waits before reading its token back. @default 100 */
  settleMs?: number;
  /** Longest time one store operation (`get`, `publish`, one lock attempt) may take. @default 60_000 */
  operationTimeoutMs?: number;
  /** Where warnings go. @default a writer to stderr prefixed `[mimicfix]` */
  log?: (line: string) => void;
}

/** The shared tier over a Keyv store, plus what it chose and a way to close a connection it owns. */
export interface KeyvSharedTier extends SharedTier {
  /** Which lock it uses: atomic on Redis, or best effort on any other store. */
  readonly lockKind: LockPrimitive['kind'];
  /** The Keyv instance (wrapping the adapter when an adapter was given). */
  readonly keyv: Keyv;
  /** Detaches this tier from the Keyv instance (its error listener) and leaves the connection open. */
  dispose(): void;
  /** Detaches and disconnects the store (only call it when this tier owns the connection). */
  close(): Promise<void>;
}

const DEFAULT_TTL_MS = 7 * 24 * 3_600_000;

/**
 * A `SharedTier` (second cache level, e.g. Redis shared by CI machines) over ANY Keyv store or store adapter.
 * Whole entries are stored: the manifest plus the artifact bytes, each artifact cut into base64 chunks of at
 * most `chunkBytes`, chunks first and the entry record last (a reader that sees the record finds the chunks).
 * Pulled entries are checked by size and sha256 against the manifest; a bad one is logged, deleted and
 * treated as a miss. `lock()` is a distributed single-flight lock with expiry: atomic `SET NX PX` on
 * `@keyv/redis`, best effort on other stores (docs/shared-cache.md). While waiting for it, the tier polls for
 * the entry: once another machine published it, `lock()` returns without the lock so that the caller pulls it.
 */
export function createKeyvSharedTier(
  store: Keyv | KeyvStoreAdapter,
  options: KeyvSharedTierOptions = {},
): KeyvSharedTier {
  const keyv = store instanceof Keyv ? store : new Keyv({ store });
  const prefix = options.prefix ?? 'mimicfix:';
  const chunkBytes = positiveInt(options.chunkBytes ?? 3 * 1024 * 1024, 'chunkBytes');
  const ttl = options.ttlMs === null ? undefined : positiveInt(options.ttlMs ?? DEFAULT_TTL_MS, 'ttlMs');
  const lockTtlMs = positiveInt(options.lockTtlMs ?? 30_000, 'lockTtlMs');
  const pollMs = positiveInt(options.pollMs ?? 250, 'pollMs');
  const settleMs = positiveInt(options.settleMs ?? 100, 'settleMs');
  const opTimeout = positiveInt(options.operationTimeoutMs ?? 60_000, 'operationTimeoutMs');
  const log = options.log ?? ((line: string) => process.stderr.write(`[mimicfix] ${line}\n`));
  const ns = `${prefix}v${SHARED_LAYOUT_VERSION}:`;
  const entryKey = (key: string) => `${ns}entry:${key}`;
  const chunkKey = (key: string, upload: string, file: number, n: number) =>
    `${ns}chunk:${key}:${upload}:${file}:${n}`;

  // Circuit breaker: after the first store failure the tier is off for the rest of this run, so that a Redis
  // that is down costs one warning instead of a connection timeout per operation.
  let down: string | undefined;
  let onDown: (error: Error) => void = () => {};
  // Settles every pending operation at once when the breaker trips (a client may keep a connect pending).
  const downSignal = new Promise<never>((_, reject) => {
    onDown = reject;
  });
  downSignal.catch(() => {});
  const trip = (what: string, error: unknown): void => {
    if (down !== undefined) return;
    down = (error as Error)?.message ?? String(error);
    log(`warning: shared cache ${what} failed (${down}); continuing without the shared cache for this run`);
    onDown(new Error(down));
  };
  // Keyv emits store errors as events; without a listener they would be thrown from the emitter.
  const onError = (error: unknown) => trip('store', error);
  keyv.on('error', onError);

  const redisStore = isKeyvRedis(keyv.store) ? keyv.store : undefined;
  const strategy = options.lockStrategy ?? 'auto';
  if (strategy === 'redis' && !redisStore) {
    throw new MimicfixError(
      'MIMICFIX_CONFIG',
      'Option lockStrategy is "redis" but the Keyv store is not @keyv/redis.',
      {
        hint: 'Use a @keyv/redis store, or lockStrategy "keyv" (best effort) for other stores.',
      },
    );
  }
  const lockKind: LockPrimitive['kind'] =
    strategy !== 'keyv' && redisStore ? 'redis-set-nx' : 'keyv-best-effort';
  let primitive: Promise<(lockKey: string) => LockPrimitive> | undefined;
  const lockFor = (key: string): Promise<LockPrimitive> => {
    primitive ??= (async () => {
      if (lockKind === 'keyv-best-effort') return (k: string) => keyvLock(keyv, k, settleMs);
      const client = (await (redisStore as KeyvRedisLike).getClient()) as RedisLikeClient;
      return (k: string) => redisLock(client, k);
    })();
    // The raw Redis key bypasses Keyv's namespacing: include the namespace so two namespaces never share a lock.
    const lockKey = `${keyv.namespace ? `${keyv.namespace}:` : ''}${ns}lock:${key}`;
    return primitive.then((make) => make(lockKey));
  };

  const timed = <T>(what: string, work: Promise<T>): Promise<T> =>
    Promise.race([withTimeout(work, opTimeout, what), downSignal]);

  async function readRecord(key: string): Promise<SharedRecord | undefined> {
    const value: unknown = await keyv.get(entryKey(key));
    if (value === undefined || value === null) return undefined;
    const problem = recordProblem(value, key);
    if (problem !== null) {
      log(`warning: shared cache entry ${key.slice(0, 12)}… is unusable (${problem}); ignoring it`);
      return undefined;
    }
    return value as SharedRecord;
  }

  async function discard(key: string, record: SharedRecord): Promise<void> {
    // Only remove the record we judged bad: a publisher may have replaced it meanwhile.
    const current = (await keyv.get(entryKey(key))) as SharedRecord | undefined;
    if (current?.upload === record.upload) await keyv.delete(entryKey(key));
    await keyv.deleteMany(
      record.files.flatMap((f, i) =>
        Array.from({ length: f.chunks }, (_, n) => chunkKey(key, record.upload, i, n)),
      ),
    );
  }

  async function pull(key: string): Promise<SharedEntry | undefined> {
    const record = await readRecord(key);
    if (!record) return undefined;
    const files: Record<string, Buffer> = {};
    for (const [i, f] of record.files.entries()) {
      const keys = Array.from({ length: f.chunks }, (_, n) => chunkKey(key, record.upload, i, n));
      const parts = (await keyv.getMany(keys)) as unknown[];
      if (parts.some((p) => typeof p !== 'string')) {
        log(
          `warning: shared cache entry ${key.slice(0, 12)}… lacks chunks of ${f.file} (expired or evicted); ignoring it`,
        );
        await discard(key, record);
        return undefined;
      }
      files[f.file] = Buffer.concat((parts as string[]).map((p) => Buffer.from(p, 'base64')));
    }
    const entry: SharedEntry = { manifest: record.manifest, files };
    const problems = verifyEntryBytes(entry);
    if (problems.length > 0) {
      log(
        `warning: shared cache entry ${key.slice(0, 12)}… failed verification (${problems.join('; ')}); ignoring and deleting it`,
      );
      await discard(key, record);
      return undefined;
    }
    return entry;
  }

  async function publish(entry: SharedEntry): Promise<void> {
    assertPublishable(entry);
    const key = entry.manifest.key;
    // First publisher wins: the bytes are the same (deterministic generation); this also avoids orphan chunks.
    if ((await readRecord(key)) !== undefined) return;
    const upload = randomUUID();
    const files: SharedRecord['files'] = [];
    for (const [i, a] of entry.manifest.artifacts.entries()) {
      const bytes = entry.files[a.file] as Buffer;
      const chunks = splitChunks(bytes, chunkBytes);
      for (const [n, c] of chunks.entries()) {
        await keyv.set(chunkKey(key, upload, i, n), c.toString('base64'), ttl);
      }
      files.push({ file: a.file, bytes: bytes.length, chunks: chunks.length });
    }
    const record: SharedRecord = {
      layout: SHARED_LAYOUT_VERSION,
      upload,
      publishedAt: new Date().toISOString(),
      publisher: `${hostName()}:${process.pid}`,
      manifest: entry.manifest,
      files,
    };
    // Last: its presence is what makes the entry visible.
    const ok = await keyv.set(entryKey(key), record, ttl);
    if (ok === false) throw new Error('the store refused the entry record');
  }

  async function lock(
    key: string,
    o: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<() => Promise<void>> {
    const started = Date.now();
    const token = `${hostName()}:${process.pid}:${randomUUID()}`;
    let prim: LockPrimitive;
    if (down !== undefined) return async () => {};
    try {
      prim = await timed('lock', lockFor(key));
    } catch (error) {
      trip('lock', error);
      return async () => {};
    }
    let announced = false;
    for (;;) {
      if (o.signal?.aborted) {
        throw new MimicfixError(
          'MIMICFIX_ABORTED',
          `Aborted while waiting for the shared lock of cache key ${key}.`,
          {
            cause: o.signal.reason,
          },
        );
      }
      try {
        if (await timed('lock', prim.tryAcquire(token, lockTtlMs))) return held(prim, token, key);
        // Another machine generates: once its entry is published, stop waiting and let the caller pull it.
        if (await timed('lock', keyv.has(entryKey(key)))) return async () => {};
      } catch (error) {
        trip('lock', error);
        return async () => {};
      }
      if (down !== undefined) return async () => {};
      if (Date.now() - started >= o.timeoutMs) {
        const holder = await prim.holder().catch(() => undefined);
        throw new MimicfixError(
          'MIMICFIX_LOCK_TIMEOUT',
          `Waited ${o.timeoutMs} ms for ${describeHolder(holder)} to generate cache key ${key.slice(0, 12)}… (shared lock).`,
          {
            hint: `The lock expires ${lockTtlMs} ms after its holder stops renewing it; raise lockTimeoutMs if generation takes longer.`,
            details: { key, ...(holder ? { holder: describeHolder(holder) } : {}) },
          },
        );
      }
      if (!announced) {
        const holder = await prim.holder().catch(() => undefined);
        log(`waiting for ${describeHolder(holder)}, which is generating the same datasets (shared cache)`);
        announced = true;
      }
      // Jitter so that waiting machines do not retry in lockstep.
      await sleep(pollMs * (0.75 + Math.random() * 0.5), o.signal);
    }
  }

  function held(prim: LockPrimitive, token: string, key: string): () => Promise<void> {
    let released = false;
    const timer = setInterval(
      () => {
        prim.renew(token, lockTtlMs).then(
          (ok) => {
            if (!ok && !released) log(`warning: lost the shared lock of ${key.slice(0, 12)}… (it expired)`);
          },
          () => {},
        );
      },
      Math.max(50, Math.floor(lockTtlMs / 3)),
    );
    timer.unref();
    return async () => {
      if (released) return;
      released = true;
      clearInterval(timer);
      try {
        await timed('unlock', prim.release(token));
      } catch (error) {
        log(
          `warning: could not release the shared lock (${(error as Error).message}); it expires in ${lockTtlMs} ms`,
        );
      }
    };
  }

  return {
    lockKind,
    keyv,
    async get(key) {
      if (down !== undefined) return undefined;
      try {
        const entry = await timed('get', pull(key));
        // Keyv turns store errors into events and a plain miss; do not trust such a miss.
        return down === undefined ? entry : undefined;
      } catch (error) {
        trip('lookup', error);
        return undefined;
      }
    },
    async publish(entry) {
      if (down !== undefined) return;
      try {
        await timed('publish', publish(entry));
      } catch (error) {
        trip('publish', error);
      }
    },
    lock,
    dispose() {
      keyv.off('error', onError);
    },
    async close() {
      keyv.off('error', onError);
      try {
        await keyv.disconnect();
      } catch {
        // Never connected, or already closed.
      }
    },
  };
}

interface KeyvRedisLike {
  getClient(): Promise<unknown>;
  isCluster(): boolean;
}

/** Duck-typed: `@keyv/redis` is an optional peer, so no instanceof on its class. */
function isKeyvRedis(store: unknown): store is KeyvRedisLike {
  const s = store as Partial<KeyvRedisLike> | null;
  return typeof s?.getClient === 'function' && typeof s.isCluster === 'function';
}

function describeHolder(token: string | undefined): string {
  if (!token) return 'another machine';
  const [host, pid] = token.split(':');
  return `pid ${pid} on ${host}`;
}

function positiveInt(value: number, option: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) {
    throw new MimicfixError(
      'MIMICFIX_CONFIG',
      `Option shared.${option} has an invalid value ${JSON.stringify(value)}.`,
      {
        hint: 'Use a number >= 1.',
      },
    );
  }
  return Math.floor(value);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, Math.max(1, ms));
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`shared cache ${what} timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
