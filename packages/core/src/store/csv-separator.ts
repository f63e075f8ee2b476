import { closeSync, openSync, readSync } from 'node:fs';

const CANDIDATES = ['|', ',', ';', '\t'] as const;

/**
 * Guesses a CSV file's separator from its header row: the candidate (`|`, `,`, `;`, tab) seen most often outside
 * quotes; `|` (DATAMIMIC's default) on a tie or when none occurs.
 */
export function detectCsvSeparator(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return detectSeparatorInText(buf.subarray(0, n).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

export function detectSeparatorInText(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (CANDIDATES as readonly string[]).includes(ch))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = '|';
  let bestCount = counts.get('|') ?? 0;
  for (const c of CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}
