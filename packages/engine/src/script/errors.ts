import { editDistance } from '../errors/suggest';

/**
 * Internal error thrown while evaluating a script. The compiler turns it into a MimicfixError
 * (MIMICFIX_SCRIPT_ERROR) with the expression text and the position of the failing node.
 */
export class PyError extends Error {
  /** Python-style error class name (TypeError, NameError, ...), shown in the message. */
  readonly pyType: string;
  readonly hint: string | undefined;
  constructor(pyType: string, message: string, hint?: string) {
    super(message);
    this.name = 'PyError';
    this.pyType = pyType;
    this.hint = hint;
  }
}

export function typeError(message: string, hint?: string): PyError {
  return new PyError('TypeError', message, hint);
}

export function valueError(message: string, hint?: string): PyError {
  return new PyError('ValueError', message, hint);
}

/** Cap on the length of strings, lists and ranges a script may build (resource bound). */
export const MAX_SEQUENCE_LENGTH = 10_000_000;

export function checkLength(n: number, what: string): void {
  if (n > MAX_SEQUENCE_LENGTH) {
    throw new PyError(
      'LimitError',
      `${what} would have ${n} elements; the limit is ${MAX_SEQUENCE_LENGTH}`,
      'scripts may not build strings, lists or ranges longer than 10 million elements',
    );
  }
}

/** Up to `max` candidates close to `name` (case-insensitive edit distance, or prefix match). */
export function similarNames(name: string, candidates: Iterable<string>, max = 5): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored: [number, string][] = [];
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = editDistance(lower, cl);
    if (d <= limit || (lower.length >= 3 && (cl.startsWith(lower) || lower.startsWith(cl))))
      scored.push([d, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  const out: string[] = [];
  for (const [, c] of scored) if (!out.includes(c)) out.push(c);
  return out.slice(0, max);
}
