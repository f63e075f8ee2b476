/** Part of the cache key: bump ENGINE_VERSION whenever the engine's output for the same input may change. */
export const ENGINE_NAME = '@mimicfix/engine';
export const ENGINE_VERSION = '0.1.0';
