import { MimicfixError } from '@mimicfix/engine';
import type { ResolvedOptions } from '../config/resolve-options';
import type { GeneratorBackend, RemoteOptions } from '../types';
import { createLocalBackend } from './local';

type RemoteModule = {
  createRemoteBackend(options: RemoteOptions): GeneratorBackend | Promise<GeneratorBackend>;
};

/**
 * The backend for these options: the local engine unless a remote DATAMIMIC is configured (option `remote` or
 * `DATAMIMIC_URL` + `DATAMIMIC_PROJECT_ID` + `DATAMIMIC_TOKEN`). The remote backend is imported lazily so that
 * local-only users never load the HTTP client.
 */
export async function selectBackend(resolved: Pick<ResolvedOptions, 'remote'>): Promise<GeneratorBackend> {
  if (resolved.remote === false) return createLocalBackend();
  const mod = await importRemote();
  return await mod.createRemoteBackend(resolved.remote);
}

async function importRemote(): Promise<RemoteModule> {
  // src/backends/remote.ts (the remote-client engineer's) exports createRemoteBackend(); a literal specifier so
  // that tsup bundles it, a dynamic import so that it is only evaluated when a remote is configured.
  try {
    return (await import('./remote')) as unknown as RemoteModule;
  } catch (cause) {
    throw new MimicfixError(
      'MIMICFIX_CONFIG',
      'A remote DATAMIMIC generator is configured but the remote backend is not available in this build.',
      {
        hint: 'Unset DATAMIMIC_URL (or pass remote: false) to generate with the local engine.',
        cause,
      },
    );
  }
}
