export type { MimicfixOptions, ResolvedManifest } from '@mimicfix/core';
export type { DatamimicFixtures } from './fixture';
export { test } from './fixture';
export { GLOBAL_SETUP_FILE, mimicfix } from './plugin';
export type { DatasetAccessor } from './use-datamimic';
export { useDatamimic } from './use-datamimic';
