// Lint: LWCs with Salesforce's recommended LWC rules, TypeScript (plugin, local org, tests) with
// typescript-eslint. Generated output (lib/) and installed packages are skipped.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const scope = (configs, files) => configs.map((config) => ({ ...config, files }));

module.exports = [
  {
    ignores: [
      '**/node_modules/**',
      '**/lib/**',
      '.sf-home/**',
      '.sf/**',
      '.sfdx/**',
      'coverage/**',
      'test-results/**',
      '.local-org-data/**',
      '.browser/**',
      'preview/dist/**',
    ],
  },
  ...scope(lwcConfig.configs.recommended, ['force-app/**/*.js', 'preview/src/**/*.js']),
  {
    files: ['force-app/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
    plugins: { jest: jestPlugin },
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
  },
  ...scope(tseslint.configs.recommended, ['**/*.ts']),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['*.js', 'preview/*.mjs', 'scripts/**/*.{js,mjs}', 'plugin/bin/**/*.js', 'bench/**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
];
