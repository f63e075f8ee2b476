import { valueError } from './errors';
import { pyStr, toFixedPy } from './py-ops';

/** Python round(): half-even on exact ties of the binary value (round(2.5) == 2, round(2.675, 2) == 2.67). */
export function pyRound(x: number, nd?: number): number {
  if (!Number.isFinite(x)) {
    if (nd === undefined) throw valueError(`cannot convert float ${pyStr(x)} to integer`);
    return x;
  }
  if (nd === undefined || nd === 0) {
    const f = Math.floor(x);
    const diff = x - f;
    const r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
    return r === 0 ? 0 : r;
  }
  if (nd > 0) return Number(toFixedPy(x, Math.min(nd, 100)));
  const p = 10 ** -nd;
  return pyRound(x / p) * p;
}
