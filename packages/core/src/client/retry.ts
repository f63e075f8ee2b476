/**
 * Retry timing: exponential backoff with jitter, and `Retry-After` parsing. Kept apart from the transport so
 * that the policy is readable in one place.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { MimicfixError } from '@mimicfix/engine';

/** Backoff before retry number `attempt` (1-based): base·2^(attempt-1), scaled by a random factor in [0.5, 1]. */
export function backoffMs(attempt: number, baseMs: number, capMs = 30_000): number {
  const raw = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  // Jitter spreads the retries of many CI jobs that failed at the same moment.
  return Math.round(raw * (0.5 + Math.random() * 0.5));
}

/**
 * Parses a `Retry-After` header (delta seconds or an HTTP date) into milliseconds from `now`.
 * Returns `undefined` when absent or unparsable.
 */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Sleeps `ms`, or throws MIMICFIX_ABORTED as soon as `signal` aborts. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw abortedError(signal);
  try {
    await delay(ms, undefined, signal ? { signal } : undefined);
  } catch (error) {
    if (signal?.aborted) throw abortedError(signal);
    throw error;
  }
}

export function abortedError(signal: AbortSignal | undefined, what = 'remote generation'): MimicfixError {
  return new MimicfixError('MIMICFIX_ABORTED', `${what} was aborted`, {
    cause: signal?.reason,
  });
}
