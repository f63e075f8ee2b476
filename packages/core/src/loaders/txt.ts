/** A TXT artifact: one record per line, as the line's text (a trailing newline does not add a record). */
export function parseTxt(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
