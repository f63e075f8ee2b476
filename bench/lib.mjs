// Small helpers shared by the benchmarks: timing, medians and formatting. No dependencies.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

// A full GC between repetitions, so that one side does not pay for the garbage the other side left behind
// (a parsed 50 MB file is hundreds of MB of objects). Same effect as `node --expose-gc`, without the flag.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc');

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

/** Collects the previous repetition's garbage before the next one is timed. */
export function settle() {
  collect();
}

export const ms = (value) => `${value.toFixed(1)} ms`;
export const perSecond = (records, millis) => Math.round(records / (millis / 1000));
export const thousands = (value) => value.toLocaleString('en-US');
