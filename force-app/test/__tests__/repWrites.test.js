// Every record write a component makes, checked against what Social_Bridge_Rep lets a rep do.
// The UI API refuses a whole createRecord/updateRecord when one field in it is not editable for
// the user ("Unable to create/update fields: … check the security settings"). This test sees a
// rep-side write the platform would refuse without running anything; the local org now enforces
// the same permission set live (test/browser/access.test.ts saves every action as its rep user). The writes are the pure record-input builders the components call; a component file
// that starts writing without its builder listed here fails the last test.
//
// Salesforce facts relied on:
// - A field's edit access comes from field permissions (FieldPermissions: PermissionsEdit), except
//   for fields that have none: required custom fields cannot be named in a permission set and are
//   editable with the object's create/edit access.
//   https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_fieldpermissions.htm
// - Object access (ObjectPermissions: allowCreate, allowEdit) is needed for createRecord / updateRecord.
const { readFileSync, readdirSync, existsSync } = require('fs');
const { join, relative } = require('path');
const { XMLParser } = require('fast-xml-parser');
import { outboundReplyInput } from '../../main/default/lwc/socialReplyComposer/replyRecord';
import {
    advocateInput,
    caseInput,
    caseLinkInput,
    statusInput,
    taskInput
} from '../../main/default/lwc/socialInteractionActions/actionRecords';
import {
    confirmInput,
    createIdentityInput,
    linkExistingInput,
    rejectInput,
    unlinkInput
} from '../../main/default/lwc/socialIdentityModel/socialIdentityModel';
import { replacedReplyInput, retryInput } from '../../main/default/lwc/socialDelivery/socialDelivery';
import {
    newPreferenceInput,
    preferenceUpdateInput
} from '../../main/default/lwc/socialTimelineFilter/socialTimelineFilter';
import INBOUND from '../../main/default/lwc/socialReplyComposer/__tests__/data/inboundQuestion.json';

const root = join(__dirname, '..', '..', '..');
const forceApp = join(root, 'force-app', 'main', 'default');
const parser = new XMLParser({
    isArray: (name) => ['fieldPermissions', 'objectPermissions', 'userPermissions'].includes(name),
    parseTagValue: false
});
const isTrue = (value) => String(value) === 'true';

function readPermissionSet(name) {
    const xml = parser.parse(
        readFileSync(join(forceApp, 'permissionsets', `${name}.permissionset-meta.xml`), 'utf8')
    ).PermissionSet;
    const objects = new Map(
        (xml.objectPermissions || []).map((p) => [
            String(p.object),
            { create: isTrue(p.allowCreate), edit: isTrue(p.allowEdit) }
        ])
    );
    // Activities take no object permissions in a permission set: the Edit Tasks user permission
    // lets a user create and edit tasks (Salesforce Help, "Control Access to Activities").
    if ((xml.userPermissions || []).some((p) => String(p.name) === 'EditTask' && isTrue(p.enabled))) {
        objects.set('Task', { create: true, edit: true });
    }
    return {
        editableFields: new Set(
            (xml.fieldPermissions || []).filter((p) => isTrue(p.editable)).map((p) => String(p.field))
        ),
        objects
    };
}

/**
 * Fields of a custom object in force-app that have no field permissions: its Name (the name field)
 * and its required fields, editable with the object's access and never named in a permission set.
 * null for a standard object.
 */
function fieldsWithoutPermissions(object) {
    const dir = join(forceApp, 'objects', object, 'fields');
    if (!existsSync(dir)) {
        return null;
    }
    const required = readdirSync(dir)
        .filter((file) => file.endsWith('.field-meta.xml'))
        .filter((file) => isTrue(parser.parse(readFileSync(join(dir, file), 'utf8')).CustomField?.required))
        .map((file) => file.replace('.field-meta.xml', ''));
    return new Set(['Name', ...required]);
}

