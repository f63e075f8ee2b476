/**
 * Tasks of the emulator: each generate request runs the generator asynchronously through the DATAMIMIC
 * statuses QUEUED → RUNNING → SUCCESS | WORKER_FAILURE | CANCELLED, with a log the logs route serves.
 */
import { randomUUID } from 'node:crypto';

export type TaskStatus = 'QUEUED' | 'RUNNING' | 'SUCCESS' | 'WORKER_FAILURE' | 'CANCELLED';

/** Generates the project's descriptor into `outDir`. The default runs the mimicfix engine. */
export type EmulatorGenerator = (
  descriptorPath: string,
  outDir: string,
  context: { signal: AbortSignal; log: (line: string) => void },
) => Promise<void>;

export interface Task {
  id: string;
  project: string;
  name: string;
  status: TaskStatus;
  dateQueued: string;
  /** Search does not show the task before this time ("not visible yet"). */
  visibleAt: number;
  /** Folder of the artifacts. */
  outDir: string;
  /** Artifacts served from memory (seeded tasks) or synthesised on the fly (size only). */
  synthetic: Map<string, number>;
  log: string[];
  abort: AbortController;
  /** Resolves when the task reached a final status. */
  done: Promise<void>;
  finish: () => void;
}

export const FINAL_STATUSES: ReadonlySet<TaskStatus> = new Set(['SUCCESS', 'WORKER_FAILURE', 'CANCELLED']);

export function createTask(project: string, outDir: string, visibilityDelayMs: number): Task {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const now = Date.now();
  return {
    id: randomUUID(),
    project,
    name: 'standard',
    status: 'QUEUED',
    dateQueued: new Date(now).toISOString(),
    visibleAt: now + visibilityDelayMs,
    outDir,
    synthetic: new Map(),
    log: [],
    abort: new AbortController(),
    done,
    finish,
  };
}
