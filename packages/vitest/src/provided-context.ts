import type { ResolvedManifest } from '@mimicfix/core';
import type {} from 'vitest';

// Types `project.provide('mimicfix', …)` in the global setup and `inject('mimicfix')` in tests.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The manifest resolved by mimicfix's global setup. */
    mimicfix: ResolvedManifest;
    /** Set when a watch-mode re-resolve failed: useDatamimic() throws it until a later rerun succeeds. */
    mimicfixError: ProvidedFailure | null;
  }
}

/** A resolve error in serialisable form (provide() structured-clones its values). */
export interface ProvidedFailure {
  code: string;
  message: string;
  hint: string | null;
}
