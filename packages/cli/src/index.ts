export { ExitCode, exitCodeFor } from './cli/exit-codes';
export type { CliIo } from './cli/io';
export type { MainOptions } from './main';
export { main, VERSION } from './main';
