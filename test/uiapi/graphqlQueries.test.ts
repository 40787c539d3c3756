// UI API GraphQL queries against a store with force-app's schema: field values and display values,
// parent and child relationships, where operators (and SOQL's null and case rules), relationship
// filters, orderBy in written key order, variables, operation names and the validation errors.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MemoryStore } from '../../local-org/src/data/memoryStore.js';
import { connectionOf, create, graphql, interaction, newStore, nodesOf, type ConnectionView } from './uiApiOrg.js';

let store: MemoryStore;
const ids: Record<string, string> = {};

beforeAll(() => {
  store = newStore();
  ids.acme = create(store, 'Account', { Name: 'Acme' });
  ids.globex = create(store, 'Account', { Name: 'Globex' });
  ids.ana = create(store, 'Contact', { FirstName: 'Ana', LastName: 'Ruiz', AccountId: ids.acme });
  ids.bo = create(store, 'Contact', { FirstName: 'Bo', LastName: 'Chen', AccountId: ids.acme });
  ids.cy = create(store, 'Contact', { FirstName: 'Cy', LastName: 'Diaz', AccountId: ids.globex });
  ids.question = interaction(store, {
    Contact__c: ids.ana,
    Network__c: 'x',
    Kind__c: 'Direct Message',
    Visibility__c: 'Private',
    Status__c: 'Needs_Response',
    Intent__c: 'Question',
    Body__c: 'Where is my order?',
    Posted_At__c: '2026-11-20T09:30:00.000Z',
  });
  ids.praise = interaction(store, {
    Contact__c: ids.ana,
    Network__c: 'facebook',
    Status__c: 'Closed',
    Intent__c: 'Praise',
    Posted_At__c: '2026-11-18T14:02:00.000Z',
  });
  ids.complaint = interaction(store, {
    Contact__c: ids.bo,
    Network__c: 'X',
    Status__c: 'New',
    Intent__c: 'Complaint',
    Posted_At__c: '2026-10-01T08:00:00.000Z',
  });
  ids.globexPost = interaction(store, {
    Contact__c: ids.cy,
    Network__c: 'linkedin',
    Posted_At__c: '2026-11-19T08:00:00.000Z',
  });
  ids.orphan = interaction(store, { Network__c: 'reddit', Posted_At__c: '2026-11-17T08:00:00.000Z' });
});

const ID_QUERY = `
  query interactions($where: Social_Interaction__c_Filter, $orderBy: Social_Interaction__c_OrderBy) {
    uiapi { query { Social_Interaction__c(where: $where, orderBy: $orderBy, first: 100) { edges { node { Id } } totalCount } } }
  }`;

async function idsWhere(where: Record<string, unknown>, orderBy?: Record<string, unknown>): Promise<string[]> {
  const body = await graphql(store, ID_QUERY, { where, orderBy });
  expect(body.errors).toEqual([]);
  return nodesOf(body, 'Social_Interaction__c').map((node) => node.Id!);
}

