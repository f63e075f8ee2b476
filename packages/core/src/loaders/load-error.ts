import { MimicfixError } from '@mimicfix/engine/errors';

export function datasetLoadError(file: string, problem: string, cause?: unknown): MimicfixError {
  return new MimicfixError('MIMICFIX_DATASET_LOAD', `Dataset file ${file} cannot be loaded: ${problem}.`, {
    hint: 'The cache entry may be damaged: check it with `mimicfix verify`, delete the entry folder (or the whole cache folder) and rerun.',
    ...(cause !== undefined ? { cause } : {}),
  });
}
