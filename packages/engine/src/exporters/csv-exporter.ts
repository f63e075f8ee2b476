import path from 'node:path';
import type { ArtifactInfo } from '../api';
import { artifactPath } from '../files/resolve-path';
import { BufferedFile } from './buffered-file';
import type { RecordSink } from './exporter';
import { pyCell } from './py-cell';

export interface CsvSinkOptions {
  delimiter: string;
  quotechar: string;
  /** Python's csv module default, which DATAMIMIC's CSV exporter keeps. */
  lineTerminator: string;
}

/**
 * DATAMIMIC's CSV layout (Python csv.DictWriter, QUOTE_MINIMAL): a header from the first record's keys, later
 * records in that column order (missing keys empty, extra keys dropped), rows ending in `\r\n`.
 */
export class CsvSink implements RecordSink {
  private readonly file: BufferedFile;
  private header: string[] | undefined;
  private records = 0;

  constructor(
    outDir: string,
    private readonly name: string,
    private readonly opts: CsvSinkOptions,
  ) {
    this.file = new BufferedFile(artifactPath(outDir, `${name}.csv`));
  }

  private quote(s: string, onlyField: boolean): string {
    const { delimiter, quotechar } = this.opts;
    if (s === '') return onlyField ? `${quotechar}${quotechar}` : '';
    if (s.includes(delimiter) || s.includes(quotechar) || s.includes('\n') || s.includes('\r')) {
      return quotechar + s.split(quotechar).join(quotechar + quotechar) + quotechar;
    }
    return s;
  }

  private row(cells: string[]): void {
    let line = '';
    const only = cells.length === 1;
    for (let i = 0; i < cells.length; i++) {
      if (i) line += this.opts.delimiter;
      line += this.quote(cells[i] as string, only);
    }
    this.file.write(line + this.opts.lineTerminator);
  }

  add(record: Record<string, unknown>): void {
    if (!this.header) {
      this.header = Object.keys(record);
      this.row(this.header);
    }
    const cells = new Array<string>(this.header.length);
    for (let i = 0; i < this.header.length; i++) cells[i] = pyCell(record[this.header[i] as string]);
    this.row(cells);
    this.records++;
  }

  close(): ArtifactInfo[] {
    this.file.close();
    return [{ name: this.name, file: `${this.name}.csv`, format: 'csv', records: this.records }];
  }
}
