// The node test project itself: Node 22, TypeScript ESM through ts-jest with `.js` import
// specifiers mapped to the sources, and a home of its own (never the real one).
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findField, findObject } from '../../local-org/src/schema/model.js';
import { loadOrgSchema } from '../../local-org/src/schema/loadSchema.js';
import { describeChanges, fingerprintSfState } from '../../scripts/sfStateFingerprint.mjs';

const forceApp = fileURLToPath(new URL('../../force-app', import.meta.url));

describe('node test project', () => {
  it('runs TypeScript ESM on Node 22, importing sources by their .js names', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
    const schema = loadOrgSchema(forceApp);
    const interaction = findObject(schema, 'social_interaction__C');
    expect(interaction?.name).toBe('Social_Interaction__c');
    expect(findField(interaction!, 'body__c')?.name).toBe('Body__c');
    expect(findField(interaction!, 'No_Such_Field__c')).toBeUndefined();
  });
});

describe('the home a test file sees (scripts/run-tests.mjs, test/support/isolatedHomeEnvironment.cjs)', () => {
  const realHome = process.env.SOCIAL_BRIDGE_REAL_HOME;
  const testHomes = process.env.SOCIAL_BRIDGE_TEST_HOMES;

  it('is a fresh folder of its own under the run’s temporary folder, not the real home', () => {
    // Run through `npm test`, both are set; run by bare jest, the real home is at risk: say so.
    expect(realHome).toBeDefined();
    expect(testHomes).toBeDefined();
    expect(homedir()).not.toBe(realHome);
    expect(homedir().startsWith(`${testHomes}/file-home-`)).toBe(true);
    expect(process.env.HOME).toBe(homedir());
    expect(process.env.XDG_CONFIG_HOME).toBe(join(homedir(), '.config'));
  });

  it('a change to sf state is seen by the fingerprint the runner compares', () => {
    const home = mkdtempSync(join(tmpdir(), 'fingerprint-'));
    const before = fingerprintSfState(home);
    expect(describeChanges(before, fingerprintSfState(home))).toEqual([]);
    writeFileSync(join(home, '.sfdx'), '');
    const changes = describeChanges(before, fingerprintSfState(home));
    expect(changes).toEqual([expect.stringMatching(/^~\/\.sfdx: missing -> file 0 bytes [0-9a-f]{64}$/)]);
  });
});
