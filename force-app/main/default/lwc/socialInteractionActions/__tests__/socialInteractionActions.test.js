import { createElement } from '@lwc/engine-dom';
import SocialInteractionActions from 'c/socialInteractionActions';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import flushPromises from '../../../../../test/flushPromises';
import recordError from '../../../../../test/recordError';
// What the local org's UI API answers a rep with only Social_Bridge_Rep for
// /ui-api/object-info/batch/Social_Interaction__c,Social_Identity__c,Case,Task (fields trimmed to the
// flags the component reads).
import REP_OBJECT_INFOS from './data/objectInfosRep.json';

const INBOUND = {
    id: 'a01000000000001AAA',
    name: 'SI-00000001',
    externalId: 'x:1890001',
    network: 'x',
    direction: 'Inbound',
    visibility: 'Public',
    body: 'My order never arrived\nOrder 5521, placed last week.',
    permalink: 'https://x.com/ana_ruiz/status/1890001',
    threadKey: 'x:1890000',
    identityId: 'a02000000000001AAA',
    authorHandle: 'ana_ruiz',
    authorIsAdvocate: false,
    contactId: '003000000000001AAA',
    leadId: null,
    accountId: '001000000000001AAA',
    caseId: null,
    status: 'Needs_Response',
    statusLabel: 'Needs Response',
    firstResponseAt: null,
    deletedOnNetwork: false,
    lastModifiedDate: '2026-11-18T14:02:00.000Z'
};
const SEEN = { ifUnmodifiedSince: INBOUND.lastModifiedDate };
const X = {
    name: 'X',
    networkKey: 'x',
    replyLimit: 280,
    lengthCounting: 'X_Weighted',
    supportsPrivate: true,
    caseOrigin: 'Social'
};

function createActions(props = {}, objectInfos = REP_OBJECT_INFOS) {
    const element = createElement('c-social-interaction-actions', { is: SocialInteractionActions });
    Object.assign(element, { record: INBOUND, channel: X, ...props });
    const toasts = [];
    const refreshes = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));
    element.addEventListener('lightning__refresh', (event) => refreshes.push(event));
    document.body.appendChild(element);
    if (objectInfos) {
        getObjectInfos.emit(objectInfos);
    }
    return { element, toasts, refreshes };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

/** A button is clicked; an overflow menu item is chosen the way lightning-button-menu reports it. */
async function click(element, selector) {
    // Object info arrives through a wire: let the actions render first.
    await flushPromises();
    const target = $(element, selector);
    if (target.tagName === 'LIGHTNING-MENU-ITEM') {
        $(element, 'lightning-button-menu').dispatchEvent(
            new CustomEvent('select', { detail: { value: target.value } })
        );
    } else {
        target.click();
    }
    await flushPromises();
}

/** Object info with one object's or field's create/update access taken away. */
function withoutAccess(objectName, fieldName) {
    const copy = JSON.parse(JSON.stringify(REP_OBJECT_INFOS));
    const info = copy.results.find((entry) => entry.result.apiName === objectName).result;
    const target = fieldName ? info.fields[fieldName] : info;
    target.createable = false;
    target.updateable = false;
    return copy;
}

async function typeInto(element, selector, text) {
    const input = $(element, selector);
    input.value = text;
    input.dispatchEvent(new CustomEvent('input'));
    await flushPromises();
}

