import type { Keyv } from 'keyv';

/**
 * One attempt-based lock primitive over the shared store. Two implementations: `redisLock` (atomic
 * `SET key token NX PX ttl` on the Redis client behind `@keyv/redis`) and `keyvLock` (any Keyv store:
 * best effort, see docs/shared-cache.md).
 */
export interface LockPrimitive {
  readonly kind: 'redis-set-nx' | 'keyv-best-effort';
  /** One attempt: true when `token` now holds the lock for `ttlMs`. */
  tryAcquire(token: string, ttlMs: number): Promise<boolean>;
  /** Extends the expiry if `token` still holds the lock; false when it was lost. */
  renew(token: string, ttlMs: number): Promise<boolean>;
  /** Removes the lock if `token` still holds it. */
  release(token: string): Promise<void>;
  /** The current holder's token (for messages), if any. */
  holder(): Promise<string | undefined>;
}

/** The subset of a node-redis client (v4/v5, single node or cluster) that the atomic lock needs. */
export interface RedisLikeClient {
  set(key: string, value: string, options: Record<string, unknown>): Promise<unknown>;
  get(key: string): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

// Compare-and-act scripts: only the holder of the token may extend or delete the lock.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Atomic lock on a Redis client: SET NX PX to take it, Lua compare-and-pexpire/del to renew/release. */
export function redisLock(client: RedisLikeClient, lockKey: string): LockPrimitive {
  return {
    kind: 'redis-set-nx',
    async tryAcquire(token, ttlMs) {
      const reply = await client.set(lockKey, token, {
        condition: 'NX',
        expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) },
      });
      return reply === 'OK';
    },
    async renew(token, ttlMs) {
      const n = await client.eval(RENEW, {
        keys: [lockKey],
        arguments: [token, String(Math.max(1, Math.round(ttlMs)))],
      });
      return Number(n) === 1;
    },
    async release(token) {
      await client.eval(RELEASE, { keys: [lockKey], arguments: [token] });
    },
    async holder() {
      const v = await client.get(lockKey);
      return typeof v === 'string' ? v : undefined;
    },
  };
}

interface KeyvLockValue {
  token: string;
  expiresAt: number;
}

/**
 * Best-effort lock on any Keyv store, which has no set-if-absent: read; if free, write our token with an expiry;
 * wait `settleMs`; read back. Only the last writer reads its own token back, so two contenders exclude each
 * other as long as each one's write lands within `settleMs` of its read (store latency well below `settleMs`).
 */
export function keyvLock(keyv: Keyv, lockKey: string, settleMs: number): LockPrimitive {
  const read = async (): Promise<KeyvLockValue | undefined> => {
    const v = (await keyv.get(lockKey)) as KeyvLockValue | undefined;
    if (!v || typeof v.token !== 'string' || typeof v.expiresAt !== 'number') return undefined;
    // Stores without native TTL keep the value; the expiry inside it still counts.
    return v.expiresAt > Date.now() ? v : undefined;
  };
  const write = (token: string, ttlMs: number) =>
    keyv.set(lockKey, { token, expiresAt: Date.now() + ttlMs } satisfies KeyvLockValue, ttlMs);
  return {
    kind: 'keyv-best-effort',
    async tryAcquire(token, ttlMs) {
      if (await read()) return false;
      await write(token, ttlMs);
      await new Promise((r) => setTimeout(r, settleMs));
      return (await read())?.token === token;
    },
    async renew(token, ttlMs) {
      if ((await read())?.token !== token) return false;
      await write(token, ttlMs);
      return true;
    },
    async release(token) {
      if ((await read())?.token === token) await keyv.delete(lockKey);
    },
    async holder() {
      return (await read())?.token;
    },
  };
}
