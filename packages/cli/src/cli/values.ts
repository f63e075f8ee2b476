import type { Mode } from '@mimicfix/core';
import { usageError } from './usage-error';

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** `500MB`, `1.5g`, `2048` → bytes (binary units: 1 MB = 1024 KB). */
export function parseSize(text: string, flag: string, command: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const factor = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || factor === undefined) {
    throw usageError(
      `${flag} '${text}' is not a size`,
      command,
      'write a size like 500MB, 2GB, 1024KB or 1048576',
    );
  }
  return Math.floor(Number(m[1]) * factor);
}

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** `7d`, `12h`, `30m`, `90s`, `1w` → milliseconds. */
export function parseDuration(text: string, flag: string, command: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  const factor = m ? DURATION_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || factor === undefined) {
    throw usageError(
      `${flag} '${text}' is not a duration`,
      command,
      'write a duration like 7d, 12h, 30m or 90s',
    );
  }
  return Math.floor(Number(m[1]) * factor);
}

/** A non-negative integer flag. */
export function parseCount(text: string, flag: string, command: string): number {
  if (!/^\d+$/.test(text.trim())) throw usageError(`${flag} '${text}' is not a whole number`, command);
  return Number(text);
}

/** Repeated `--count name=N` → `{name: N}`. */
export function parseCounts(items: string[], command: string): Record<string, number> | undefined {
  if (items.length === 0) return undefined;
  const counts: Record<string, number> = {};
  for (const item of items) {
    const m = /^([^=\s]+)=(\d+)$/.exec(item.trim());
    if (!m) {
      throw usageError(
        `--count '${item}' is not name=N`,
        command,
        'write --count person=100 (repeat per dataset)',
      );
    }
    counts[m[1]!] = Number(m[2]);
  }
  return counts;
}

const MODES: readonly Mode[] = ['auto', 'frozen', 'refresh', 'offline'];

export function parseMode(text: string, command: string): Mode {
  if (!(MODES as readonly string[]).includes(text)) {
    throw usageError(`--mode '${text}' is not one of ${MODES.join(', ')}`, command);
  }
  return text as Mode;
}

export function parsePort(text: string, command: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw usageError(`--port '${text}' is not a port number (0-65535; 0 picks a free one)`, command);
  }
  return port;
}

/** `1536` → `1.5 KB`, for output only. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
