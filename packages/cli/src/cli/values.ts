import type { Mode } from '@mimicfix/core';
import { usageError } from './usage-error';

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
