import { caseInput, localDateAfter, statusInput, subjectOf, taskInput } from '../actionRecords';

describe('actionRecords', () => {
    it.each([
        ['the first line', 'Where is my order?\nIt was due Monday.', 'Where is my order?'],
        ['skipping blank lines', '\n\n  Hello  \nthere', 'Hello'],
        ['the fallback for an empty body', '', 'SI-1'],
        ['255 characters at most', 'a'.repeat(300), `${'a'.repeat(254)}…`]
    ])('subject: %s', (_name, body, expected) => {
        expect(subjectOf(body, 'SI-1')).toBe(expected);
    });

    it('keeps an existing first response time when marking responded', () => {
        const now = new Date('2026-03-04T12:00:00.000Z');
        expect(statusInput({ id: 'a', firstResponseAt: 1 }, 'respond', ' ok ', now)).toEqual({
            fields: { Id: 'a', Status__c: 'Responded', Status_Reason__c: 'ok' }
        });
        expect(statusInput({ id: 'a' }, 'close', '', now).fields.Status_Reason__c).toBeNull();
    });

    it('describes a case without a permalink by its body alone', () => {
        expect(
            caseInput({ body: 'Hi', name: 'SI-1' }, { name: 'Facebook', caseOrigin: 'Social' }).fields
        ).toMatchObject({
            Subject: 'Hi',
            Description: 'Hi',
            Origin: 'Social',
            ContactId: null
        });
    });

    it("takes the case origin from the channel's setting, never its name (a restricted picklist refuses 'Facebook')", () => {
        expect(caseInput({ body: 'Hi' }, { name: 'Facebook', caseOrigin: null }).fields.Origin).toBe('Web');
    });

    it('relates a lead task to no record (the platform refuses WhatId with a lead)', () => {
        const { fields } = taskInput(
            { id: 'a01', leadId: '00Q1', contactId: null, body: 'Hi' },
            { subject: ' Call ', dueDate: '', ownerId: '005' }
        );
        expect(fields).toEqual({
            Subject: 'Call',
            ActivityDate: null,
            OwnerId: '005',
            WhoId: '00Q1',
            WhatId: null,
            Description: 'Hi'
        });
    });

    it('gives tomorrow on the local calendar, across a month end', () => {
        expect(localDateAfter(new Date(2026, 0, 31, 23, 30), 1)).toBe('2026-02-01');
    });
});
