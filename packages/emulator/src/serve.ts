/**
 * `mimicfix serve`-style runner: runs an emulator until the process is stopped (the CLI itself calls
 * `startEmulator` directly and prints the URL; this is for programmatic use).
 */
import { type Emulator, type EmulatorOptions, startEmulator } from './start-emulator';

export interface ServeOptions extends Pick<EmulatorOptions, 'port' | 'host' | 'tokens' | 'seed'> {
  /** Where the URL line goes. @default stdout */
  print?: (line: string) => void;
  /** Stop the server when this aborts (default: SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

/**
 * Starts an emulator and prints `DATAMIMIC emulator listening on <url>` (plus the env vars to set). The token
 * is never printed: pass `tokens`, or leave it unset to accept any Bearer token. Resolves with the running
 * emulator; it is closed when `signal` aborts or on SIGINT/SIGTERM.
 */
export async function runServeCommand(options: ServeOptions = {}): Promise<Emulator> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const emulator = await startEmulator({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    ...(options.tokens !== undefined ? { tokens: options.tokens } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  print(`DATAMIMIC emulator listening on ${emulator.url}`);
  print(
    `  DATAMIMIC_URL=${emulator.url} DATAMIMIC_PROJECT_ID=<any id> DATAMIMIC_TOKEN=<${options.tokens === undefined ? 'any non-empty value' : 'your token'}>`,
  );
  const stop = () => {
    void emulator.close();
  };
  if (options.signal) {
    options.signal.addEventListener('abort', stop, { once: true });
  } else {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return emulator;
}