// Standard-object fields the permission set does not grant: the rep's edit access to them comes
// from their profile, together with the object access the permission set adds. Listed by name so
// a new standard field in a write is a decision, not an accident.
const FROM_PROFILE = new Set([
    'Case.Subject',
    'Case.Description',
    'Case.Origin',
    'Case.ContactId',
    'Case.AccountId',
    'Case.Status',
    'Task.Subject',
    'Task.ActivityDate',
    'Task.OwnerId',
    'Task.WhoId',
    'Task.WhatId',
    'Task.Description'
]);

/** What a rep with Social_Bridge_Rep could not write in this record input, as readable problems. */
function problemsOf(permissionSet, write) {
    const { object, kind, input } = write;
    const problems = [];
    const access = permissionSet.objects.get(object);
    if (!access || !access[kind]) {
        problems.push(`${write.name}: ${kind} ${object} is not allowed by Social_Bridge_Rep`);
    }
    const always = fieldsWithoutPermissions(object);
    Object.keys(input.fields)
        .filter((field) => field !== 'Id')
        .forEach((field) => {
            const name = `${object}.${field}`;
            const editable =
                permissionSet.editableFields.has(name) || (always ? always.has(field) : FROM_PROFILE.has(name));
            if (!editable) {
                problems.push(`${write.name}: ${name} is not editable for Social_Bridge_Rep`);
            }
        });
    return problems;
}

const NOW = new Date('2026-03-04T12:00:00.000Z');
const LEAD_INBOUND = { ...INBOUND, contactId: null, accountId: null, leadId: '00Q000000000001AAA' };
const USER = '005000000000001AAA';
const CHANNEL = { name: 'X' };

// Every record write the components make, each as its builder makes it.
const WRITES = [
    {
        name: 'reply (public)',
        object: 'Social_Interaction__c',
        kind: 'create',
        input: outboundReplyInput(INBOUND, { body: 'Hi', visibility: 'Public', now: NOW, uuid: 'u1' })
    },
    {
        name: 'reply (private)',
        object: 'Social_Interaction__c',
        kind: 'create',
        input: outboundReplyInput(INBOUND, { body: 'Hi', visibility: 'Private', now: NOW, uuid: 'u2' })
    },
    {
        name: 'retry a failed reply',
        object: 'Social_Interaction__c',
        kind: 'edit',
        input: retryInput({ id: 'a01000000000002AAA' })
    },
    {
        name: 'close a failed reply replaced by a private one',
        object: 'Social_Interaction__c',
        kind: 'edit',
        input: replacedReplyInput({ id: 'a01000000000002AAA' }, 'Replaced by a private reply')
    },
    ...['respond', 'close', 'reopen'].map((action) => ({
        name: `status: ${action}`,
        object: 'Social_Interaction__c',
        kind: 'edit',
        input: statusInput(INBOUND, action, 'reason', NOW)
    })),
    { name: 'create case', object: 'Case', kind: 'create', input: caseInput(INBOUND, CHANNEL) },
    {
        name: 'link the case',
        object: 'Social_Interaction__c',
        kind: 'edit',
        input: caseLinkInput(INBOUND, '500000000000001AAA')
    },
    ...[INBOUND, LEAD_INBOUND].map((interaction) => ({
        name: `follow-up task (${interaction.leadId ? 'lead' : 'contact'})`,
        object: 'Task',
        kind: 'create',
        input: taskInput(interaction, { subject: 'Follow up', dueDate: '2026-03-05', ownerId: USER })
    })),
    { name: 'recognise advocate', object: 'Social_Identity__c', kind: 'edit', input: advocateInput(INBOUND, 'note') },
    {
        name: 'confirm identity',
        object: 'Social_Identity__c',
        kind: 'edit',
        input: confirmInput('a02000000000001AAA', USER, NOW)
    },
    {
        name: 'reject identity',
        object: 'Social_Identity__c',
        kind: 'edit',
        input: rejectInput('a02000000000001AAA', 'not them')
    },
    {
        name: 'save the timeline defaults (first time)',
        object: 'Social_Rep_Preference__c',
        kind: 'create',
        input: newPreferenceInput(USER, 'Contact', { range: 'all' })
    },
    {
        name: 'save the timeline defaults',
        object: 'Social_Rep_Preference__c',
        kind: 'edit',
        input: preferenceUpdateInput('a05000000000001AAA', { range: 'all' })
    },
    ...['Contact', 'Lead'].flatMap((page) => [
        {
            name: `unlink identity (${page})`,
            object: 'Social_Identity__c',
            kind: 'edit',
            input: unlinkInput('a02000000000001AAA', page, 'wrong person')
        },
        {
            name: `link existing identity (${page})`,
            object: 'Social_Identity__c',
            kind: 'edit',
            input: linkExistingInput('a02000000000001AAA', page, '003000000000001AAA', USER, NOW)
        },
        {
            name: `link a new handle (${page})`,
            object: 'Social_Identity__c',
            kind: 'create',
            input: createIdentityInput({
                network: 'x',
                handle: '@maya',
                profileUrlTemplate: 'https://x.com/{handle}',
                objectApiName: page,
                recordId: '003000000000001AAA',
                userId: USER,
                now: NOW
            })
        }
    ])
];

