// Two jest projects: LWC unit tests (sfdx-lwc-jest, CommonJS via its babel transform) and
// node tests (TypeScript ESM via ts-jest) for the metadata, local org, plugin and end-to-end flows.
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  // A timeout catches a hang, not slowness (jest's default is 5 s, and only a global option). On a
  // busy 2-core machine, CI's kind, with a second test run beside it, a step takes many times its
  // idle time: rendering 450 rows in jsdom (1-2 s idle) or a fault scenario against a local org
  // (20 s idle) took over 60 s. Tests wait for conditions; this only bounds a test that never ends.
  testTimeout: 300_000,
  projects: [
    {
      ...lwcJestConfig,
      displayName: 'lwc',
      rootDir: __dirname,
      roots: ['<rootDir>/force-app'],
      testRegex: '/__tests__/.*\\.test\\.js$',
      moduleNameMapper: {
        ...lwcJestConfig.moduleNameMapper,
        '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
        '^lightning/platformShowToastEvent$': '<rootDir>/force-app/test/jest-mocks/lightning/platformShowToastEvent',
      },
      setupFilesAfterEnv: ['<rootDir>/force-app/test/jest-setup.js'],
      testPathIgnorePatterns: ['/node_modules/', '/.localdevserver/'],
    },
    {
      displayName: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      // jest's node environment with a home folder of its own per test file (never the real ~/.sf).
      testEnvironment: '<rootDir>/test/support/isolatedHomeEnvironment.cjs',
      setupFiles: ['<rootDir>/test/support/jestRealm.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/commandExitCode.ts'],
      extensionsToTreatAsEsm: ['.ts'],
      moduleNameMapper: {
        // The plugin's detector is force-app's LWC module (the build copies it into plugin/lib).
        '^\\.{1,2}/(?:.*/)?socialPersonalDataGuard\\.js$':
          '<rootDir>/force-app/main/default/lwc/socialPersonalDataGuard/socialPersonalDataGuard.js',
        '^(\\.{1,2}/.*)\\.js$': '$1',
      },
      transform: {
        '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/test/tsconfig.json' }],
        // That LWC module is ESM, and .js is CommonJS to this project: jest reads it as CommonJS.
        'socialPersonalDataGuard\\.js$': [
          'babel-jest',
          { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
        ],
      },
    },
  ],
};
