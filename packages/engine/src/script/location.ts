import type { SourceLocation } from '../errors/mimicfix-error';

export type FormatLocation = SourceLocation;

/**
 * The location of character `offset` of an expression that starts at `base` (the attribute value's location):
 * same line → column shifted; after a newline inside the expression → that line, column from 1. An attribute
 * value has its newlines normalised to spaces by XML; the parser then records their offsets on the base as a
 * non-enumerable `lineBreaks` list, which counts as newlines here.
 */
export function locate(base: SourceLocation, source: string, offset: number): SourceLocation {
  const breaks = (base as { lineBreaks?: readonly number[] }).lineBreaks;
  const breakSet = breaks && breaks.length > 0 ? new Set(breaks) : undefined;
  let line = base.line;
  let column = base.column;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    if (source[i] === '\n' || breakSet?.has(i)) {
      line++;
      column = 1;
    } else column++;
  }
  const out: SourceLocation = { file: base.file, line, column };
  if (breaks && breaks.length > 0) {
    const rest = breaks.filter((b) => b >= end).map((b) => b - end);
    if (rest.length > 0) Object.defineProperty(out, 'lineBreaks', { value: rest, enumerable: false });
  }
  return out;
}
