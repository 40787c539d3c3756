// ReadRound, the import's way to read: every step's queries in one OrgClient.queryMany, each step
// handed its own records once, IN lists sized by the SOQL length or, for values that each find a
// record, by the page size. The org is a stand-in that answers each query with its text.
import { describe, expect, it } from '@jest/globals';
import { ReadRound, RECORDS_PER_PAGE } from '../../plugin/src/interactions/readRound.js';
import type { OrgClient } from '../../plugin/src/org/client.js';
import { MAX_BODY_QUERY_LENGTH } from '../../plugin/src/org/soql.js';

/** An org that answers each query with one record holding its SOQL, and remembers each queryMany. */
function recordingOrg(): { org: OrgClient; sent: string[][] } {
  const sent: string[][] = [];
  const org = {
    queryMany: (queries: readonly string[]) => {
      sent.push([...queries]);
      return Promise.resolve(queries.map((soql) => [{ soql }]));
    },
  } as unknown as OrgClient;
  return { org, sent };
}

const valuesIn = (soql: string): number => (soql.match(/'(?:[^'\\]|\\.)*'/g) ?? []).length;

describe('ReadRound', () => {
  it('sends the queries of every step in one queryMany and hands each step its own records, once', async () => {
    const { org, sent } = recordingOrg();
    const round = new ReadRound();
    const channels = round.add<{ soql: string }>(['SELECT Id FROM Social_Channel__c']);
    const posts = round.inList<{ soql: string }>('SELECT Id FROM Social_Interaction__c WHERE External_Id__c', [
      "x:it's",
      'x:2',
    ]);
    const none = round.inList<{ soql: string }>('SELECT Id FROM Contact WHERE Id', []);
    await round.run(org);

    expect(sent).toEqual([
      [
        'SELECT Id FROM Social_Channel__c',
        "SELECT Id FROM Social_Interaction__c WHERE External_Id__c IN ('x:it\\'s','x:2')",
      ],
    ]);
    expect(channels()).toEqual([{ soql: 'SELECT Id FROM Social_Channel__c' }]);
    expect(posts()).toHaveLength(1);
    expect(none()).toEqual([]);
    expect(() => posts()).toThrow(/asked for twice/);
    expect(() => round.add(['SELECT Id FROM Lead'])).toThrow(/after the round ran/);
  });

  it('costs no call when no step has anything to read', async () => {
    const { org, sent } = recordingOrg();
    const round = new ReadRound();
    const nothing = round.inList('SELECT Id FROM Contact WHERE Id', new Set<string>());
    await round.run(org);
    expect(sent).toEqual([]);
    expect(nothing()).toEqual([]);
  });

  it.each([
    // [values, length of each, queries by SOQL length (inList), queries a page at most (eachFound)]
    [5_000, 10, 1, 3],
    [2_000, 60, 2, 2],
    [4_500, 60, 4, 5],
  ])('%i values of %i characters: by length in %i queries, by page in %i', async (count, length, byLength, byPage) => {
    const values = Array.from({ length: count }, (_, index) => String(index).padStart(length, '0'));
    const { org, sent } = recordingOrg();
    const round = new ReadRound();
    round.inList('SELECT Id FROM Social_Interaction__c WHERE External_Id__c', values);
    round.eachFound('SELECT Id FROM Social_Interaction__c WHERE External_Id__c', values);
    await round.run(org);

    const [queries] = sent as [string[]];
    const lengthSized = queries.slice(0, byLength);
    const pageSized = queries.slice(byLength);
    expect(queries).toHaveLength(byLength + byPage);
    for (const query of queries) expect(query.length).toBeLessThanOrEqual(MAX_BODY_QUERY_LENGTH);
    for (const query of pageSized) expect(valuesIn(query)).toBeLessThanOrEqual(RECORDS_PER_PAGE);
    // Every value is asked for exactly once by each kind of read.
    expect(lengthSized.reduce((sum, query) => sum + valuesIn(query), 0)).toBe(count);
    expect(pageSized.reduce((sum, query) => sum + valuesIn(query), 0)).toBe(count);
  });
});
