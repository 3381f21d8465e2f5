// Browser tests: real Chromium (Debian's) driving a real CivicDesk. Jest needs a default export.
export default {
  displayName: 'web-e2e',
  rootDir: '.',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        // Keep import() as is, so global setup can load the API's ES modules natively.
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
  },
  globalSetup: '<rootDir>/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/global-teardown.ts',
  // One browser, one server: run the files one after another.
  maxWorkers: 1,
  testTimeout: 60_000,
};
