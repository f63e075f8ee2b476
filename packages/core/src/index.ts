export type { MimicfixErrorCode, MimicfixErrorOptions, SourceLocation } from '@mimicfix/engine';
export { isMimicfixError, MimicfixError } from '@mimicfix/engine';
export { createLocalBackend, LOCAL_IDENTITY } from './backends/local';
export { createRemoteBackend, remoteIdentity } from './backends/remote';
export { countRecords } from './backends/remote-records';
export { selectBackend } from './backends/select-backend';
export type {
  DatamimicClientOptions,
  GenerateAnswer,
  RemoteArtifact,
  TaskInfo,
  UploadFile,
} from './client/datamimic-client';
export { DatamimicClient, toUploadFiles } from './client/datamimic-client';
export type { HttpMethod, RouteName, RouteSpec, TaskOutcome } from './client/routes';
export { buildPath, classifyTaskStatus, ROUTES, TASK_STATUS } from './client/routes';
export type { LoadedConfigFile } from './config/load-config-file';
export { CONFIG_FILE_NAMES, loadConfigFile } from './config/load-config-file';
export { loadOptions } from './config/load-options';
export type { ResolvedOptions, ResolvedRemoteOptions } from './config/resolve-options';
export { isResolvedOptions, maskRemote, resolveOptions } from './config/resolve-options';
export {
  createDatasetAccessor,
  MANIFEST_ENV,
  readRunManifest,
  setupDatasets,
  teardownDatasets,
  writeRunManifest,
} from './integration';
export type { KeyInput } from './key/compute-key';
export {
  canonicalIdentity,
  computeKey,
  explainKey,
  normaliseKeyOptions,
  STORE_FORMAT_VERSION,
} from './key/compute-key';
export { parseCsv } from './loaders/csv';
export { parseJsonArray } from './loaders/json';
export { loadDataset, loadDatasetSync, parseArtifact } from './loaders/load-dataset';
export { iterateNdjson, parseNdjson } from './loaders/ndjson';
export { parseTxt } from './loaders/txt';
export { parseXmlItems } from './loaders/xml';
export type { HeldLock, KeyLockOptions, LockHolder } from './lock/key-lock';
export { acquireKeyLock, isKeyLocked, readLockHolder } from './lock/key-lock';
export { loadProject } from './project/load-project';
export type { PruneResult } from './prune/prune';
export { prune } from './prune/prune';
export { describeChanges } from './resolve/describe-changes';
export type { CacheStatus, HashReport, PreparedRun } from './resolve/prepare';
export { cacheStatus, hashProject, prepareRun } from './resolve/prepare';
export type { ResolveDeps } from './resolve/resolve';
export { resolve } from './resolve/resolve';
export type { SharedEntry, SharedTier } from './resolve/shared-tier';
// SHARED TIER (src/shared/)
export type { KeyvSharedTier, KeyvSharedTierOptions } from './shared/keyv-shared-tier';
export { createKeyvSharedTier } from './shared/keyv-shared-tier';
export type { OpenedSharedTier, SharedOption, SharedUrlOption } from './shared/shared-options';
export { openSharedTier, resolveSharedOption } from './shared/shared-options';
export type { EntryDraft, StoredEntry, StoreLookup, VerifyResult } from './store/disk-store';
export { DiskStore } from './store/disk-store';
export type { InUseMarker } from './store/in-use';
export { liveInUseKeys, markInUse } from './store/in-use';
export { verifyStore } from './store/verify-store';
export type {
  ArtifactEntry,
  ClosureFile,
  DatasetEntry,
  GeneratorBackend,
  GeneratorIdentity,
  KeyOptions,
  LoadedProject,
  Manifest,
  MimicfixOptions,
  Mode,
  PruneOptions,
  RemoteOptions,
  ResolvedManifest,
  ResolveStatus,
} from './types';
export { ensureDir } from './util/ensure-dir';
export { formatBytes, parseDuration, parseSize } from './util/units';
