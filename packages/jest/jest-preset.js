// `preset: '@mimicfix/jest'`: only the mimicfix hooks, so that a project keeps its own testEnvironment and
// transform. To compose with another preset, list these two entries in your own config instead.
export default {
  globalSetup: '@mimicfix/jest/global-setup',
  globalTeardown: '@mimicfix/jest/global-teardown',
};
