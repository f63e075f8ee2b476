import path from 'node:path';
import type { ArtifactInfo } from '../api';
import { artifactPath } from '../files/resolve-path';
import { BufferedFile } from './buffered-file';
import type { RecordSink } from './exporter';
import { pyJson, pyJsonIndented } from './py-format';

export interface JsonSinkOptions {
  ndjson: boolean;
  /** Records per file (`<name>_<i>.json`, i from 0); undefined = one file. */
  chunkSize?: number;
}

/**
 * DATAMIMIC's JsonExporter layout: `[\n` + records joined by `,\n` + `\n]` (each record one line, json.dumps
 * default separators, ensure_ascii); NDJSON = one record per line ending in `\n`; chunk_size=1 = one record per
 * file, indented by 4, ending in `\n`.
 */
export class JsonSink implements RecordSink {
  private file: BufferedFile | undefined;
  private inFile = 0;
  private chunk = 0;
  private readonly done: ArtifactInfo[] = [];

  constructor(
    private readonly outDir: string,
    private readonly name: string,
    private readonly opts: JsonSinkOptions,
  ) {}

  private fileName(): string {
    const ext = this.opts.ndjson ? 'ndjson' : 'json';
    return this.opts.chunkSize ? `${this.name}_${this.chunk}.${ext}` : `${this.name}.${ext}`;
  }

  private open(): BufferedFile {
    const f = new BufferedFile(artifactPath(this.outDir, this.fileName()));
    this.inFile = 0;
    if (!this.opts.ndjson && this.opts.chunkSize !== 1) f.write('[\n');
    return f;
  }

  private finish(): void {
    const f = this.file;
    if (!f) return;
    if (!this.opts.ndjson && this.opts.chunkSize !== 1) f.write(this.inFile === 0 ? ']' : '\n]');
    f.close();
    this.done.push({
      name: this.name,
      file: path.basename(f.path),
      format: this.opts.ndjson ? 'ndjson' : 'json',
      records: this.inFile,
    });
    this.file = undefined;
    this.chunk++;
  }

  add(record: Record<string, unknown>): void {
    if (this.file && this.opts.chunkSize && this.inFile >= this.opts.chunkSize) this.finish();
    if (!this.file) this.file = this.open();
    const f = this.file;
    if (this.opts.ndjson) f.write(`${pyJson(record)}\n`);
    else if (this.opts.chunkSize === 1) f.write(`${pyJsonIndented(record)}\n`);
    else f.write(this.inFile === 0 ? pyJson(record) : `,\n${pyJson(record)}`);
    this.inFile++;
  }

  close(): ArtifactInfo[] {
    if (!this.file && this.done.length === 0) this.file = this.open(); // no records: still an (empty) artifact
    this.finish();
    return this.done;
  }
}