describe('field values', () => {
  it('answers the UI API value shapes: plain Id, value/displayValue, ISO date-times, picklist labels, parents', async () => {
    const body = await graphql(
      store,
      `
        query one($id: ID) {
          uiapi {
            query {
              Social_Interaction__c(where: { Id: { eq: $id } }) {
                edges {
                  node {
                    Id
                    ApiName
                    Body__c {
                      value
                      displayValue
                    }
                    Status__c {
                      value
                      displayValue
                      label
                    }
                    Kind__c {
                      value
                      displayValue
                    }
                    Posted_At__c {
                      value
                      displayValue
                    }
                    Contains_Personal_Data__c {
                      value
                    }
                    Contact__c {
                      value
                    }
                    Contact__r {
                      Name {
                        value
                      }
                      Account {
                        Name {
                          value
                        }
                      }
                    }
                    Identity__r {
                      Handle__c {
                        value
                      }
                    }
                  }
                  cursor
                }
                pageInfo {
                  hasNextPage
                  hasPreviousPage
                  startCursor
                  endCursor
                }
                totalCount
                pageResultCount
              }
            }
          }
        }
      `,
      { id: ids.question },
    );
    expect(body.errors).toEqual([]);
    const [node] = nodesOf(body, 'Social_Interaction__c');
    expect(node).toEqual({
      Id: ids.question,
      ApiName: 'Social_Interaction__c',
      Body__c: { value: 'Where is my order?', displayValue: null },
      Status__c: { value: 'Needs_Response', displayValue: 'Needs Response', label: expect.any(String) },
      Kind__c: { value: 'Direct Message', displayValue: 'Direct Message' },
      Posted_At__c: { value: '2026-11-20T09:30:00.000Z', displayValue: expect.stringContaining('2026') },
      Contains_Personal_Data__c: { value: false },
      Contact__c: { value: ids.ana },
      Contact__r: { Name: { value: 'Ana Ruiz' }, Account: { Name: { value: 'Acme' } } },
      Identity__r: null,
    });
    const connection = connectionOf(body, 'Social_Interaction__c');
    expect(connection.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: 'djE6MA==',
      endCursor: 'djE6MA==',
    });
    expect(connection.totalCount).toBe(1);
    expect(connection.pageResultCount).toBe(1);
  });

  it('pages child relationships under a parent record', async () => {
    const body = await graphql(
      store,
      `
        {
          uiapi {
            query {
              Contact(where: { LastName: { eq: "Ruiz" } }) {
                edges {
                  node {
                    Name {
                      value
                    }
                    Social_Interactions__r(orderBy: { Posted_At__c: { order: ASC } }) {
                      edges {
                        node {
                          Id
                        }
                      }
                      totalCount
                    }
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(body.errors).toEqual([]);
    const [contact] = nodesOf(body, 'Contact');
    const interactions = contact!.Social_Interactions__r as unknown as ConnectionView;
    expect(interactions.totalCount).toBe(2);
    expect(interactions.edges.map((edge) => edge.node.Id)).toEqual([ids.praise, ids.question]);
  });
});

describe('child relationship paging', () => {
  const CHILD_PAGE = `query children($contact: Contact_Filter, $after: String) { uiapi { query { Contact(where: $contact) { edges { node {
    Social_Interactions__r(first: 1, after: $after, orderBy: { Posted_At__c: { order: ASC } }) { edges { node { Id } } pageInfo { endCursor } }
  } } } } } }`;

  it('pages the children of one parent record', async () => {
    const first = await graphql(store, CHILD_PAGE, { contact: { Id: { eq: ids.ana } } });
    const cursor = (nodesOf(first, 'Contact')[0]!.Social_Interactions__r as unknown as ConnectionView).pageInfo
      .endCursor;
    const second = await graphql(store, CHILD_PAGE, { contact: { Id: { eq: ids.ana } }, after: cursor });
    expect(second.errors).toEqual([]);
    expect(
      (nodesOf(second, 'Contact')[0]!.Social_Interactions__r as unknown as ConnectionView).edges.map(
        (edge) => edge.node.Id,
      ),
    ).toEqual([ids.question]);
  });

  it('refuses to page children while the parent query returns several records', async () => {
    const body = await graphql(store, CHILD_PAGE, { contact: { AccountId: { eq: ids.acme } }, after: 'djE6MA==' });
    expect(body.errors[0]!.message).toContain('limited to one record');
    expect(body.errors[0]!.path).toEqual(['uiapi', 'query', 'Contact', 'edges', 0, 'node', 'Social_Interactions__r']);
  });
});

describe('polymorphic lookups', () => {
  it('reads Task.Who through the Record interface with inline fragments', async () => {
    create(store, 'Task', { Subject: 'Call back', WhoId: ids.ana, Status: 'Not Started', Priority: 'Normal' });
    const body = await graphql(
      store,
      `
        {
          uiapi {
            query {
              Task {
                edges {
                  node {
                    Subject {
                      value
                    }
                    Who {
                      ApiName
                      DisplayValue
                      ... on Contact {
                        Email {
                          value
                        }
                        LastName {
                          value
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(body.errors).toEqual([]);
    expect(nodesOf(body, 'Task')[0]).toEqual({
      Subject: { value: 'Call back' },
      Who: { ApiName: 'Contact', DisplayValue: 'Ana Ruiz', Email: { value: null }, LastName: { value: 'Ruiz' } },
    });
  });
});

describe('where', () => {
  it('compares text case-insensitively with eq, ne, in, nin and like', async () => {
    expect(await idsWhere({ Network__c: { eq: 'x' } })).toEqual([ids.question, ids.complaint]);
    expect(await idsWhere({ Network__c: { in: ['FACEBOOK', 'linkedin'] } })).toEqual([ids.praise, ids.globexPost]);
    expect(await idsWhere({ Network__c: { nin: ['x', 'facebook'] } })).toEqual([ids.globexPost, ids.orphan]);
    expect(await idsWhere({ Network__c: { like: 'LINK%' } })).toEqual([ids.globexPost]);
    expect(await idsWhere({ Network__c: { ne: 'x' } })).toEqual([ids.praise, ids.globexPost, ids.orphan]);
  });

  it('follows SOQL null rules: eq null, ne null, and ne matching nulls', async () => {
    expect(await idsWhere({ Contact__c: { eq: null } })).toEqual([ids.orphan]);
    expect(await idsWhere({ Intent__c: { ne: null } })).toEqual([ids.question, ids.praise, ids.complaint]);
    expect(await idsWhere({ Intent__c: { ne: 'Question' } })).toEqual([
      ids.praise,
      ids.complaint,
      ids.globexPost,
      ids.orphan,
    ]);
  });

  it('compares date-times by value, literal and relative range', async () => {
    expect(await idsWhere({ Posted_At__c: { gte: { value: '2026-11-19T00:00:00Z' } } })).toEqual([
      ids.question,
      ids.globexPost,
    ]);
    expect(await idsWhere({ Posted_At__c: { lt: { value: '2026-11-01T00:00:00.000Z' } } })).toEqual([ids.complaint]);
    // The clock is 2026-11-20T12:00Z.
    expect(await idsWhere({ Posted_At__c: { eq: { literal: 'TODAY' } } })).toEqual([ids.question]);
    expect(await idsWhere({ Posted_At__c: { gte: { range: { last_n_days: 2 } } } })).toEqual([
      ids.question,
      ids.praise,
      ids.globexPost,
    ]);
  });

  it('combines and, or and not', async () => {
    expect(
      await idsWhere({
        or: [
          { Status__c: { eq: 'Needs_Response' } },
          { and: [{ Network__c: { eq: 'x' } }, { not: { Status__c: { eq: 'Closed' } } }] },
        ],
      }),
    ).toEqual([ids.question, ids.complaint]);
  });

  it('filters through parent relationships: every interaction of an account', async () => {
    expect(await idsWhere({ Contact__r: { AccountId: { eq: ids.acme } } })).toEqual([
      ids.question,
      ids.praise,
      ids.complaint,
    ]);
    expect(await idsWhere({ Contact__r: { Account: { Name: { like: 'glob%' } } } })).toEqual([ids.globexPost]);
  });

  it('accepts 15-character ids as well as 18', async () => {
    expect(await idsWhere({ Id: { eq: ids.praise!.slice(0, 15) } })).toEqual([ids.praise]);
  });
});

describe('orderBy', () => {
  it('sorts by the keys in the order written, with nulls placed as asked', async () => {
    // A picklist sorts in its setup order (Question, Complaint, Praise, ...), as SOQL's ORDER BY does.
    expect(await idsWhere({}, { Intent__c: { order: 'ASC', nulls: 'LAST' }, Posted_At__c: { order: 'DESC' } })).toEqual(
      [ids.question, ids.complaint, ids.praise, ids.globexPost, ids.orphan],
    );
    expect(await idsWhere({}, { Posted_At__c: { order: 'DESC' }, Intent__c: { order: 'ASC' } })).toEqual([
      ids.question,
      ids.globexPost,
      ids.praise,
      ids.orphan,
      ids.complaint,
    ]);
  });

  it('sorts by a parent field', async () => {
    const body = await graphql(
      store,
      `
        {
          uiapi {
            query {
              Social_Interaction__c(
                where: { Contact__c: { ne: null } }
                orderBy: { Contact__r: { LastName: { order: DESC } }, Posted_At__c: { order: ASC } }
              ) {
                edges {
                  node {
                    Contact__r {
                      LastName {
                        value
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(nodesOf(body, 'Social_Interaction__c').map((node) => node.Contact__r!.LastName!.value)).toEqual([
      'Ruiz',
      'Ruiz',
      'Diaz',
      'Chen',
    ]);
  });
});

describe('requests', () => {
  it('runs the named operation of a document with several', async () => {
    const document = `
      query channels { uiapi { query { Social_Channel__c { totalCount } } } }
      query contacts { uiapi { query { Contact { totalCount } } } }`;
    const body = await graphql(store, document, {}, { operationName: 'contacts' });
    expect(body).toEqual({ data: { uiapi: { query: { Contact: { totalCount: 3 } } } }, errors: [] });
  });

  it('fails validation naming a field that is not in force-app', async () => {
    const query = `{ uiapi { query { Social_Interaction__c { edges { node { Id Sentiment_Score__c { value } } } } } } }`;
    const body = await graphql(store, query);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toContain(
      "Field 'Sentiment_Score__c' in type 'Social_Interaction__c' is undefined",
    );
    expect(body.errors[0]!.extensions.ErrorType).toBe('ValidationError');
    expect(body.errors[0]!.locations).toEqual([{ line: 1, column: query.indexOf('Sentiment_Score__c') + 1 }]);
  });

  it('fails validation on a filter field that is not in force-app, and filters a long text area as a real org does', async () => {
    const unknown = await graphql(
      store,
      `
        {
          uiapi {
            query {
              Social_Interaction__c(where: { Mood__c: { eq: "x" } }) {
                totalCount
              }
            }
          }
        }
      `,
    );
    expect(unknown.errors[0]!.message).toContain('Mood__c');
    const longText = await graphql(
      store,
      `
        {
          uiapi {
            query {
              Social_Interaction__c(where: { Body__c: { like: "%order%" } }) {
                totalCount
              }
            }
          }
        }
      `,
    );
    // A real org's schema has LongTextAreaOperators on long text (test/contracts/uiapi/uiApiBase.graphql).
    expect(longText.errors).toEqual([]);
  });

  it('rejects variables of the wrong type', async () => {
    const body = await graphql(
      store,
      `
        query q($n: Int) {
          uiapi {
            query {
              Contact(first: $n) {
                totalCount
              }
            }
          }
        }
      `,
      { n: 'ten' },
    );
    expect(body.data).toBeNull();
    expect(body.errors[0]!.message).toContain('$n');
  });

  it('refuses variables in @skip and @include, and more than 10 subqueries', async () => {
    const skip = await graphql(
      store,
      `
        query q($hide: Boolean!) {
          uiapi {
            query {
              Contact {
                totalCount @skip(if: $hide)
              }
            }
          }
        }
      `,
      { hide: true },
    );
    expect(skip.errors[0]!.message).toContain('@skip');
    const aliases = Array.from({ length: 11 }, (_, index) => `c${index}: Contact { totalCount }`).join(' ');
    const tooMany = await graphql(store, `{ uiapi { query { ${aliases} } } }`);
    expect(tooMany.errors[0]!.message).toContain('at most 10');
    const ten = await graphql(
      store,
      `{ uiapi { query { ${Array.from({ length: 10 }, (_, index) => `c${index}: Contact { totalCount }`).join(' ')} } } }`,
    );
    expect(ten.errors).toEqual([]);
  });

  it('reports syntax errors as InvalidSyntax', async () => {
    const body = await graphql(store, `{ uiapi { query { Contact { totalCount } }`);
    expect(body.data).toBeNull();
    expect(body.errors[0]!.extensions.ErrorType).toBe('InvalidSyntax');
  });
});

describe('filters the store answers from an index', () => {
  // `{ Field: { eq } }` / `{ Field: { in } }` on Id or a lookup reads the index; the answer must be a
  // scan's: insertion order, the other conditions applied, 15-character ids accepted.
  it('finds by lookup and Id as a scan would', async () => {
    expect(await idsWhere({ Contact__c: { eq: ids.ana } })).toEqual([ids.question, ids.praise]);
    expect(await idsWhere({ Contact__c: { eq: ids.ana!.slice(0, 15) }, Status__c: { eq: 'Closed' } })).toEqual([
      ids.praise,
    ]);
    expect(await idsWhere({ Contact__c: { in: [ids.bo, ids.ana] } })).toEqual([
      ids.question,
      ids.praise,
      ids.complaint,
    ]);
    expect(await idsWhere({ Id: { in: [ids.orphan, ids.question] } })).toEqual([ids.question, ids.orphan]);
    expect(await idsWhere({ Id: { eq: ids.acme } })).toEqual([]);
  });
});
