// Every bundle in force-app compiles with Salesforce's platform LWC compiler, as a deploy would
// compile it (type 'platform', Lightning Web Security transforms on, the project's API version),
// with no error and no warning. Source of the options: the compiler's README and typings
// (node_modules/@lwc/sfdc-lwc-compiler/README.md, dist/compile.d.ts `BundleOptions`); the rules it
// applies are in its dist/linting/index.js (@lwc/eslint-plugin-lwc-platform).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { compileProblems, lwcRoot } from './platformCompiler.js';

const fixtures = fileURLToPath(new URL('fixtures', import.meta.url));
const bundles = readdirSync(lwcRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// The compiler loads eslint, babel and rollup (wasm) on first use: allow for a loaded machine.
const COMPILE_TIMEOUT = 120_000;

describe('the platform LWC compiler', () => {
  it('finds the bundles', () => {
    expect(bundles.length).toBeGreaterThan(20);
  });

  it.each(bundles)(
    'compiles %s with no error or warning',
    async (bundle) => {
      expect(await compileProblems(join(lwcRoot, bundle), bundle)).toEqual([]);
    },
    COMPILE_TIMEOUT,
  );

  it(
    'refuses a bundle that uses a restricted API (Aura’s $A)',
    async () => {
      const problems = await compileProblems(join(fixtures, 'restrictedApi'), 'restrictedApi');
      expect(problems).toContainEqual({
        level: 'error',
        where: expect.stringMatching(/^restrictedApi\.js:7:\d+$/),
        message: expect.stringContaining('Do not use $A in LWC code'),
      });
    },
    COMPILE_TIMEOUT,
  );

  it(
    'counts a warning as a failure (eval compiles, with a warning)',
    async () => {
      const problems = await compileProblems(join(fixtures, 'evalWarning'), 'evalWarning');
      expect(problems).toEqual([
        { level: 'warning', where: expect.any(String), message: expect.stringContaining('Use of eval') },
      ]);
    },
    COMPILE_TIMEOUT,
  );
});
