/**
 * The same descriptor and the same tests as examples/vitest-basic, run by Jest.
 * @type {import('jest').Config}
 */
export default {
  // Adds mimicfix's globalSetup/globalTeardown; the environment and transform stay this project's own.
  preset: '@mimicfix/jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  globals: {
    // Relative to this project's rootDir: reuse the vitest-basic descriptor instead of a copy.
    mimicfix: { descriptor: '../vitest-basic/datamimic.xml' },
  },
};
