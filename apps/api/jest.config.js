const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/**
 * ES-only packages that CommonJS dependencies require(). Node >= 20.19 loads them natively, but
 * Jest's module loader does not on Node 20, so Jest transforms them to CommonJS.
 */
const ESM_ONLY_REQUIRED = ['cookie', 'content-disposition'];

/** The security suites that fuzz (see test/security): not in `npm test`, run by `npm run test:security`. */
const FUZZING_SUITES = [
  '/test/security/authorization-fuzz\\.test\\.ts$',
  '/test/security/input-fuzz\\.test\\.ts$',
  '/test/security/mass-assignment\\.test\\.ts$',
];

/** API tests: ES modules through @swc/jest, against a real PostgreSQL (see test/support). */
export default {
  displayName: 'api',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    [`node_modules/(${ESM_ONLY_REQUIRED.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_REQUIRED.join('|')})/)`],
  moduleNameMapper: {
    // Tests run the SLA library from source; the app imports its build.
    '^@civicdesk/sla$': '<rootDir>/../../libs/sla/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  // The fuzzing suites take a minute or more each: \`npm run test:security\` runs them (CI does too).
  testPathIgnorePatterns: process.env.SECURITY_SUITES === '1' ? ['/node_modules/'] : ['/node_modules/', ...FUZZING_SUITES],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  // Two test files at a time: each has its own database, and one worker leaves a core of a 2-core
  // CI machine idle while PostgreSQL answers. More would mostly queue on PostgreSQL.
  maxWorkers: 2,
};
