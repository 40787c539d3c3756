// The operators the documented schema has and the local org lacked until #16, run against stored
// records: a semi-join and anti-join on an Id (`inq`/`ninq`), a filter and a sort on a long text
// field, and quarter ranges in DateRange. Sources: test/contracts/uiapi/uiApiBase.graphql ([AFV]
// IdOperators, LongTextAreaOperators, AggregateOrderByStringClause, DateRange, DateLiteral) and,
// for picklist order, https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_orderby.htm
import { describe, expect, it } from '@jest/globals';
import { create, graphql, interaction, newStore, nodesOf } from '../../uiapi/uiApiOrg.js';

describe('documented UI API operators in the local org', () => {
  const store = newStore();
  const ada = create(store, 'Contact', { LastName: 'Lovelace' });
  const alan = create(store, 'Contact', { LastName: 'Turing' });
  const recent = interaction(store, {
    Contact__c: ada,
    Body__c: 'Where is my parcel?',
    Posted_At__c: '2026-10-05T09:00:00.000Z',
  });
  const old = interaction(store, { Contact__c: alan, Body__c: 'Thanks!', Posted_At__c: '2026-05-01T09:00:00.000Z' });

  const ids = async (where: unknown, orderBy?: unknown) =>
    nodesOf(
      await graphql(
        store,
        `
          query q($where: Social_Interaction__c_Filter, $orderBy: Social_Interaction__c_OrderBy) {
            uiapi {
              query {
                Social_Interaction__c(where: $where, orderBy: $orderBy) {
                  edges {
                    node {
                      Id
                    }
                  }
                }
              }
            }
          }
        `,
        { where, orderBy },
      ),
      'Social_Interaction__c',
    ).map((node) => node.Id);

  it('semi-joins and anti-joins on an Id with inq/ninq and ApiName', async () => {
    const contacts = async (operator: string) =>
      nodesOf(
        await graphql(
          store,
          `
            query q($where: Contact_Filter) {
              uiapi {
                query {
                  Contact(where: $where) {
                    edges {
                      node {
                        Id
                      }
                    }
                  }
                }
              }
            }
          `,
          {
            where: {
              Id: { [operator]: { Social_Interaction__c: { Body__c: { like: '%parcel%' } }, ApiName: 'Contact__c' } },
            },
          },
        ),
        'Contact',
      ).map((node) => node.Id);
    expect(await contacts('inq')).toEqual([ada]);
    expect(await contacts('ninq')).toEqual([alan]);
  });

  it('refuses `like` on an Id, as the documented IdOperators has none', async () => {
    const body = await graphql(
      store,
      `
        query {
          uiapi {
            query {
              Contact(where: { Id: { like: "003%" } }) {
                edges {
                  node {
                    Id
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(body.errors.map((error) => error.extensions.ErrorType)).toEqual(['ValidationError']);
  });

  it('filters and sorts on a long text field', async () => {
    expect(await ids({ Body__c: { like: '%parcel%' } })).toEqual([recent]);
    expect(await ids(undefined, { Body__c: { order: 'ASC' } })).toEqual([old, recent]);
  });

  it('sorts a picklist in the order its values are set up in (New, Needs_Response, Responded, Closed), not by name', async () => {
    // SOQL and SOSL Reference, "ORDER BY": picklist sorting is defined by the picklist's order in setup.
    const sorted = newStore();
    const closed = interaction(sorted, { Status__c: 'Closed' });
    const fresh = interaction(sorted, { Status__c: 'New' });
    const waiting = interaction(sorted, { Status__c: 'Needs_Response' });
    const body = await graphql(
      sorted,
      `
        query {
          uiapi {
            query {
              Social_Interaction__c(orderBy: { Status__c: { order: ASC } }) {
                edges {
                  node {
                    Id
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(nodesOf(body, 'Social_Interaction__c').map((node) => node.Id)).toEqual([fresh, waiting, closed]);
  });

  it('takes quarter ranges and literals (NOW is 2026-11-20: this quarter is Oct-Dec)', async () => {
    expect(await ids({ Posted_At__c: { eq: { literal: 'THIS_QUARTER' } } })).toEqual([recent]);
    expect(await ids({ Posted_At__c: { eq: { range: { n_quarters_ago: 2 } } } })).toEqual([old]);
    expect(await ids({ Posted_At__c: { eq: { range: { n_fiscal_quarters_ago: 2 } } } })).toEqual([old]);
    expect(await ids({ Posted_At__c: { eq: { literal: 'LAST_FISCAL_QUARTER' } } })).toEqual([]);
  });
});
