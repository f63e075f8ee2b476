/**
 * The one "did you mean" mechanism of mimicfix: the engine (elements, attributes, generators, script names),
 * core (option names) and the CLI (commands, flags) all suggest through it. It lives in the faker-free
 * `@mimicfix/engine/errors` entry so that the CLI and test workers can use it without loading the engine.
 */

/** Edit distance with insertions, deletions, substitutions and adjacent swaps (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[n] as number;
}

export interface ClosestMatchOptions {
  /** Smallest distance still accepted; the limit grows to a third of the word's length. @default 2 */
  minDistance?: number;
}

/**
 * The candidate closest to `word` (case-insensitive; a candidate that starts with a word of 3+ characters
 * counts as distance 1), if it is plausibly a typo of it; else undefined.
 */
export function closestMatch(
  word: string,
  candidates: Iterable<string>,
  options: ClosestMatchOptions = {},
): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(options.minDistance ?? 2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const d = w.length >= 3 && c.startsWith(w) ? 1 : editDistance(w, c);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
