/** The default `log`: one line to stderr, prefixed `[mimicfix]`. */
export function defaultLog(line: string): void {
  process.stderr.write(`[mimicfix] ${line}\n`);
}
