import path from 'node:path';
import type { ArtifactInfo } from '../api';
import { artifactPath } from '../files/resolve-path';
import { pyStr } from '../script';
import { BufferedFile } from './buffered-file';
import type { RecordSink } from './exporter';

/** DATAMIMIC's TXTExporter layout: `<name>: <Python str(record)>` per line, `\n` line ends. */
export class TxtSink implements RecordSink {
  private readonly file: BufferedFile;
  private records = 0;

  constructor(
    outDir: string,
    private readonly name: string,
  ) {
    this.file = new BufferedFile(artifactPath(outDir, `${name}.txt`));
  }

  add(record: Record<string, unknown>): void {
    this.file.write(`${this.name}: ${pyStr(record)}\n`);
    this.records++;
  }

  close(): ArtifactInfo[] {
    this.file.close();
    return [{ name: this.name, file: `${this.name}.txt`, format: 'txt', records: this.records }];
  }
}
