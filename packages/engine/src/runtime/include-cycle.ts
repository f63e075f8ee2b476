import path from 'node:path';
import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';

/**
 * `chain` holds the descriptor files currently being included, root first. Including one of them again would
 * recurse forever, so it is refused with the whole cycle spelled out (paths relative to the root folder).
 */
export function checkIncludeCycle(
  chain: readonly string[],
  abs: string,
  rootDir: string,
  location: SourceLocation,
): void {
  const at = chain.indexOf(abs);
  if (at < 0) return;
  const cycle = [...chain.slice(at), abs].map((f) => path.relative(rootDir, f).split(path.sep).join('/'));
  throw new MimicfixError('MIMICFIX_DESCRIPTOR_INVALID', `include cycle ${cycle.join(' → ')}`, {
    location,
    hint: 'remove one of the <include>s so that no descriptor includes itself, directly or indirectly',
  });
}
