import type { MimicfixOptions } from '@mimicfix/core';
import { MimicfixError } from '@mimicfix/core/runtime';

/**
 * What a Jest project may put under `globals.mimicfix` (JSON-serialisable: Jest copies `globals` into every
 * test context). `root` is always the project's `rootDir`; functions (`log`, `env`, `signal`) cannot travel
 * through Jest config, so they are left out.
 */
export type MimicfixJestOptions = Omit<MimicfixOptions, 'root' | 'log' | 'env' | 'signal'>;

/** The slice of Jest's project config that globalSetup reads. */
export interface JestProjectConfigLike {
  rootDir: string;
  globals?: Record<string, unknown>;
}

/**
 * Options for core's `setupDatasets` from a Jest project config: `globals.mimicfix` plus `root = rootDir`,
 * so that the descriptor and `mimicfix.config.*` are found relative to the Jest root, not the cwd.
 */
export function optionsFromJest(projectConfig: JestProjectConfigLike): MimicfixOptions {
  const fromGlobals = projectConfig.globals?.mimicfix;
  if (fromGlobals !== undefined && (typeof fromGlobals !== 'object' || fromGlobals === null)) {
    // Core's option validation names fields; this is the one shape error only the adapter can see.
    throw new MimicfixError(
      'MIMICFIX_CONFIG',
      `globals.mimicfix in the Jest config of ${projectConfig.rootDir} must be an object, got ${typeof fromGlobals}.`,
      { hint: "Write it as globals: { mimicfix: { descriptor: 'datamimic.xml' } }." },
    );
  }
  return { ...(fromGlobals as MimicfixJestOptions | undefined), root: projectConfig.rootDir };
}
