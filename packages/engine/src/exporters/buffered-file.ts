import fs from 'node:fs';

/**
 * Appends text to a file through a 256 KiB string buffer: one write syscall per buffer, not per record, so
 * a million-record generate streams to disk with flat memory.
 */
export class BufferedFile {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'w');
  }

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 262_144) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    fs.writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.parts = [];
    this.size = 0;
  }

  /** Drops what is buffered (nothing was flushed yet when the XML single-item quirk rewrites the file). */
  discard(): void {
    if (this.bytes > 0) throw new Error('BufferedFile.discard after a flush');
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
