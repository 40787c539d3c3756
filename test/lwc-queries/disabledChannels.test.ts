// Channels an admin turned off, as the components read them, on the local org over HTTP with the
// components' own modules (socialTimelineFilter.buildWhere / disabledChannelsWhere,
// socialDisabledChannels): the admin's REST update of Social_Channel__c.Enabled__c shows in the
// channels the timeline and the catch-up read; the timeline's pages, its true count and the count of
// hidden messages leave out (and count) exactly that channel's messages; the catch-up's three
// connections leave them out. Every filter input is coerced against the UI API schema written from
// Salesforce's docs (test/contracts/uiapi), where `nin` and `in` are string operators
// (GraphQL API, "Filter": https://developer.salesforce.com/docs/platform/graphql/guide/filter-fields.html).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from 'jsforce';
import { coerceInputValue, type GraphQLInputType } from 'graphql';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/main.js';
import { independentSchema } from '../contracts/uiapi/independentSchema.js';
import { loadLwcModule } from './lwcModule.js';
import { findQueryDocuments } from './queryDocuments.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const queries = Object.fromEntries(findQueryDocuments().map((document) => [document.exportName, document.text]));
const filter = loadLwcModule<{
  EMPTY_FILTER: Json;
  OPEN_STATUSES: string[];
  recordScope: (objectApiName: string, recordId: string) => Json;
  buildWhere: (options: Json) => Json;
  disabledChannelsWhere: (options: Json) => Json | null;
}>('socialTimelineFilter');
const channels = loadLwcModule<{
  disabledChannelKeys: (channels: Json[]) => string[];
  withoutChannels: (where: Json, keys: string[]) => Json;
}>('socialDisabledChannels');

let org: LocalOrg;
let conn: Connection;
let contactId: string;
let sequence = 0;
const channelIds: Record<string, string> = {};

function create(objectName: string, fields: Json): string {
  const result = org.store.create(objectName, fields);
  if (!result.success) throw new Error(`${objectName}: ${JSON.stringify(result.errors)}`);
  return result.id;
}

/** One message of the contact's on a network: every other one a question still open. */
function message(network: string, fields: Json = {}): string {
  sequence += 1;
  return create('Social_Interaction__c', {
    External_Id__c: `${network}:post-${sequence}`,
    Network__c: network,
    Contact__c: contactId,
    Direction__c: 'Inbound',
    Visibility__c: 'Public',
    Kind__c: 'Post',
    Body__c: sequence % 2 ? `Where is order ${sequence}?` : 'Thanks!',
    Posted_At__c: new Date(Date.now() - sequence * 60_000).toISOString(),
    Status__c: sequence % 2 ? 'Needs_Response' : 'New',
    ...fields,
  });
}

/** The UI API GraphQL endpoint as an LWC reaches it; an answer with errors fails the test. */
async function graphql(query: string | undefined, variables: Json): Promise<Json> {
  expect(query).toBeDefined();
  const answer: Json = await conn.requestPost('/services/data/v62.0/graphql', { query, variables });
  expect(answer.errors ?? []).toEqual([]);
  return answer.data.uiapi.query;
}

const nodes = (connection: Json): Json[] => connection.edges.map((edge: Json) => edge.node);
const networks = (list: Json[]): string[] => [...new Set(list.map((node) => node.Network__c.value as string))].sort();

/** Channels as the components map them (socialInteractionModel.toChannel: unset means enabled). */
const channelsOf = (query: Json): Json[] =>
  nodes(query.Social_Channel__c).map((node) => ({
    networkKey: node.Network_Key__c.value,
    enabled: node.Enabled__c.value !== false,
  }));

const timeline = (where: Json): Promise<Json> =>
  graphql(queries.TIMELINE_QUERY, { where, first: 200, after: null, upperBound: 50000 });

function expectValidFilter(value: Json | null): void {
  expect(value).not.toBeNull();
  const errors: string[] = [];
  coerceInputValue(
    value,
    independentSchema().getType('Social_Interaction__c_Filter') as GraphQLInputType,
    (path, _invalid, error) => errors.push(`${path.join('.')}: ${error.message}`),
  );
  expect(errors).toEqual([]);
}

beforeAll(async () => {
  org = await startLocalOrg({ port: 0, empty: true });
  conn = new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: '62.0' });
  ['x', 'facebook', 'community'].forEach((key, index) => {
    channelIds[key] = create('Social_Channel__c', {
      Name: key === 'x' ? 'X' : key[0]!.toUpperCase() + key.slice(1),
      Network_Key__c: key,
      Enabled__c: true,
      Sort_Order__c: index + 1,
      Response_SLA_Minutes__c: 60,
    });
  });
  contactId = create('Contact', { LastName: 'Ruiz', FirstName: 'Ana' });
  for (let index = 0; index < 5; index++) message('x');
  for (let index = 0; index < 4; index++) message('facebook');
  for (let index = 0; index < 3; index++) message('community', { Visibility__c: 'Private' });
});

