/**
 * `@mimicfix/core` on first use. Core pulls in the engine, faker and undici (about half a second of start-up);
 * `--help`, `--version` and usage errors should not pay for it, so commands load it when they run.
 */
export function loadCore(): Promise<typeof import('@mimicfix/core')> {
  return import('@mimicfix/core');
}
