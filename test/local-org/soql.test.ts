// The SOQL engine on its own, table-driven against a small store: operators, null handling, LIKE,
// date literals, ordering, paging, semi-joins, and the errors for what it does not implement.

import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { MemoryStore } from '../../local-org/src/data/memoryStore.js';
import { loadOrgSchema } from '../../local-org/src/schema/loadSchema.js';
import { runQuery } from '../../local-org/src/soql/query.js';
import { SoqlError } from '../../local-org/src/soql/soqlError.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const USER = '005000000000001AAA';
let store: MemoryStore;

function add(objectName: string, fields: Record<string, unknown>): string {
  const result = store.create(objectName, fields);
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

function names(soql: string): string[] {
  return runQuery(store.schema, store, soql, { apiVersion: '62.0', now: NOW }).records.map((record) =>
    String(record.Name ?? record.LastName),
  );
}

beforeAll(() => {
  const schema = loadOrgSchema(fileURLToPath(new URL('../../force-app', import.meta.url)));
  store = new MemoryStore(schema, { userId: USER, now: () => NOW });
  const acme = add('Account', { Name: 'Acme' });
  add('Account', { Name: 'Globex' });
  add('Contact', { FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com', AccountId: acme });
  add('Contact', { FirstName: 'Alan', LastName: 'Turing', AccountId: acme });
  add('Contact', { LastName: "O'Hara", Email: 'scarlett@example.org' });
  add('Contact', { FirstName: 'grace', LastName: 'hopper_100%', Email: 'GRACE@example.com' });
  const identity = add('Social_Identity__c', {
    Name: '@ada (x)',
    External_Id__c: 'x:1',
    Network__c: 'x',
    Network_User_Id__c: '1',
    Followers__c: 120,
    Is_Advocate__c: true,
  });
  for (const [index, postedAt] of [
    '2026-11-20T09:00:00Z',
    '2026-11-19T12:00:00Z',
    '2026-11-01T00:00:00Z',
    '2025-12-31T23:59:59Z',
  ].entries()) {
    add('Social_Interaction__c', {
      External_Id__c: `x:p${index}`,
      Network__c: 'x',
      Direction__c: 'Inbound',
      Visibility__c: 'Public',
      Posted_At__c: postedAt,
      Identity__c: identity,
    });
  }
});

describe('WHERE, ORDER BY and paging', () => {
  it.each([
    ["SELECT LastName FROM Contact WHERE Email = 'grace@EXAMPLE.com'", ['hopper_100%']],
    ['SELECT LastName FROM Contact WHERE Email = null ORDER BY LastName', ['Turing']],
    ['SELECT LastName FROM Contact WHERE Email != null ORDER BY LastName', ['hopper_100%', 'Lovelace', "O'Hara"]],
    ["SELECT LastName FROM Contact WHERE LastName = 'O\\'Hara'", ["O'Hara"]],
    ["SELECT LastName FROM Contact WHERE LastName LIKE 'hopper\\_100\\%'", ['hopper_100%']],
    [
      "SELECT LastName FROM Contact WHERE LastName LIKE '%o%' ORDER BY LastName DESC",
      ["O'Hara", 'Lovelace', 'hopper_100%'],
    ],
    ["SELECT LastName FROM Contact WHERE Account.Name IN ('Acme') AND NOT FirstName = 'Alan'", ['Lovelace']],
    ["SELECT LastName FROM Contact WHERE (FirstName = 'Ada' OR FirstName = 'Alan') AND Email != null", ['Lovelace']],
    [
      "SELECT LastName FROM Contact WHERE FirstName NOT IN ('Ada', 'Alan') ORDER BY LastName",
      ['hopper_100%', "O'Hara"],
    ],
    [
      'SELECT LastName FROM Contact ORDER BY FirstName NULLS LAST, LastName',
      ['Lovelace', 'Turing', 'hopper_100%', "O'Hara"],
    ],
    ['SELECT LastName FROM Contact ORDER BY FirstName DESC', ["O'Hara", 'hopper_100%', 'Turing', 'Lovelace']],
    ['SELECT LastName FROM Contact ORDER BY LastName LIMIT 2 OFFSET 1', ['Lovelace', "O'Hara"]],
    [
      "SELECT LastName FROM Contact WHERE AccountId IN (SELECT Id FROM Account WHERE Name = 'Acme') ORDER BY LastName",
      ['Lovelace', 'Turing'],
    ],
    ['SELECT Name FROM Social_Identity__c WHERE Followers__c >= 100 AND Is_Advocate__c = true', ['@ada (x)']],
    ['SELECT Name FROM Social_Identity__c WHERE Followers__c < 100', []],
  ])('%s', (soql, expected) => {
    expect(names(soql)).toEqual(expected);
  });

  it.each([
    ['Posted_At__c = TODAY', ['x:p0']],
    ['Posted_At__c = YESTERDAY', ['x:p1']],
    ['Posted_At__c = LAST_N_DAYS:30', ['x:p0', 'x:p1', 'x:p2']],
    ['Posted_At__c < THIS_YEAR', ['x:p3']],
    ['Posted_At__c >= 2026-11-19T12:00:00Z', ['x:p0', 'x:p1']],
    ['Posted_At__c > 2026-11-19T13:00:00+01:00', ['x:p0']],
  ])('date-times: %s', (condition, expected) => {
    const result = runQuery(
      store.schema,
      store,
      `SELECT External_Id__c FROM Social_Interaction__c WHERE ${condition} ORDER BY Posted_At__c DESC`,
      { apiVersion: '62.0', now: NOW },
    );
    expect(result.records.map((record) => record.External_Id__c)).toEqual(expected);
  });
});

describe('unsupported or wrong queries', () => {
  it.each([
    ['SELECT Name, COUNT(Id) FROM Contact', 'MALFORMED_QUERY'],
    ['SELECT SUM(Followers__c) FROM Social_Identity__c', 'MALFORMED_QUERY'],
    ['SELECT Id FROM Contact WHERE CALENDAR_YEAR(CreatedDate) = 2026', 'MALFORMED_QUERY'],
    ['SELECT Id FROM Contact WHERE Email = 5', 'INVALID_QUERY_FILTER_OPERATOR'],
    ["SELECT Id FROM Social_Identity__c WHERE Followers__c = '5'", 'INVALID_QUERY_FILTER_OPERATOR'],
    ["SELECT Id FROM Contact WHERE AccountId = 'nope'", 'INVALID_QUERY_FILTER_OPERATOR'],
    // THIS_FISCAL_QUARTER is a documented literal now answered (standard fiscal year); an unknown one is not.
    ['SELECT Id FROM Social_Interaction__c WHERE Posted_At__c = THIS_DECADE', 'MALFORMED_QUERY'],
    ['SELECT Id FROM Contact LIMIT 1 OFFSET 2001', 'NUMBER_OUTSIDE_VALID_RANGE'],
    ['SELECT Account.Nope FROM Contact', 'INVALID_FIELD'],
    ['SELECT Acount.Name FROM Contact', 'INVALID_FIELD'],
    [
      `SELECT Id FROM Contact WHERE Id IN (${Array.from({ length: 6000 }, () => "'003000000000000AAA'").join(',')})`,
      'MALFORMED_QUERY',
    ],
  ])('%s -> %s', (soql, code) => {
    expect(() => runQuery(store.schema, store, soql, { apiVersion: '62.0', now: NOW })).toThrow(
      expect.objectContaining({ errorCode: code }) as unknown as SoqlError,
    );
  });
});

describe('indexed lookups', () => {
  // An equality or IN on Id, an external id or a lookup is answered from the store's index; the
  // answer must be the one a scan gives: same records, insertion order, the rest of the clause applied.
  it('answers by lookup, external id and Id as a scan would', () => {
    const acme = store.list('Account')[0]!.Id;
    expect(names(`SELECT LastName FROM Contact WHERE AccountId = '${acme}'`)).toEqual(['Lovelace', 'Turing']);
    expect(names(`SELECT LastName FROM Contact WHERE AccountId = '${acme.slice(0, 15)}' AND Email != null`)).toEqual([
      'Lovelace',
    ]);
    // OR is not a chain of ANDs: it scans, and still finds the Contact without an account.
    expect(names(`SELECT LastName FROM Contact WHERE AccountId = '${acme}' OR LastName = 'O\\'Hara'`)).toEqual([
      'Lovelace',
      'Turing',
      "O'Hara",
    ]);
    const posts = (soql: string) =>
      runQuery(store.schema, store, soql, { apiVersion: '62.0', now: NOW }).records.map(
        (record) => record.External_Id__c,
      );
    // External_Id__c is unique and case-sensitive: "Comparisons on strings are case-sensitive for unique
    // case-sensitive fields" (SOQL and SOSL Reference, Comparison Operators).
    expect(
      posts("SELECT External_Id__c FROM Social_Interaction__c WHERE External_Id__c IN ('x:p2', 'X:P1', 'x:p0')"),
    ).toEqual(['x:p0', 'x:p2']);
    expect(posts("SELECT External_Id__c FROM Social_Interaction__c WHERE External_Id__c = 'X:P0'")).toEqual([]);
    const identity = store.findByExternalId('Social_Identity__c', 'External_Id__c', 'x:1')[0]!.Id;
    expect(posts(`SELECT External_Id__c FROM Social_Interaction__c WHERE Identity__c = '${identity}'`)).toEqual([
      'x:p0',
      'x:p1',
      'x:p2',
      'x:p3',
    ]);
    expect(names(`SELECT Name FROM Social_Identity__c WHERE Id IN ('${identity}')`)).toEqual(['@ada (x)']);
  });
});