describe('c-social-interaction-actions', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers the actions that apply to an open inbound message', async () => {
        const { element } = createActions();
        await flushPromises();
        ['.action-reply', '.action-respond', '.action-close', '.action-case', '.action-advocate'].forEach((selector) =>
            expect($(element, selector)).not.toBeNull()
        );
        expect($(element, '.action-reopen')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers only close and case on our own outbound reply, and reopen once closed', async () => {
        const { element } = createActions({ record: { ...INBOUND, direction: 'Outbound', status: 'Responded' } });
        await flushPromises();
        expect($(element, '.action-reply')).toBeNull();
        expect($(element, '.action-respond')).toBeNull();
        expect($(element, '.action-advocate')).toBeNull();
        expect($(element, '.action-close')).not.toBeNull();
        const closed = createActions({
            record: { ...INBOUND, status: 'Closed', caseId: '500000000000001AAA', authorIsAdvocate: true }
        });
        await flushPromises();
        expect($(closed.element, '.action-reopen')).not.toBeNull();
        expect($(closed.element, '.action-close')).toBeNull();
        expect($(closed.element, '.action-case')).toBeNull();
        expect($(closed.element, '.action-advocate')).toBeNull();
    });

    it('opens and closes the reply composer with the interaction and channel', async () => {
        const { element } = createActions();
        await click(element, '.action-reply');
        const composer = $(element, 'c-social-reply-composer');
        expect(composer.record).toEqual(INBOUND);
        expect(composer.channel).toEqual(X);
        expect($(element, '.action-reply').getAttribute('aria-expanded')).toBe('true');
        composer.dispatchEvent(new CustomEvent('sent'));
        await flushPromises();
        expect($(element, 'c-social-reply-composer')).toBeNull();
    });

    it('marks responded with an optional reason and the first response time', async () => {
        updateRecord.mockResolvedValue({ id: INBOUND.id, fields: {} });
        const { element, toasts, refreshes } = createActions();
        await click(element, '.action-respond');
        await typeInto(element, '.status-reason', 'Answered by phone');
        await click(element, '.status-save');
        expect(updateRecord).toHaveBeenCalledWith(
            {
                fields: {
                    Id: INBOUND.id,
                    Status__c: 'Responded',
                    Status_Reason__c: 'Answered by phone',
                    First_Response_At__c: expect.any(String)
                }
            },
            SEEN
        );
        expect(toasts).toEqual([expect.objectContaining({ title: 'Marked as responded.', variant: 'success' })]);
        expect(refreshes).toHaveLength(1);
        expect($(element, '.status-panel')).toBeNull();
    });

    it('requires a reason to close, then closes', async () => {
        updateRecord.mockResolvedValue({ id: INBOUND.id, fields: {} });
        const { element, toasts } = createActions();
        await click(element, '.action-close');
        await click(element, '.status-save');
        expect(updateRecord).not.toHaveBeenCalled();
        expect($(element, '.reason-error').textContent).toBe('Say why, so the next rep knows.');
        await expect(element).toBeAccessible();
        await typeInto(element, '.status-reason', 'Spam');
        await click(element, '.status-save');
        expect(updateRecord).toHaveBeenCalledWith(
            { fields: { Id: INBOUND.id, Status__c: 'Closed', Status_Reason__c: 'Spam' } },
            SEEN
        );
        expect(toasts[0].title).toBe('Closed.');
    });

    it('reopens into the response queue', async () => {
        updateRecord.mockResolvedValue({ id: INBOUND.id, fields: {} });
        const { element, toasts } = createActions({ record: { ...INBOUND, status: 'Closed' } });
        await click(element, '.action-reopen');
        await typeInto(element, '.status-reason', 'Customer wrote back');
        await click(element, '.status-save');
        expect(updateRecord.mock.calls[0][0].fields).toEqual({
            Id: INBOUND.id,
            Status__c: 'Needs_Response',
            Status_Reason__c: 'Customer wrote back'
        });
        expect(toasts[0].title).toBe('Reopened: it waits for a response again.');
    });

    it('shows a field error from the UI API next to the reason, and keeps the panel', async () => {
        updateRecord.mockRejectedValue(
            recordError({
                Status_Reason__c: [
                    { errorCode: 'STRING_TOO_LONG', field: 'Status_Reason__c', message: 'Reason: data value too large' }
                ]
            })
        );
        const { element, toasts, refreshes } = createActions();
        await click(element, '.action-close');
        await typeInto(element, '.status-reason', 'x');
        await click(element, '.status-save');
        expect($(element, '.reason-error').textContent).toBe('Reason: data value too large');
        expect($(element, '.action-error')).toBeNull();
        expect($(element, '.status-panel')).not.toBeNull();
        expect(toasts).toEqual([]);
        expect(refreshes).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('shows a page-level failure under the actions', async () => {
        updateRecord.mockRejectedValue(
            recordError({}, [
                { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access rights on object id' }
            ])
        );
        const { element } = createActions();
        await click(element, '.action-respond');
        await click(element, '.status-save');
        expect($(element, '.action-error').textContent).toBe('Could not save: insufficient access rights on object id');
    });

    it('creates a case from the message and links the message to it', async () => {
        createRecord.mockResolvedValue({ id: '500000000000001AAA', fields: { CaseNumber: { value: '00001026' } } });
        updateRecord.mockResolvedValue({ id: INBOUND.id, fields: {} });
        const { element, toasts, refreshes } = createActions();
        await click(element, '.action-case');
        expect(createRecord).toHaveBeenCalledWith({
            apiName: 'Case',
            fields: {
                Subject: 'My order never arrived',
                Description: `${INBOUND.body}\n\n${INBOUND.permalink}`,
                Origin: 'Social',
                ContactId: INBOUND.contactId,
                AccountId: INBOUND.accountId,
                Status: 'New'
            }
        });
        expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: INBOUND.id, Case__c: '500000000000001AAA' } }, SEEN);
        expect(toasts).toEqual([expect.objectContaining({ title: 'Case 00001026 created.', variant: 'success' })]);
        expect(refreshes).toHaveLength(1);
    });

    it('uses Web as the origin when the channel has no record', async () => {
        createRecord.mockResolvedValue({ id: '500000000000001AAA', fields: {} });
        updateRecord.mockResolvedValue({});
        const { element } = createActions({ channel: null });
        await click(element, '.action-case');
        expect(createRecord.mock.calls[0][0].fields.Origin).toBe('Web');
    });

    it('asks before a second case for the same conversation', async () => {
        createRecord.mockResolvedValue({ id: '500000000000002AAA', fields: { CaseNumber: { value: '00001027' } } });
        updateRecord.mockResolvedValue({});
        const { element } = createActions({ threadHasCase: true });
        await click(element, '.action-case');
        expect(createRecord).not.toHaveBeenCalled();
        expect($(element, '.case-confirm-question').textContent).toBe(
            'A case already exists for this conversation: create another?'
        );
        await expect(element).toBeAccessible();
        await click(element, '.case-cancel');
        expect($(element, '.case-confirm')).toBeNull();
        await click(element, '.action-case');
        await click(element, '.case-create-another');
        expect(createRecord).toHaveBeenCalledTimes(1);
    });

    it('says the case exists when linking the message to it fails', async () => {
        createRecord.mockResolvedValue({ id: '500000000000001AAA', fields: { CaseNumber: { value: '00001026' } } });
        updateRecord.mockRejectedValue(
            recordError({}, [{ errorCode: 'ENTITY_IS_LOCKED', message: 'This record is locked.' }])
        );
        const { element, toasts, refreshes } = createActions();
        await click(element, '.action-case');
        const expected =
            'Case 00001026 was created, but this message could not be linked to it: This record is locked. Set the case on the message by hand.';
        expect($(element, '.action-error').textContent).toBe(expected);
        expect(toasts).toEqual([expect.objectContaining({ title: expected, variant: 'warning' })]);
        expect(refreshes).toHaveLength(1);
    });

    it('reports a case that could not be created', async () => {
        createRecord.mockRejectedValue(
            recordError({
                Origin: [
                    {
                        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                        field: 'Origin',
                        message: 'bad value for restricted picklist field: X'
                    }
                ]
            })
        );
        const { element, toasts } = createActions();
        await click(element, '.action-case');
        expect($(element, '.action-error').textContent).toBe(
            'Could not save: Origin: bad value for restricted picklist field: X'
        );
        expect(updateRecord).not.toHaveBeenCalled();
        expect(toasts).toEqual([]);
    });

    it('recognises the author as an advocate with a note', async () => {
        updateRecord.mockResolvedValue({ id: INBOUND.identityId, fields: {} });
        const { element, toasts, refreshes } = createActions();
        await click(element, '.action-advocate');
        await expect(element).toBeAccessible();
        await typeInto(element, '.advocate-note', 'Answers other customers every week');
        await click(element, '.advocate-save');
        expect(updateRecord).toHaveBeenCalledWith({
            fields: {
                Id: INBOUND.identityId,
                Is_Advocate__c: true,
                Advocate_Note__c: 'Answers other customers every week'
            }
        });
        expect(toasts).toEqual([
            expect.objectContaining({ title: '\u2068@ana_ruiz\u2069 recognised as an advocate.', variant: 'success' })
        ]);
        expect(refreshes).toHaveLength(1);
    });

    it('shows an advocate note error next to the note', async () => {
        updateRecord.mockRejectedValue(
            recordError({
                Advocate_Note__c: [
                    { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', field: 'Advocate_Note__c', message: 'Say why.' }
                ]
            })
        );
        const { element } = createActions({ record: { ...INBOUND, authorHandle: null, authorName: null } });
        await click(element, '.action-advocate');
        await click(element, '.advocate-save');
        expect($(element, '.note-error').textContent).toBe('Say why.');
        expect($(element, '.advocate-panel')).not.toBeNull();
    });

    it('creates a follow-up task for the rep, related to the message, due tomorrow by default', async () => {
        createRecord.mockResolvedValue({ id: '00T000000000001AAA', fields: {} });
        const { element, toasts, refreshes } = createActions();
        await click(element, '.action-task');
        expect($(element, '.task-subject').value).toBe('Follow up: My order never arrived');
        expect($(element, '.task-date').value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        await expect(element).toBeAccessible();
        const date = $(element, '.task-date');
        date.value = '2026-03-06';
        date.dispatchEvent(new CustomEvent('change'));
        await click(element, '.task-save');
        expect(createRecord).toHaveBeenCalledWith({
            apiName: 'Task',
            fields: {
                Subject: 'Follow up: My order never arrived',
                ActivityDate: '2026-03-06',
                OwnerId: '005000000000000000',
                WhoId: INBOUND.contactId,
                WhatId: INBOUND.id,
                Description: `${INBOUND.body}\n\n${INBOUND.permalink}`
            }
        });
        expect(toasts).toEqual([expect.objectContaining({ title: 'Follow-up task created.', variant: 'success' })]);
        expect(refreshes).toHaveLength(1);
    });

    it('needs a task subject, and shows a date error from the UI API next to the date', async () => {
        createRecord.mockRejectedValue(
            recordError({
                ActivityDate: [
                    {
                        errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        field: 'ActivityDate',
                        message: 'Due Date: value not of required type'
                    }
                ]
            })
        );
        const { element } = createActions();
        await click(element, '.action-task');
        await typeInto(element, '.task-subject', '  ');
        await click(element, '.task-save');
        expect($(element, '.task-subject-error').textContent).toBe('Give the task a subject.');
        expect(createRecord).not.toHaveBeenCalled();
        await typeInto(element, '.task-subject', 'Call back');
        await click(element, '.task-save');
        expect($(element, '.task-date-error').textContent).toBe('Due Date: value not of required type');
        expect($(element, '.action-error')).toBeNull();
    });

    describe('the action row', () => {
        it('shows the first action as a button and the rest in an overflow menu, as Lightning does', async () => {
            const { element } = createActions();
            await flushPromises();
            const primary = $(element, '.primary-action');
            expect(primary.tagName).toBe('LIGHTNING-BUTTON');
            expect(primary.label).toBe('Reply');
            const menu = $(element, 'lightning-button-menu');
            expect(menu.alternativeText).toBe('More actions');
            const items = [...element.shadowRoot.querySelectorAll('lightning-menu-item')].map((item) => item.value);
            expect(items).toEqual(['respond', 'close', 'case', 'task', 'advocate']);
            await expect(element).toBeAccessible();
        });

        it('offers nothing before object info arrives, or when it cannot be read', async () => {
            const { element } = createActions({}, null);
            await flushPromises();
            expect($(element, '.primary-action')).toBeNull();
            expect($(element, 'lightning-button-menu')).toBeNull();
            getObjectInfos.error();
            await flushPromises();
            expect($(element, '.primary-action')).toBeNull();
        });

        it('leaves out the actions the user may not take', async () => {
            const readOnly = createActions({}, withoutAccess('Social_Interaction__c'));
            await flushPromises();
            // No reply (create), no status change or case link (edit); a task and the advocate stay.
            expect($(readOnly.element, '.primary-action').label).toBe('Follow-up task');
            expect(
                [...readOnly.element.shadowRoot.querySelectorAll('lightning-menu-item')].map((i) => i.value)
            ).toEqual(['advocate']);
            document.body.removeChild(readOnly.element);

            const noAdvocate = createActions({}, withoutAccess('Social_Identity__c', 'Advocate_Note__c'));
            await flushPromises();
            expect($(noAdvocate.element, '.action-advocate')).toBeNull();
            expect($(noAdvocate.element, '.action-close')).not.toBeNull();
            document.body.removeChild(noAdvocate.element);

            const noTasks = createActions({}, withoutAccess('Task'));
            await flushPromises();
            expect($(noTasks.element, '.action-task')).toBeNull();
        });
    });

    describe('two reps on one message', () => {
        it('sends the status change on the version the rep saw, and on a conflict saves nothing and shows the fresh state', async () => {
            // What the UI API answers when the record changed after If-Unmodified-Since (412).
            updateRecord.mockRejectedValue({
                status: 412,
                ok: false,
                body: [
                    { errorCode: 'PRECONDITION_FAILED', message: 'The record was modified after If-Unmodified-Since.' }
                ]
            });
            const { element, toasts, refreshes } = createActions();
            await click(element, '.action-close');
            await typeInto(element, '.status-reason', 'Solved');
            await click(element, '.status-save');
            expect(updateRecord).toHaveBeenCalledWith(
                { fields: { Id: INBOUND.id, Status__c: 'Closed', Status_Reason__c: 'Solved' } },
                SEEN
            );
            expect($(element, '.action-error').textContent).toMatch(/^Someone else changed this message/);
            expect($(element, '.status-panel')).toBeNull();
            expect(toasts).toEqual([expect.objectContaining({ variant: 'warning' })]);
            expect(refreshes).toHaveLength(1);
            await expect(element).toBeAccessible();
        });
    });
});
