/**
 * Vitest global setup that starts a DATAMIMIC emulator on 127.0.0.1 and points mimicfix's remote generator at
 * it through the DATAMIMIC_* variables. It is listed in `test.globalSetup`, which Vitest runs before the
 * plugin's setup (the plugin's entry is appended after the user's), so the variables are set when mimicfix
 * resolves the datasets. Teardowns run in reverse: the emulator stops last.
 */
import { type Emulator, startEmulator } from '@mimicfix/emulator';
import type { TestProject } from 'vitest/node';

/** A fake project token for the local emulator (a real one belongs in a CI secret, never in a file). */
const PROJECT_ID = 'remote-emulator-example';
const TOKEN = 'emulator-example-token';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the emulator this run started. */
    emulatorUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator: Emulator = await startEmulator({ tokens: { [PROJECT_ID]: TOKEN } });
  const previous = {
    DATAMIMIC_URL: process.env.DATAMIMIC_URL,
    DATAMIMIC_PROJECT_ID: process.env.DATAMIMIC_PROJECT_ID,
    DATAMIMIC_TOKEN: process.env.DATAMIMIC_TOKEN,
  };
  process.env.DATAMIMIC_URL = emulator.url;
  process.env.DATAMIMIC_PROJECT_ID = PROJECT_ID;
  process.env.DATAMIMIC_TOKEN = TOKEN;
  project.provide('emulatorUrl', emulator.url);
  return async () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await emulator.close();
  };
}
