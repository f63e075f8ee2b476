import { ENGINE_NAME, ENGINE_VERSION, generate } from '@mimicfix/engine';
import type { GeneratorBackend, GeneratorIdentity } from '../types';

/** The generator identity of the bundled engine (part of the cache key). */
export const LOCAL_IDENTITY: GeneratorIdentity = {
  kind: 'local',
  name: ENGINE_NAME,
  version: ENGINE_VERSION,
};

/** Generates with the TypeScript engine (`@mimicfix/engine`) in this process. */
export function createLocalBackend(): GeneratorBackend {
  return {
    identity: LOCAL_IDENTITY,
    async generate(project, outDir, { keyOptions, signal, log, onProgress, limits }) {
      const result = await generate(project.descriptorPath, {
        outDir,
        seed: keyOptions.seed,
        counts: keyOptions.counts,
        ...(keyOptions.locale !== null ? { locale: keyOptions.locale } : {}),
        ...(keyOptions.dataset !== null ? { dataset: keyOptions.dataset } : {}),
        ...(keyOptions.datasets !== null ? { only: keyOptions.datasets } : {}),
        ...(signal ? { signal } : {}),
        ...(onProgress ? { onProgress } : {}),
        ...(limits ? { limits } : {}),
        log,
      });
      return result.artifacts.map((a) => ({
        file: a.file,
        dataset: a.name,
        format: a.format,
        records: a.records,
      }));
    },
  };
}
