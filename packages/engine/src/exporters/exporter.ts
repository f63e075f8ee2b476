import type { ArtifactInfo } from '../api';

/** Receives the records of one generate for one target and writes them; `close()` reports the files written. */
export interface RecordSink {
  add(record: Record<string, unknown>): void;
  close(): ArtifactInfo[];
}
