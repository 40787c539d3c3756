// `npm test`: runs every jest project (LWC and node) and ends with a plain
// "N passed, N failed" line that CI reads. Extra arguments go to jest, e.g.
// `npm test -- test/local-org --selectProjects node` (paths before --selectProjects, which takes
// every word after it as a project name).
//
// The tests never see the real home: jest runs with HOME, the XDG folders and so sf's state in a
// temporary folder made here (and each node test file gets its own inside it, see
// test/support/isolatedHomeEnvironment.cjs). The real home's sf folders are fingerprinted before
// and after, and a run that changed them fails, whatever the tests said.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeChanges, fingerprintSfState } from './sfStateFingerprint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// npm scripts put node_modules/.bin first on PATH, so `npm test` runs on the project's Node 22; run
// by hand with an older system Node, use the project's own instead of failing test by test.
const projectNode = join(root, 'node_modules', '.bin', 'node');
const node =
  Number(process.versions.node.split('.')[0]) >= 22 || !existsSync(projectNode) ? process.execPath : projectNode;

const realHome = process.env.SOCIAL_BRIDGE_REAL_HOME ?? homedir();
const before = fingerprintSfState(realHome);

const testRoot = mkdtempSync(join(tmpdir(), 'social-bridge-tests-'));
const runnerHome = join(testRoot, 'home');
const fileHomes = join(testRoot, 'file-homes');
mkdirSync(runnerHome);
mkdirSync(fileHomes);
// In the run's own folder, so two runs in one checkout (say, with a second `npm test` as load) never
// read each other's results.
const resultsFile = join(testRoot, 'jest.json');

const jest = spawnSync(
  node,
  [
    join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--json',
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      HOME: runnerHome,
      XDG_CACHE_HOME: join(runnerHome, '.cache'),
      XDG_CONFIG_HOME: join(runnerHome, '.config'),
      XDG_DATA_HOME: join(runnerHome, '.local', 'share'),
      XDG_STATE_HOME: join(runnerHome, '.local', 'state'),
      SOCIAL_BRIDGE_REAL_HOME: realHome,
      SOCIAL_BRIDGE_TEST_HOMES: fileHomes,
      SF_DISABLE_AUTOUPDATE: 'true',
      SF_DISABLE_TELEMETRY: 'true',
      SF_SKIP_NEW_VERSION_CHECK: 'true',
      SF_HIDE_RELEASE_NOTES: 'true',
      // npm, run by a test, would otherwise keep its cache in the temporary home and fetch again.
      npm_config_cache: process.env.npm_config_cache ?? join(realHome, '.npm'),
      // ts-jest's ESM support needs vm modules; the flag's ExperimentalWarning is the runtime's. Tests
      // that run a command in-process make oclif discover the plugin's other commands by dynamic
      // import, which jest's vm cannot link (ERR_VM_MODULE_LINK_FAILURE, a warning oclif prints and
      // recovers from); the command under test is imported directly, and discovery itself is tested
      // outside jest (test/plugin/commandSnapshot.test.ts, test/sf).
      NODE_OPTIONS: [
        process.env.NODE_OPTIONS ?? '',
        '--experimental-vm-modules',
        '--disable-warning=ExperimentalWarning',
        '--disable-warning=ERR_VM_MODULE_LINK_FAILURE',
      ]
        .join(' ')
        .trim(),
    },
  },
);

let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
} catch {
  failed = 1;
}
rmSync(testRoot, { recursive: true, force: true, maxRetries: 3 });

const homeChanges = describeChanges(before, fingerprintSfState(realHome));
if (homeChanges.length > 0) {
  console.error(`The tests changed the real home's sf state (${realHome}), which they must never touch:`);
  for (const change of homeChanges) console.error(`  ${change}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
