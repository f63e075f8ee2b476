export type { MimicfixErrorCode, MimicfixErrorOptions, SourceLocation } from './mimicfix-error';
export { formatLocation, isMimicfixError, MimicfixError } from './mimicfix-error';
export type { ClosestMatchOptions } from './suggest';
export { closestMatch, editDistance } from './suggest';
