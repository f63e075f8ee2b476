import type { OptionSpecs } from './args';

/** Where the cache lives. */
export const CACHE_OPTIONS: OptionSpecs = {
  'cache-dir': {
    type: 'string',
    value: 'DIR',
    description: 'cache folder (env MIMICFIX_CACHE_DIR; default node_modules/.cache/mimicfix)',
  },
};

/** The options that change the output, hence the cache key. */
export const KEY_OPTIONS: OptionSpecs = {
  seed: {
    type: 'string',
    value: 'SEED',
    description: 'seed of the local engine (env MIMICFIX_SEED; default mimicfix)',
  },
  count: {
    type: 'string',
    multiple: true,
    value: 'NAME=N',
    description: 'override the count of a top-level generate',
  },
  only: { type: 'string', multiple: true, value: 'NAME', description: 'generate only this dataset' },
  dataset: {
    type: 'string',
    value: 'DATASET',
    description: "override the descriptor's default dataset (US, DE, ...)",
  },
  locale: { type: 'string', value: 'LOCALE', description: "override the descriptor's default locale" },
};

/** Choice of generator backend. */
export const BACKEND_OPTIONS: OptionSpecs = {
  remote: {
    type: 'boolean',
    description: 'generate on DATAMIMIC (needs DATAMIMIC_URL, _PROJECT_ID, _TOKEN)',
  },
  local: { type: 'boolean', description: 'generate with the local engine even if DATAMIMIC_* is set' },
  url: { type: 'string', value: 'URL', description: 'DATAMIMIC base URL (env DATAMIMIC_URL)' },
  project: { type: 'string', value: 'ID', description: 'DATAMIMIC project id (env DATAMIMIC_PROJECT_ID)' },
};

/** Connection flags of the remote-only commands (pull, push, status, download). */
export const REMOTE_OPTIONS: OptionSpecs = {
  url: BACKEND_OPTIONS.url!,
  project: BACKEND_OPTIONS.project!,
};

export const MODE_OPTION: OptionSpecs = {
  mode: {
    type: 'string',
    value: 'MODE',
    description: 'auto | frozen | refresh | offline (env MIMICFIX_MODE; default auto)',
  },
};

export const DESCRIPTOR_DETAIL =
  "descriptor: the root DATAMIMIC descriptor, relative to the working folder (default: datamimic.xml or the config file's `descriptor`).";
