// Two jest projects: LWC unit tests (sfdx-lwc-jest, CommonJS via its babel transform) and
// node tests (TypeScript ESM via ts-jest) for the metadata, local org, plugin and end-to-end flows.
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
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
      testEnvironment: 'node',
      setupFiles: ['<rootDir>/test/support/jestRealm.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/commandExitCode.ts'],
      extensionsToTreatAsEsm: ['.ts'],
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
      transform: {
        '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/test/tsconfig.json' }],
      },
    },
  ],
};