afterAll(async () => {
  await org?.stop();
});

describe('a channel an admin turned off', () => {
  it('leaves the timeline with its count, and the hidden ones are counted', async () => {
    const scope = filter.recordScope('Contact', contactId);
    const before = await timeline(scope);
    expect(channels.disabledChannelKeys(channelsOf(before))).toEqual([]);
    expect(before.Social_Interaction__c.totalCount).toBe(12);

    // The admin turns Facebook off with a REST update, as Setup or `sf data update record` would.
    await conn.sobject('Social_Channel__c').update({ Id: channelIds.facebook!, Enabled__c: false });

    // The component's first request (from the keys it knew: none) names the change in its channels.
    const seen = await timeline(scope);
    const disabledChannels = channels.disabledChannelKeys(channelsOf(seen));
    expect(disabledChannels).toEqual(['facebook']);

    const where = filter.buildWhere({ scope, filter: filter.EMPTY_FILTER, disabledChannels });
    expectValidFilter(where);
    const shown = (await timeline(where)).Social_Interaction__c;
    expect(shown.totalCount).toBe(8);
    expect(nodes(shown)).toHaveLength(8);
    expect(networks(nodes(shown))).toEqual(['community', 'x']);

    const hidden = filter.disabledChannelsWhere({ scope, disabledChannels });
    expectValidFilter(hidden);
    const counted = await graphql(queries.HIDDEN_COUNT_QUERY, { hidden });
    expect(counted.Social_Interaction__c.totalCount).toBe(4);

    // A page that shows public messages only hides (and counts) within that limit.
    const publicOnly = filter.buildWhere({ scope, filter: filter.EMPTY_FILTER, showPrivate: false, disabledChannels });
    expect((await timeline(publicOnly)).Social_Interaction__c.totalCount).toBe(5);
    const limitedHidden = filter.disabledChannelsWhere({ scope, allowedChannels: ['x'], disabledChannels });
    expect(limitedHidden).toBeNull();

    // A rep's remembered choice of the channel turned off is ignored, not widened to nothing.
    const remembered = filter.buildWhere({
      scope,
      filter: { ...filter.EMPTY_FILTER, channel: 'facebook' },
      disabledChannels,
    });
    expect((await timeline(remembered)).Social_Interaction__c.totalCount).toBe(8);

    await conn.sobject('Social_Channel__c').update({ Id: channelIds.facebook!, Enabled__c: true });
    expect(channels.disabledChannelKeys(channelsOf(await timeline(scope)))).toEqual([]);
  });

  it('is left out of the catch-up: no count, no open item, no reply of ours', async () => {
    await conn.sobject('Social_Channel__c').update({ Id: channelIds.facebook!, Enabled__c: false });
    try {
      const scope = filter.recordScope('Contact', contactId);
      const off = ['facebook'];
      const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
      const variables = {
        recent: channels.withoutChannels({ and: [scope, { Posted_At__c: { gte: { value: since } } }] }, off),
        open: channels.withoutChannels(
          { and: [scope, { Direction__c: { eq: 'Inbound' } }, { Status__c: { in: filter.OPEN_STATUSES } }] },
          off,
        ),
        undelivered: channels.withoutChannels(
          {
            and: [
              scope,
              { Direction__c: { eq: 'Outbound' } },
              { Delivery_Status__c: { in: ['Queued', 'Sending', 'Failed'] } },
            ],
          },
          off,
        ),
        first: 200,
      };
      Object.entries(variables).forEach(([name, value]) => name !== 'first' && expectValidFilter(value as Json));
      const query = await graphql(queries.CATCH_UP_QUERY, variables);
      expect(channels.disabledChannelKeys(channelsOf(query))).toEqual(off);
      expect(query.recent.totalCount).toBe(8);
      expect(networks(nodes(query.recent))).toEqual(['community', 'x']);
      expect(networks(nodes(query.open))).toEqual(['community', 'x']);
      expect(query.open.totalCount).toBe(nodes(query.open).length);
      expect(query.undelivered.totalCount).toBe(0);
    } finally {
      await conn.sobject('Social_Channel__c').update({ Id: channelIds.facebook!, Enabled__c: true });
    }
  });
});
