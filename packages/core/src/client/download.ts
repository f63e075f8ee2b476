/**
 * Streams a response body into a file: written to a temp file beside the destination, the byte count checked
 * against the announced size, then renamed into place. On any failure the temp file is removed, so a
 * truncated artifact never reaches the store.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MimicfixError } from '@mimicfix/engine';
import type { Response } from './transport';

/**
 * Writes `res.body` to `dest`. `expectedSize` (from artifact metadata) wins over `Content-Length`; with
 * neither, any length is accepted. Returns the number of bytes written.
 */
export async function writeBodyToFile(
  res: Response,
  dest: string,
  expectedSize: number | null,
  where: string,
): Promise<number> {
  const announced = expectedSize ?? contentLength(res.headers['content-length']);
  const temp = path.join(
    path.dirname(dest),
    `.${path.basename(dest)}.${randomBytes(4).toString('hex')}.part`,
  );
  let received = 0;
  const out = createWriteStream(temp);
  try {
    // A second 'data' listener beside the pipe counts bytes without an extra stream stage per chunk.
    res.body.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    await pipeline(res.body, out);
    if (announced !== null && received !== announced) {
      throw new MimicfixError(
        'MIMICFIX_DOWNLOAD_TRUNCATED',
        `${where}: received ${received} bytes, the server announced ${announced}`,
        {
          hint: 'The download was cut short (proxy or connection problem); nothing was cached. Run again.',
          details: { received, announced },
        },
      );
    }
    await rename(temp, dest);
    return received;
  } catch (error) {
    // The write stream may still be opening its file when the body fails: wait until it is closed, or the
    // file would appear after the rm below.
    if (!out.closed) {
      out.destroy();
      await once(out, 'close').catch(() => {});
    }
    await rm(temp, { force: true });
    throw error;
  }
}

function contentLength(value: string | string[] | undefined): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw);
}
