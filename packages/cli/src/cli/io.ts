/** Where a command writes. Injectable so that `main()` can run inside tests without a child process. */
export interface CliIo {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
}

let pipeGuard = false;

/** The process streams. A closed pipe (`mimicfix hash --explain | head -1`) ends the process quietly. */
export function processIo(): CliIo {
  if (!pipeGuard) {
    pipeGuard = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr };
}
