import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Streams a file through sha256 (artifacts can be large) and counts its bytes. */
export async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** CRLF → LF (a lone CR stays), so that a checkout with autocrlf hashes like one without. */
export function normaliseNewlines(bytes: Buffer): Buffer {
  if (!bytes.includes(13)) return bytes;
  const out = Buffer.allocUnsafe(bytes.length);
  let j = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    // Drop the CR of a CRLF pair; the LF is copied on the next iteration.
    if (b === 13 && bytes[i + 1] === 10) continue;
    out[j++] = b;
  }
  return out.subarray(0, j);
}
