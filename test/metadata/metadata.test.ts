// force-app's metadata holds together: every reference resolves, every field is granted and
// explained, and breaking a reference fails with a message that names both sides.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  checkExternalIds,
  checkFieldDefinitions,
  checkLayoutReferences,
  checkPermissionSetCoverage,
  checkPermissionSetReferences,
} from './crossReferences.js';
import { readForceApp, type ForceAppMetadata } from './metadata.js';

const forceApp = join(process.cwd(), 'force-app');

describe('force-app metadata', () => {
  let metadata: ForceAppMetadata;

  beforeAll(async () => {
    metadata = await readForceApp(forceApp);
  }, 60_000);

  it('converts to Metadata API format with the three objects and both permission sets', () => {
    expect([...metadata.objects.keys()].sort()).toEqual([
      'Social_Channel__c',
      'Social_Identity__c',
      'Social_Interaction__c',
    ]);
    expect(metadata.permissionSets.map((permissionSet) => permissionSet.name).sort()).toEqual([
      'Social_Bridge_Admin',
      'Social_Bridge_Rep',
    ]);
    expect(metadata.objects.get('Social_Interaction__c')?.fields.size).toBeGreaterThan(20);
  });

  it('grants only objects and fields that exist, and no required field', () => {
    expect(checkPermissionSetReferences(metadata)).toEqual([]);
  });

  it('names only existing fields in layouts, compact layouts and list views', () => {
    expect(checkLayoutReferences(metadata)).toEqual([]);
  });

  it('leaves no field out of the rep or admin permission set', () => {
    expect(checkPermissionSetCoverage(metadata)).toEqual([]);
  });

  it('explains every field, restricts every picklist, and tracks history only where enabled', () => {
    expect(checkFieldDefinitions(metadata)).toEqual([]);
  });

  it('keeps the external ids the data model promises unique', () => {
    expect(checkExternalIds(metadata)).toEqual([]);
  });

  it('tracks history on the identity link fields', () => {
    const identity = metadata.objects.get('Social_Identity__c');
    expect(identity?.enableHistory).toBe(true);
    for (const field of [
      'Contact__c',
      'Lead__c',
      'Link_Status__c',
      'Link_Source__c',
      'Matched_By_Rule__c',
      'Linked_By__c',
    ]) {
      expect({ field, tracked: identity?.fields.get(field)?.trackHistory }).toEqual({ field, tracked: true });
    }
  });
});

describe('a broken copy of force-app', () => {
  it('names the permission set and the field when a granted field is deleted', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'social-bridge-broken-'));
    try {
      cpSync(forceApp, join(copy, 'force-app'), { recursive: true });
      rmSync(join(copy, 'force-app/main/default/objects/Social_Identity__c/fields/Handle__c.field-meta.xml'));
      const broken = await readForceApp(join(copy, 'force-app'));
      const problems = checkPermissionSetReferences(broken);
      expect(problems).toContain(
        'permission set Social_Bridge_Rep grants Social_Identity__c.Handle__c, which does not exist in force-app/main/default/objects/Social_Identity__c/fields',
      );
      expect(
        problems.some(
          (problem) => problem.includes('Social_Bridge_Admin') && problem.includes('Social_Identity__c.Handle__c'),
        ),
      ).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