// The component files that write, and the builders above that make their writes.
const WRITERS = {
    'force-app/main/default/lwc/socialReplyComposer/socialReplyComposer.js': [
        'outboundReplyInput',
        'replacedReplyInput'
    ],
    'force-app/main/default/lwc/socialInteractionActions/socialInteractionActions.js': [
        'statusInput',
        'advocateInput',
        'taskInput',
        'caseInput',
        'caseLinkInput'
    ],
    'force-app/main/default/lwc/socialIdentities/socialIdentities.js': ['confirmInput', 'rejectInput', 'unlinkInput'],
    'force-app/main/default/lwc/socialIdentityLink/socialIdentityLink.js': ['linkExistingInput', 'createIdentityInput'],
    'force-app/main/default/lwc/socialReplyDelivery/socialReplyDelivery.js': ['retryInput'],
    'force-app/main/default/lwc/socialRepPreference/socialRepPreference.js': [
        'newPreferenceInput',
        'preferenceUpdateInput'
    ]
};

function componentFiles() {
    const lwc = join(forceApp, 'lwc');
    return readdirSync(lwc).flatMap((bundle) =>
        readdirSync(join(lwc, bundle))
            .filter((file) => file.endsWith('.js'))
            .map((file) => join(lwc, bundle, file))
    );
}

describe('record writes a rep with only Social_Bridge_Rep makes', () => {
    const permissionSet = readPermissionSet('Social_Bridge_Rep');

    it.each(WRITES.map((write) => [write.name, write]))('%s names only what the rep may write', (name, write) => {
        expect(problemsOf(permissionSet, write)).toEqual([]);
    });

    it('would catch a read-only field, such as the personal-data flag, in a reply', () => {
        const reply = WRITES[0];
        const withFlag = {
            ...reply,
            input: { ...reply.input, fields: { ...reply.input.fields, Contains_Personal_Data__c: true } }
        };
        expect(problemsOf(permissionSet, withFlag)).toEqual([
            'reply (public): Social_Interaction__c.Contains_Personal_Data__c is not editable for Social_Bridge_Rep'
        ]);
        expect(problemsOf(permissionSet, { ...reply, object: 'Account', kind: 'edit' })).toContain(
            'reply (public): edit Account is not allowed by Social_Bridge_Rep'
        );
    });

    it('covers every component that writes records, with the builders it writes through', () => {
        const writers = {};
        componentFiles().forEach((file) => {
            const source = readFileSync(file, 'utf8');
            if (
                /\b(createRecord|updateRecord|deleteRecord)\b/.test(source) &&
                source.includes('lightning/uiRecordApi')
            ) {
                const path = relative(root, file);
                writers[path] = (WRITERS[path] || []).filter((builder) => new RegExp(`\\b${builder}\\(`).test(source));
            }
        });
        expect(writers).toEqual(WRITERS);
    });
});
