import { closestMatch } from '../errors/suggest';

/** ` Did you mean "X"?` or the empty string (generator, argument, entity and converter names). */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const c = closestMatch(name, candidates);
  return c ? ` Did you mean "${c}"?` : '';
}
