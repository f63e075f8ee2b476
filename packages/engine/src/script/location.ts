import type { SourceLocation } from '../errors/mimicfix-error';

export type FormatLocation = SourceLocation;

/**
 * The location of character `offset` of an expression that starts at `base` (the attribute value's location):
 * same line → column shifted; after a newline inside the expression → that line, column from 1.
 */
export function locate(base: SourceLocation, source: string, offset: number): SourceLocation {
  let line = base.line;
  let column = base.column;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    if (source[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { file: base.file, line, column };
}
