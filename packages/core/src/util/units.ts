import { MimicfixError } from '@mimicfix/engine';

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
};

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Parses a size: a number of bytes or a string like `'500MB'`, `'1.5 GB'`, `'2048'`. Units are binary (1 MB =
 * 1024² bytes). `option` names the setting in the error.
 */
export function parseSize(value: number | string, option = 'maxSize'): number {
  return parseUnit(value, SIZE_UNITS, option, 'a size like 500MB, 2GB or a number of bytes');
}

/** Parses a duration: milliseconds or a string like `'7d'`, `'12h'`, `'30m'`, `'45s'`, `'2w'`. */
export function parseDuration(value: number | string, option = 'olderThan'): number {
  return parseUnit(value, DURATION_UNITS, option, 'a duration like 7d, 12h, 30m or a number of milliseconds');
}

function parseUnit(
  value: number | string,
  units: Record<string, number>,
  option: string,
  expected: string,
): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
  } else {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
    if (m) {
      const unit = (m[2] ?? '').toLowerCase() || (units === SIZE_UNITS ? 'b' : 'ms');
      const factor = units[unit];
      if (factor !== undefined) return Math.round(Number(m[1]) * factor);
    }
  }
  throw new MimicfixError(
    'MIMICFIX_CONFIG',
    `Option "${option}" has an invalid value ${JSON.stringify(value)}.`,
    {
      hint: `Use ${expected}.`,
    },
  );
}

/** `1536` → `1.5 KB`: for status lines. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
