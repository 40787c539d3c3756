// force-app's metadata holds together: every reference resolves, every field is granted and
// explained, and breaking a reference fails with a message that names both sides.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readPermissionSets } from '../../local-org/src/access/permissionSets.js';
import {
  checkAll,
  checkExternalIds,
  checkFieldDefinitions,
  checkLayoutCoverage,
  checkLayoutReferences,
  checkPermissionSetCoverage,
  checkPermissionSetReferences,
  checkTabReferences,
} from './crossReferences.js';
import { readForceApp, type ForceAppMetadata, type ObjectPermission } from './metadata.js';

const forceApp = join(process.cwd(), 'force-app');

describe('force-app metadata', () => {
  let metadata: ForceAppMetadata;

  beforeAll(async () => {
    metadata = await readForceApp(forceApp);
  });

  it('converts to Metadata API format with the four objects and both permission sets', () => {
    expect([...metadata.objects.keys()].sort()).toEqual([
      'Social_Channel__c',
      'Social_Identity__c',
      'Social_Interaction__c',
      'Social_Rep_Preference__c',
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

  it('puts every field on its page layout, required fields as Required', () => {
    expect(checkLayoutCoverage(metadata)).toEqual([]);
  });

  it('gives every object a tab, and names only existing tabs and apps in the app and permission sets', () => {
    expect(checkTabReferences(metadata)).toEqual([]);
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
      'Link_Note__c',
      'Is_Advocate__c',
    ]) {
      expect({ field, tracked: identity?.fields.get(field)?.trackHistory }).toEqual({ field, tracked: true });
    }
  });
});

describe('what the permission sets allow', () => {
  let metadata: ForceAppMetadata;

  beforeAll(async () => {
    metadata = await readForceApp(forceApp);
  });

  const permissionSet = (name: string) => {
    const found = metadata.permissionSets.find((candidate) => candidate.name === name);
    if (!found) {
      throw new Error(`permission set ${name} is missing from force-app/main/default/permissionsets`);
    }
    return found;
  };
  const access = (permission: ObjectPermission): string =>
    (
      [
        ['read', permission.read],
        ['create', permission.create],
        ['edit', permission.edit],
        ['delete', permission.delete],
        ['viewAll', permission.viewAll],
        ['modifyAll', permission.modifyAll],
      ] as const
    )
      .filter(([, granted]) => granted)
      .map(([name]) => name)
      .join(' ');

  it('lets reps read channels, work identity links, reply, and create cases and tasks', () => {
    // Tasks through the Edit Tasks user permission: activities take no objectPermissions, and the
    // local org grants what EditTask grants.
    expect(permissionSet('Social_Bridge_Rep').userPermissions).toContain('EditTask');
    const rep = readPermissionSets(forceApp).find((permissionSet) => permissionSet.name === 'Social_Bridge_Rep');
    expect(rep?.objects.get('task')).toEqual({ read: true, create: true, edit: true, delete: false });
    const objects = Object.fromEntries(
      permissionSet('Social_Bridge_Rep').objectPermissions.map((permission) => [permission.object, access(permission)]),
    );
    expect(objects).toEqual({
      Account: 'read',
      Case: 'read create',
      Contact: 'read',
      Lead: 'read',
      Social_Channel__c: 'read',
      // create: the identity link component adds an identity for a handle the org has not seen yet
      Social_Identity__c: 'read create edit',
      Social_Interaction__c: 'read create edit',
      // a rep's own saved defaults (the timeline filter), which follow them to any device
      Social_Rep_Preference__c: 'read create edit',
    });
  });

  it('lets reps edit only the identity link fields and what a reply or status change writes', () => {
    const editable = permissionSet('Social_Bridge_Rep')
      .fields.filter((permission) => permission.editable)
      .map((permission) => permission.field)
      .sort();
    expect(editable).toEqual(
      [
        // linking, confirming, rejecting and unlinking an identity; recognising an advocate
        'Social_Identity__c.Contact__c',
        'Social_Identity__c.Lead__c',
        'Social_Identity__c.Link_Status__c',
        'Social_Identity__c.Link_Source__c',
        'Social_Identity__c.Matched_By_Rule__c',
        'Social_Identity__c.Linked_By__c',
        'Social_Identity__c.Linked_At__c',
        'Social_Identity__c.Link_Note__c',
        'Social_Identity__c.Is_Advocate__c',
        'Social_Identity__c.Advocate_Note__c',
        // a new identity a rep adds by handle
        'Social_Identity__c.Handle__c',
        'Social_Identity__c.Profile_URL__c',
        // status changes, case links and outbound replies (created Queued)
        'Social_Interaction__c.Status__c',
        'Social_Interaction__c.Status_Reason__c',
        'Social_Interaction__c.First_Response_At__c',
        'Social_Interaction__c.Case__c',
        'Social_Interaction__c.Body__c',
        'Social_Interaction__c.Identity__c',
        'Social_Interaction__c.Contact__c',
        'Social_Interaction__c.Lead__c',
        'Social_Interaction__c.Account__c',
        'Social_Interaction__c.Kind__c',
        'Social_Interaction__c.Thread_Key__c',
        'Social_Interaction__c.In_Reply_To__c',
        'Social_Interaction__c.Delivery_Status__c',
        // a rep's Retry of a Failed reply: Queued again, no reason, a fresh attempt budget
        'Social_Interaction__c.Delivery_Error__c',
        'Social_Interaction__c.Delivery_Attempts__c',
        // the rep's own saved defaults (Page__c and Preference_Key__c are required: no field permission)
        'Social_Rep_Preference__c.Timeline_Filter__c',
      ].sort(),
    );
  });

  it('gives admins full access to every object and field', () => {
    const admin = permissionSet('Social_Bridge_Admin');
    for (const object of metadata.objects.keys()) {
      const permission = admin.objectPermissions.find((candidate) => candidate.object === object);
      expect({ object, access: permission && access(permission) }).toEqual({
        object,
        access: 'read create edit delete viewAll modifyAll',
      });
    }
    expect(admin.fields.filter((permission) => !permission.readable || !permission.editable)).toEqual([]);
  });

  it('makes the Social Bridge app and its tabs visible to both', () => {
    for (const name of ['Social_Bridge_Rep', 'Social_Bridge_Admin']) {
      expect({ name, applications: permissionSet(name).applications }).toEqual({
        name,
        applications: ['Social_Bridge'],
      });
      expect({ name, tabs: [...permissionSet(name).tabs].sort() }).toEqual({
        name,
        tabs: ['Social_Channel__c', 'Social_Identity__c', 'Social_Interaction__c'],
      });
    }
  });
});

describe('a broken copy of force-app', () => {
  it('refuses objectPermissions on Task (activities take the EditTask user permission)', async () => {
    const metadata = await readForceApp(forceApp);
    const rep = metadata.permissionSets.find((permissionSet) => permissionSet.name === 'Social_Bridge_Rep')!;
    const broken = { ...metadata, permissionSets: [{ ...rep, objects: [...rep.objects, 'Task'] }] };
    expect(checkPermissionSetReferences(broken)).toEqual([
      'permission set Social_Bridge_Rep has objectPermissions on Task; activities take the user permission EditTask instead',
    ]);
  });

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
      // the full run that `npm test` makes reports it too
      expect(checkAll(broken)).toEqual(expect.arrayContaining(problems));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('names the app and both permission sets when a tab is deleted', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'social-bridge-broken-'));
    try {
      cpSync(forceApp, join(copy, 'force-app'), { recursive: true });
      rmSync(join(copy, 'force-app/main/default/tabs/Social_Channel__c.tab-meta.xml'));
      const problems = checkTabReferences(await readForceApp(join(copy, 'force-app')));
      expect(problems).toEqual(
        expect.arrayContaining([
          'object Social_Channel__c has no tab in force-app/main/default/tabs: reps could not open its list views',
          'app Social_Bridge lists tab Social_Channel__c, which does not exist in force-app/main/default/tabs',
          'permission set Social_Bridge_Rep sets visibility of tab Social_Channel__c, which does not exist in force-app/main/default/tabs',
          'permission set Social_Bridge_Admin sets visibility of tab Social_Channel__c, which does not exist in force-app/main/default/tabs',
        ]),
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
