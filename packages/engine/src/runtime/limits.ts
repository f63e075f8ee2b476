import { MimicfixError } from '../errors/mimicfix-error';
import type { XmlElement } from '../xml/xml-node';

export const DEFAULT_MAX_COUNT = 10_000_000;
export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_MAX_TOTAL_RECORDS = 50_000_000;

/** How to raise a limit: the engine option and the mimicfix option share the same shape. */
export const LIMITS_HINT =
  'raise the `limits` option (engine option `limits`, mimicfix option `limits`: { maxCount, maxDepth, maxTotalRecords })';

export function depthError(el: XmlElement, maxDepth: number): MimicfixError {
  return new MimicfixError('MIMICFIX_LIMIT', `nesting deeper than maxDepth=${maxDepth} at <${el.name}>`, {
    location: el.location,
    hint: `flatten the descriptor, or ${LIMITS_HINT}`,
  });
}
