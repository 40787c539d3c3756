// Lint: LWCs with Salesforce's recommended LWC rules, TypeScript (plugin, local org, tests) with
// typescript-eslint, sf commands also with the sf CLI team's own plugin rules (eslint-plugin-sf-plugin,
// as salesforcecli/plugin-data lints). Generated output (lib/) and installed packages are skipped.
const path = require('node:path');
const { fixupPluginRules } = require('@eslint/compat');
const sfPlugin = require('eslint-plugin-sf-plugin');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const scope = (configs, files) => configs.map((config) => ({ ...config, files }));

// sf-plugin/no-missing-messages loads the messages of the package in process.cwd() when it starts
// on a file; lint runs from the repo root, so it starts in plugin/, where the messages are.
const inPluginFolder = (rule) => ({
  ...rule,
  create(context) {
    const cwd = process.cwd();
    process.chdir(path.join(__dirname, 'plugin'));
    try {
      return rule.create(context);
    } finally {
      process.chdir(cwd);
    }
  },
});
const sfPluginRules = fixupPluginRules(sfPlugin);
sfPluginRules.rules['no-missing-messages'] = inPluginFolder(sfPluginRules.rules['no-missing-messages']);

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
    // The sf plugin's rules are written for ESLint 8 (context.getAncestors): fixupPluginRules adapts them.
    files: ['plugin/src/commands/**/*.ts'],
    // Type information too: no-missing-messages counts the tokens each message is given.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    plugins: { 'sf-plugin': sfPluginRules },
    rules: sfPlugin.configs.recommended.rules,
  },
  {
    files: ['*.js', 'preview/*.mjs', 'scripts/**/*.{js,mjs}', 'plugin/bin/**/*.js', 'bench/**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
];
