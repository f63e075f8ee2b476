export type {
  ArtifactFormat,
  ArtifactInfo,
  DescriptorScan,
  EngineLimits,
  GenerateOptions,
  GenerateResult,
} from './api';
export type { MimicfixErrorCode, MimicfixErrorOptions, SourceLocation } from './errors/mimicfix-error';
export { formatLocation, isMimicfixError, MimicfixError } from './errors/mimicfix-error';
export { generate, scanDescriptor } from './run';
export { ENGINE_NAME, ENGINE_VERSION } from './version';
