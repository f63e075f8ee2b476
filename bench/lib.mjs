// Small helpers shared by the benchmarks: timing, medians and formatting. No dependencies.
import { performance } from 'node:perf_hooks';

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` once and returns [milliseconds, result]. */
export async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/** Lets the previous repetition's garbage go before the next one, when Node runs with --expose-gc. */
export function settle() {
  globalThis.gc?.();
}

export const ms = (value) => `${value.toFixed(1)} ms`;
export const perSecond = (records, millis) => Math.round(records / (millis / 1000));
export const thousands = (value) => value.toLocaleString('en-US');
