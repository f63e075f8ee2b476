export type { FaultSpec } from './faults';
export { FaultInjector } from './faults';
export type { EmulatorRouteName } from './routes';
export type { ServeOptions } from './serve';
export { runServeCommand } from './serve';
export type { Emulator, EmulatorOptions, EmulatorTaskView } from './start-emulator';
export { startEmulator } from './start-emulator';
export type { EmulatorGenerator, TaskStatus } from './tasks';
export { buildZip } from './zip';
