// Both commands killed with SIGKILL at seeded random points (after the org has answered N of the calls a
// whole run makes), then run again to completion with the same results folder: the org ends up exactly as
// after one fault-free run (no duplicates, none missing) and the rerun's results account for every row.
// The command runs in a child process (test/faults/child.mjs, the built plugin in plugin/lib; `npm test`
// builds it first); the org runs here, so the test sees each call it answers.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seededRandom } from '../../local-org/src/random/seededRandom.js';
import type { TestOrg } from '../plugin/localOrg.js';
import {
  addChannels,
  deployFixture,
  deployResults,
  expectSameState,
  expectSubsetOf,
  freshResultsDir,
  IMPORT_SHAPE,
  importFixture,
  importResults,
  NOW,
  orgState,
  runDeploy,
  runImport,
  startFaultOrg,
  type DeployFixture,
  type ImportFixture,
  type OrgState,
} from './scenario.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = join(root, 'test/faults/child.mjs');
const KILLS_PER_COMMAND = 2;

const orgs: TestOrg[] = [];
afterAll(async () => {
  await Promise.all(orgs.map((org) => org.stop()));
});

async function freshOrg(channels: boolean): Promise<TestOrg> {
  const org = await startFaultOrg();
  if (channels) addChannels(org);
  orgs.push(org);
  return org;
}

/**
 * Runs the child and kills it with SIGKILL once the org has answered `killAfterCalls` calls (checked
 * on every answer). Resolves with whether it was killed (a fast child may finish first).
 */
function runAndKill(org: TestOrg, args: string[], killAfterCalls: number): Promise<{ killed: boolean; calls: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, '--url', org.url, '--token', org.accessToken, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let killed = false;
    const watch = setInterval(() => {
      if (!killed && org.ctx.apiCalls.used >= killAfterCalls) {
        killed = child.kill('SIGKILL');
      }
    }, 1);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (signal === 'SIGKILL') resolve({ killed: true, calls: org.ctx.apiCalls.used });
      else if (code === 0) resolve({ killed: false, calls: org.ctx.apiCalls.used });
      else reject(new Error(`child exited ${String(code)}: ${stderr.slice(0, 2000)}`));
    });
  });
}

/** Seeded kill points spread over a run's calls: never the first call, never after the last. */
function killPoints(seed: number, calls: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: KILLS_PER_COMMAND }, (_, index) => {
    const band = (calls - 2) / KILLS_PER_COMMAND;
    return 1 + Math.floor(band * index + random() * band);
  });
}

beforeAll(() => {
  if (!existsSync(join(root, 'plugin/lib/mappings/deploy.js'))) {
    throw new Error('plugin/lib is missing: run `npm run build` first (npm test does)');
  }
});

describe('mappings deploy killed with SIGKILL, then run again', () => {
  let fixture: DeployFixture;
  let expected: OrgState;
  let calls: number;
  beforeAll(async () => {
    fixture = await deployFixture(300);
    const org = await freshOrg(false);
    const result = await runDeploy(org, fixture, { bulkThreshold: 50 });
    expected = orgState(org);
    calls = result.apiCalls;
  });

  it('ends as one fault-free run, wherever it was killed', async () => {
    const points = killPoints(2024, calls);
    for (const killAfterCalls of points) {
      const org = await freshOrg(false);
      const resultsDir = freshResultsDir(fixture.dir);
      const { killed } = await runAndKill(
        org,
        [
          '--command',
          'deploy',
          '--file',
          join(fixture.dir, 'mapping.yaml'),
          '--results-dir',
          resultsDir,
          '--bulk-threshold',
          '50',
          '--now',
          NOW.toISOString(),
        ],
        killAfterCalls,
      );
      expect({ killAfterCalls, killed }).toEqual({ killAfterCalls, killed: true });
      expectSubsetOf(orgState(org), expected);
      const rerun = await runDeploy(org, fixture, { bulkThreshold: 50, resultsDir });
      await deployResults(rerun, fixture.rows);
      expect(rerun.counts.failed).toBe(0);
      expectSameState(orgState(org), expected);
    }
  });
});

describe('interactions import killed with SIGKILL, then run again', () => {
  let fixture: ImportFixture;
  let expected: OrgState;
  let calls: number;
  beforeAll(async () => {
    fixture = await importFixture(80);
    const org = await freshOrg(true);
    const result = await runImport(org, fixture);
    expected = orgState(org);
    calls = result.apiCalls;
  });

  it('ends as one fault-free run, wherever it was killed', async () => {
    for (const killAfterCalls of killPoints(7, calls)) {
      const org = await freshOrg(true);
      const resultsDir = freshResultsDir(fixture.dir);
      const { killed } = await runAndKill(
        org,
        [
          '--command',
          'import',
          '--file',
          fixture.file,
          '--mapping',
          fixture.mapping,
          '--results-dir',
          resultsDir,
          '--bulk-threshold',
          String(IMPORT_SHAPE.bulkThreshold),
          '--batch-size',
          String(IMPORT_SHAPE.batchSize),
          '--now',
          NOW.toISOString(),
        ],
        killAfterCalls,
      );
      expect({ killAfterCalls, killed }).toEqual({ killAfterCalls, killed: true });
      expectSubsetOf(orgState(org), expected);
      const rerun = await runImport(org, fixture, { resultsDir });
      await importResults(rerun, fixture.rows);
      expect(rerun.counts.failed).toBe(0);
      expectSameState(orgState(org), expected);
    }
  });
});
