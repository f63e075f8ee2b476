export type { MimicfixJestOptions } from './options';
export { useDatamimic } from './use-datamimic';
