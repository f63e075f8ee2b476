import type { CliIo } from './io';

/**
 * Progress of a generate run. On a TTY: one line per dataset that updates in place (ANSI cursor moves), plus a
 * status line for core's log messages. Elsewhere: nothing until the final lines (CI logs stay readable).
 */
export interface Progress {
  /** A log line from core (lock waits, warnings, "generating ..."). */
  log(line: string): void;
  /** Records done of one dataset. */
  update(name: string, done: number, total: number): void;
  /** Erases the live lines so that the final lines replace them. */
  clear(): void;
}

export function createProgress(io: CliIo, options: { quiet: boolean }): Progress {
  const tty = io.stderr.isTTY === true && !options.quiet;
  if (!tty) {
    return {
      log: (line) => {
        if (!options.quiet) io.stderr.write(`[mimicfix] ${line}\n`);
      },
      update: () => {},
      clear: () => {},
    };
  }
  const rows = new Map<string, string>();
  let status = '';
  let drawn = 0;
  const redraw = () => {
    // Move up over what we drew last time, then rewrite every line (erasing each first).
    let out = drawn > 0 ? `\x1b[${drawn}F` : '';
    const lines = [...rows.values()];
    if (status) lines.push(status);
    for (const line of lines) out += `\x1b[2K${line}\n`;
    io.stderr.write(out);
    drawn = lines.length;
  };
  return {
    log(line) {
      if (/^warning\b/i.test(line)) {
        // Warnings stay on screen: print above the live lines instead of in the status line.
        if (drawn > 0) io.stderr.write(`\x1b[${drawn}F\x1b[0J`);
        drawn = 0;
        io.stderr.write(`[mimicfix] ${line}\n`);
      } else {
        status = `[mimicfix] ${line}`;
      }
      redraw();
    },
    update(name, done, total) {
      const pct = total > 0 ? ` ${Math.floor((done / total) * 100)}%` : '';
      rows.set(name, `${name}: ${done}/${total} records${pct}`);
      redraw();
    },
    clear() {
      if (drawn > 0) io.stderr.write(`\x1b[${drawn}F\x1b[0J`);
      drawn = 0;
      rows.clear();
      status = '';
    },
  };
}
