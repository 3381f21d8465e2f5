// Component tests: jsdom, TypeScript compiled to CommonJS by SWC. Jest needs a default export.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: {
        react: { runtime: 'automatic' },
        // react-router reads import.meta.hot (Vite's HMR), which CommonJS cannot express.
        optimizer: { globals: { vars: { 'import.meta.hot': 'undefined' } } },
      },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

export default {
  displayName: 'web',
  rootDir: '.',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  testEnvironment: '<rootDir>/jest.environment.js',
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.m?js$': swc },
  // These packages ship only ES modules; compile them like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(react-router|@remix-run|cookie-es)/)'],
  moduleNameMapper: {
    '\\.css$': 'identity-obj-proxy',
    // The business-hours clock from its TypeScript source, as Vite bundles it.
    '^@civicdesk/sla$': '<rootDir>/../../libs/sla/src/index.ts',
    // libs/sla writes its relative imports as Node ES modules do ('./business-time.js' for a .ts file).
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // User-event driven screens take a few seconds on a busy 2-core CI machine; 5 s is too tight.
  testTimeout: 30000,
  // jsdom tests are CPU-bound and independent: one worker per core (Jest's default leaves one idle,
  // which on a 2-core CI machine is half of it).
  maxWorkers: '100%',
  clearMocks: true,
  restoreMocks: true,
};
