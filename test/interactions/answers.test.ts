// Questions already in the org that an export's outbound messages answer.
import { describe, expect, it } from '@jest/globals';
import { answerUpdates } from '../../plugin/src/interactions/answers.js';

const at = (time: string): number => Date.parse(time);

describe('answerUpdates', () => {
  const questions = [
    { External_Id__c: 'x:1', Thread_Key__c: 'x:1', Posted_At__c: '2026-11-20T09:00:00.000+0000' },
    { External_Id__c: 'x:5', Thread_Key__c: 'x:1', Posted_At__c: '2026-11-20T11:00:00.000+0000' },
    { External_Id__c: 'x:7', Thread_Key__c: 'x:7', Posted_At__c: '2026-11-20T09:00:00.000+0000' },
    { External_Id__c: 'x:9', Thread_Key__c: 'x:1', Posted_At__c: '2026-11-20T08:00:00.000+0000' },
  ];
  const outbound = [
    { threadKey: 'x:1', postedAtMs: at('2026-11-20T10:00:00Z') },
    { threadKey: 'x:1', postedAtMs: at('2026-11-20T09:30:00Z') },
  ];

  it('marks each open question answered by the first later outbound message of its thread', () => {
    expect(answerUpdates(questions, outbound, new Set(['x:9']))).toEqual([
      {
        External_Id__c: 'x:1',
        Status__c: 'Responded',
        First_Response_At__c: '2026-11-20T09:30:00.000Z',
        Status_Reason__c: 'Import: answered in the same thread by the company',
      },
    ]);
  });

  it('leaves questions asked after the last answer, in other threads, or in the file itself', () => {
    const ids = answerUpdates(questions, outbound, new Set(['x:9'])).map((update) => update.External_Id__c);
    expect(ids).not.toContain('x:5');
    expect(ids).not.toContain('x:7');
    expect(ids).not.toContain('x:9');
  });
});
