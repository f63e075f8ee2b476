import { boolFlag, type ParsedArgs, stringFlag } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { parsePort } from '../cli/values';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the local DATAMIMIC emulator and print its URL (runs until Ctrl-C)',
  args: '',
  maxPositionals: 0,
  options: {
    port: { type: 'string', value: 'N', description: 'port on 127.0.0.1 (default 0: a free port)' },
    seed: {
      type: 'string',
      value: 'SEED',
      description: 'seed the emulator generates with (default mimicfix)',
    },
    json: { type: 'boolean', description: 'print {"url": ...} as JSON' },
  },
  details: [
    'Serves the DATAMIMIC REST routes (v1 and v2 subsets) on 127.0.0.1 and generates with the local engine.',
    'With DATAMIMIC_TOKEN set, only that token is accepted; otherwise any non-empty Bearer token.',
    'Point DATAMIMIC_URL at the printed URL to exercise the remote path without credentials.',
  ],
  examples: ['mimicfix serve --port 8089'],
  async run(ctx: CommandContext, args: ParsedArgs) {
    const portText = stringFlag(args.values, 'port');
    const port = portText === undefined ? 0 : parsePort(portText, 'serve');
    const seed = stringFlag(args.values, 'seed');
    const token = ctx.env.DATAMIMIC_TOKEN;
    // Lazy: only this command loads the emulator (an HTTP server plus the engine).
    const { startEmulator } = await import('@mimicfix/emulator');
    const emulator = await startEmulator({
      port,
      host: '127.0.0.1',
      ...(token ? { tokens: token } : {}),
      ...(seed !== undefined ? { seed: seed } : {}),
      ...(ctx.debug ? { log: (line: string) => ctx.debugLog(line) } : {}),
    });
    ctx.out(boolFlag(args.values, 'json') ? JSON.stringify({ url: emulator.url }) : emulator.url);
    ctx.info(
      `[mimicfix] DATAMIMIC emulator on ${emulator.url}; set DATAMIMIC_URL=${emulator.url} DATAMIMIC_PROJECT_ID=<any id> ` +
        `DATAMIMIC_TOKEN=<${token ? 'your DATAMIMIC_TOKEN' : 'any non-empty value'}>. Ctrl-C stops it.`,
    );
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await emulator.close();
    ctx.info('[mimicfix] emulator stopped');
    return 0;
  },
};
