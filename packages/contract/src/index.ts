export { defineAdapterContract } from './define-adapter-contract';
export { childEnv, linkModules, probeBody, runNode } from './driver-kit';
export {
  countGenerated,
  makeProjectDir,
  personDescriptor,
  readProbes,
  startFailingServer,
  storeManifests,
} from './fixtures';
export type {
  AdapterDriver,
  ContractExpect,
  ContractRunner,
  ProbeRecord,
  ProbeSpec,
  RunOptions,
  RunResult,
} from './types';
