// The LWCs' GraphQL queries, read from their modules, executed over HTTP against the local org
// (seeded demo company) with the variables the components send: no errors, and data that makes
// sense for each page (scope, filters, order, true counts, paging to the oldest interaction).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/main.js';
import { findQueryDocuments } from './queryDocuments.js';

const queries = Object.fromEntries(findQueryDocuments().map((document) => [document.exportName, document.text]));

// What the timeline sends (socialTimelinePaging): batches of 200 with a constant upperBound.
const FETCH_SIZE = 200;
const UPPER_BOUND = 50000;
const OPEN_STATUSES = ['New', 'Needs_Response'];
// What the catch-up asks for our replies not delivered yet (socialCatchUp.catchUpVariables).
/** What undeliveredOf should find for a contact, read from the org's store. */
const undeliveredInStore = (contactId: string) =>
  org.store
    .list('Social_Interaction__c')
    .filter(
      (record) =>
        record.Contact__c === contactId &&
        record.Direction__c === 'Outbound' &&
        ['Queued', 'Sending', 'Failed'].includes(String(record.Delivery_Status__c)) &&
        record.Status__c !== 'Closed',
    );
const undeliveredOf = (scope: Json): Json => ({
  and: [
    scope,
    { Direction__c: { eq: 'Outbound' } },
    { Delivery_Status__c: { in: ['Queued', 'Sending', 'Failed'] } },
    { Status__c: { ne: 'Closed' } },
  ],
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let org: LocalOrg;

/** POST /services/data/v62.0/graphql with the org's token; node:http keeps undici out of jest's vm. */
function graphql(query: string, variables: Json): Promise<{ data: Json; errors?: Json[] }> {
  const url = new URL('/services/data/v62.0/graphql', org.url);
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${org.accessToken}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function ok(query: string | undefined, variables: Json): Promise<Json> {
  expect(query).toBeDefined();
  const body = await graphql(query!, variables);
  expect(body.errors ?? []).toEqual([]);
  return body.data.uiapi.query;
}

const nodes = (connection: Json): Json[] => connection.edges.map((edge: Json) => edge.node);
const times = (list: Json[]): number[] => list.map((node) => Date.parse(node.Posted_At__c.value));

/** Every interaction the timeline can reach for `where`, the way the component pages. */
async function readTimeline(where: Json): Promise<{ all: Json[]; totalCount: number; requests: number }> {
  const all: Json[] = [];
  let after: string | null = null;
  let totalCount = -1;
  let requests = 0;
  for (;;) {
    const query = await ok(queries.TIMELINE_QUERY, { where, first: FETCH_SIZE, after, upperBound: UPPER_BOUND });
    const connection = query.Social_Interaction__c;
    if (totalCount < 0) totalCount = connection.totalCount;
    all.push(...nodes(connection));
    requests++;
    if (!connection.pageInfo.hasNextPage) return { all, totalCount, requests };
    after = connection.pageInfo.endCursor;
  }
}

function expectNewestFirst(list: Json[]): void {
  const posted = times(list);
  expect(posted.every((time, index) => index === 0 || posted[index - 1]! >= time)).toBe(true);
}

beforeAll(async () => {
  org = await startLocalOrg({ port: 0 });
});

afterAll(async () => {
  await org?.stop();
});

describe('socialTimeline queries on the local org', () => {
  it('reads a contact timeline to the oldest interaction, newest first, with the true count', async () => {
    const contactId = org.seed!.busiestContactId;
    const { all, totalCount } = await readTimeline({ Contact__c: { eq: contactId } });
    expect(totalCount).toBeGreaterThan(0);
    expect(all).toHaveLength(totalCount);
    expect(new Set(all.map((node) => node.Id)).size).toBe(totalCount);
    expect(all.every((node) => node.Contact__c.value === contactId)).toBe(true);
    expectNewestFirst(all);
    const first = all[0]!;
    expect(['Inbound', 'Outbound']).toContain(first.Direction__c.value);
    expect(first.Contact__r.Name.value).toEqual(expect.any(String));
    expect(typeof first.Network__c.value).toBe('string');
    const channels = nodes(
      (
        await ok(queries.TIMELINE_QUERY, {
          where: { Contact__c: { eq: contactId } },
          first: FETCH_SIZE,
          after: null,
          upperBound: UPPER_BOUND,
        })
      ).Social_Channel__c,
    );
    expect(channels.length).toBeGreaterThan(0);
    // Every interaction's network has a channel record to take its icon and SLA from.
    const keys = new Set(channels.map((channel) => channel.Network_Key__c.value));
    expect(all.filter((node) => !keys.has(node.Network__c.value))).toEqual([]);
  });

  it('applies the rep filters as the component sends them', async () => {
    const contactId = org.seed!.busiestContactId;
    const scope = { Contact__c: { eq: contactId } };
    const { all: everything } = await readTimeline(scope);
    const openInbound = everything.filter(
      (node) => node.Direction__c.value === 'Inbound' && OPEN_STATUSES.includes(node.Status__c.value),
    );
    expect(openInbound.length).toBeGreaterThan(0);
    const network = openInbound[0]!.Network__c.value as string;
    const { all, totalCount } = await readTimeline({
      and: [
        scope,
        { Network__c: { eq: network } },
        { Direction__c: { eq: 'Inbound' } },
        { Status__c: { in: OPEN_STATUSES } },
      ],
    });
    const expected = everything.filter(
      (node) =>
        node.Network__c.value === network &&
        node.Direction__c.value === 'Inbound' &&
        OPEN_STATUSES.includes(node.Status__c.value),
    );
    expect(totalCount).toBe(expected.length);
    expect(totalCount).toBeLessThan(everything.length);
    expect(all.map((node) => node.Id)).toEqual(expected.map((node) => node.Id));
  });

  it('reads our undelivered replies beside a filtered page, for the "reply queued" badge', async () => {
    const contactId = org.seed!.busiestContactId;
    const scope = { Contact__c: { eq: contactId } };
    const query = await ok(queries.TIMELINE_QUERY, {
      where: { and: [scope, { Direction__c: { eq: 'Inbound' } }, { Status__c: { in: OPEN_STATUSES } }] },
      first: FETCH_SIZE,
      after: null,
      upperBound: UPPER_BOUND,
      undelivered: undeliveredOf(scope),
    });
    const expected = undeliveredInStore(contactId);
    expect(expected.length).toBeGreaterThan(0);
    expect(
      nodes(query.undelivered)
        .map((node) => node.Id)
        .sort(),
    ).toEqual(expected.map((record) => record.Id).sort());
    expect(nodes(query.undelivered).map((node) => node.In_Reply_To__c.value)).toEqual(
      expect.arrayContaining(expected.map((record) => record.In_Reply_To__c ?? null)),
    );
    // The page itself holds only what the filter asks for: the replies come from the second connection.
    expect(nodes(query.Social_Interaction__c).every((node) => node.Direction__c.value === 'Inbound')).toBe(true);
  });

  it('narrows by a date range and by the paging window (Posted_At__c)', async () => {
    const contactId = org.seed!.busiestContactId;
    const scope = { Contact__c: { eq: contactId } };
    const { all: everything } = await readTimeline(scope);
    const middle = everything[Math.floor(everything.length / 2)]!.Posted_At__c.value as string;
    const { all: window } = await readTimeline({ and: [scope, { Posted_At__c: { lte: { value: middle } } }] });
    expect(window.map((node) => node.Id)).toEqual(
      everything.filter((node) => Date.parse(node.Posted_At__c.value) <= Date.parse(middle)).map((node) => node.Id),
    );
    const from = new Date(Date.parse(middle) - 7 * 86_400_000).toISOString();
    const { all: range } = await readTimeline({
      and: [scope, { Posted_At__c: { gte: { value: from } } }, { Posted_At__c: { lt: { value: middle } } }],
    });
    expect(times(range).every((time) => time >= Date.parse(from) && time < Date.parse(middle))).toBe(true);
  });

  it('keeps private messages out when the page shows public ones only', async () => {
    const contactId = org.seed!.busiestContactId;
    const { all, totalCount } = await readTimeline({
      and: [{ Contact__c: { eq: contactId } }, { Visibility__c: { eq: 'Public' } }],
    });
    expect(totalCount).toBeGreaterThan(0);
    expect(all.every((node) => node.Visibility__c.value === 'Public')).toBe(true);
  });

  it('reads every contact of an account, each labelled with its contact', async () => {
    const accountId = org.seed!.accountIds[0]!;
    const { all, totalCount } = await readTimeline({ Account__c: { eq: accountId } });
    expect(all).toHaveLength(totalCount);
    expect(all.every((node) => node.Contact__r === null || typeof node.Contact__r.Name.value === 'string')).toBe(true);
  });

  it("reads a case's interactions and its contact's", async () => {
    const withContact = [];
    for (const caseId of org.seed!.caseIds) {
      const cases = nodes((await ok(queries.CASE_CONTACT_QUERY, { caseId })).Case);
      expect(cases).toHaveLength(1);
      expect(cases[0]!.Id).toBe(caseId);
      const contactId = cases[0]!.ContactId.value as string | null;
      // The contact's name comes with it: catch-me-up names whom it summarises.
      expect(cases[0]!.Contact?.Name.value ?? null).toBe(
        contactId ? (org.store.get(contactId)?.record.Name ?? null) : null,
      );
      if (contactId) withContact.push({ caseId, contactId });
    }
    expect(withContact.length).toBeGreaterThan(0);
    const { caseId, contactId } = withContact[0]!;
    const { all } = await readTimeline({ or: [{ Case__c: { eq: caseId } }, { Contact__c: { eq: contactId } }] });
    const { totalCount: contactOnly } = await readTimeline({ Contact__c: { eq: contactId } });
    expect(all.length).toBeGreaterThanOrEqual(contactOnly);
  });

  it("leaves a Suggested identity's messages off the record until a rep confirms it", async () => {
    // What socialTimelineFilter.recordScope sends: the person, and only messages with no identity
    // or a Linked one (docs/interactions.md step 2; the parent filter is the GraphQL API's,
    // https://developer.salesforce.com/docs/platform/graphql/guide/filter-parent.html).
    const confirmedOnly = (clause: Json): Json => ({
      and: [clause, { or: [{ Identity__c: { eq: null } }, { Identity__r: { Link_Status__c: { eq: 'Linked' } } }] }],
    });
    const interactions = org.store.list('Social_Interaction__c');
    const suggested = org.store
      .list('Social_Identity__c')
      .find(
        (identity) =>
          identity.Link_Status__c === 'Suggested' &&
          interactions.some(
            (record) => record.Identity__c === identity.Id && record.Contact__c === identity.Contact__c,
          ),
      );
    expect(suggested).toBeDefined();
    const contactId = suggested!.Contact__c as string;
    const fromSuggested = (list: Json[]) => list.filter((node) => node.Identity__c.value === suggested!.Id);
    const statusOf = (identityId: unknown) =>
      identityId ? org.store.get(String(identityId))?.record.Link_Status__c : null;
    const expected = interactions.filter(
      (record) => record.Contact__c === contactId && (!record.Identity__c || statusOf(record.Identity__c) === 'Linked'),
    );

    const before = await readTimeline(confirmedOnly({ Contact__c: { eq: contactId } }));
    expect(before.totalCount).toBe(expected.length);
    expect(before.all.map((node) => node.Id).sort()).toEqual(expected.map((record) => record.Id).sort());
    expect(fromSuggested(before.all)).toEqual([]);
    const everything = await readTimeline({ Contact__c: { eq: contactId } });
    expect(fromSuggested(everything.all).length).toBeGreaterThan(0);

    // The rep confirms it: the panel's write (docs/lwc-components.md, "confirm a suggestion").
    org.store.update('Social_Identity__c', suggested!.Id as string, { Link_Status__c: 'Linked' });
    try {
      const after = await readTimeline(confirmedOnly({ Contact__c: { eq: contactId } }));
      expect(fromSuggested(after.all)).toHaveLength(fromSuggested(everything.all).length);
      expect(after.totalCount).toBe(before.totalCount + fromSuggested(everything.all).length);
    } finally {
      org.store.update('Social_Identity__c', suggested!.Id as string, { Link_Status__c: 'Suggested' });
    }
  });

  it("reads the whole threads of a page: each thread's head and every member, whatever page they are on", async () => {
    const contactId = org.seed!.busiestContactId;
    const scope = { Contact__c: { eq: contactId } };
    // A page size whose boundary cuts a thread: the last message shown has an older one in its thread.
    const { all } = await readTimeline(scope);
    const cut = all.findIndex(
      (node, index) =>
        index > 0 && all.slice(index + 1).some((older) => older.Thread_Key__c.value === node.Thread_Key__c.value),
    );
    expect(cut).toBeGreaterThan(0);
    const firstPage = await ok(queries.TIMELINE_QUERY, { where: scope, first: cut + 1, after: null, upperBound: null });
    const keys = [
      ...new Set(nodes(firstPage.Social_Interaction__c).map((node) => node.Thread_Key__c.value as string)),
    ].sort();
    expect(keys.length).toBeGreaterThan(0);
    // What socialTimeline.threadMembersVariables sends: the page's scope and the threads' keys.
    const members = await ok(queries.THREAD_MEMBERS_QUERY, {
      where: { and: [scope, { Thread_Key__c: { in: keys } }] },
    });
    const connection = members.Social_Interaction__c;
    expect(connection.pageInfo.hasNextPage).toBe(false);
    const inStore = org.store
      .list('Social_Interaction__c')
      .filter((record) => record.Contact__c === contactId && keys.includes(String(record.Thread_Key__c)));
    expect(
      nodes(connection)
        .map((node) => node.Id)
        .sort(),
    ).toEqual(inStore.map((record) => record.Id).sort());
    // Oldest first, so each thread's first member is its head.
    const posted = times(nodes(connection));
    expect(posted.every((time, index) => index === 0 || posted[index - 1]! <= time)).toBe(true);
    // Some thread started before the first page's oldest message: the page alone would mislabel it.
    const pageOldest = Math.min(...times(nodes(firstPage.Social_Interaction__c)));
    expect(posted[0]).toBeLessThan(pageOldest);
  });

  it('reaches all of 5,000 interactions of one contact with upperBound paging', async () => {
    const contactId = org.store.create('Contact', { LastName: 'Heavy Poster' });
    expect(contactId.success).toBe(true);
    const id = (contactId as { id: string }).id;
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 5000; i++) {
      const created = org.store.create('Social_Interaction__c', {
        External_Id__c: `x:heavy-${i}`,
        Network__c: 'x',
        Direction__c: 'Inbound',
        Visibility__c: 'Public',
        // Pairs share a timestamp: Id breaks the tie so no page overlaps or skips.
        Posted_At__c: new Date(start + Math.floor(i / 2) * 60_000).toISOString(),
        Contact__c: id,
        Body__c: `Post ${i}`,
      });
      expect(created.success).toBe(true);
    }
    const { all, totalCount, requests } = await readTimeline({ Contact__c: { eq: id } });
    expect(totalCount).toBe(5000);
    expect(new Set(all.map((node) => node.Id)).size).toBe(5000);
    expect(requests).toBe(25);
    expect(all[4999]!.Posted_At__c.value).toBe(new Date(start).toISOString());
    expectNewestFirst(all);

    // "Oldest" (issue 19 item 2): the dates of the oldest page, then the timeline's own query up to
    // the newest of them: two requests, and the window's totalCount says how many lie at or before it.
    const oldest = await ok(queries.OLDEST_QUERY, { where: { Contact__c: { eq: id } }, count: 20 });
    const oldestDates = times(nodes(oldest.Social_Interaction__c));
    expect(oldestDates).toHaveLength(20);
    expect(oldestDates.every((time, index) => index === 0 || oldestDates[index - 1]! <= time)).toBe(true);
    const jumpTo = new Date(oldestDates[19]!).toISOString();
    const jumped = await ok(queries.TIMELINE_QUERY, {
      where: { and: [{ Contact__c: { eq: id } }, { Posted_At__c: { lte: { value: jumpTo } } }] },
      first: FETCH_SIZE,
      after: null,
      upperBound: UPPER_BOUND,
    });
    const page = nodes(jumped.Social_Interaction__c);
    // Pairs share a timestamp: the 20th oldest's partner is on the same minute.
    expect(jumped.Social_Interaction__c.totalCount).toBe(20);
    expect(page.map((node) => node.Id)).toEqual(all.slice(4980).map((node) => node.Id));
    expect(jumped.Social_Interaction__c.pageInfo.hasNextPage).toBe(false);

    // Paging newer from that jump point: the same query oldest first ($order ASC), after the jump
    // only, with the same first/upperBound and cursors; the two sides together are all 5,000 once.
    // Salesforce: ResultOrder ASC/DESC in OrderByClause ("Order By Schema",
    // https://developer.salesforce.com/docs/platform/graphql/guide/order-schema.html).
    const newer: Json[] = [];
    let after: string | null = null;
    let newerCount = -1;
    for (let requests = 0; requests < 30; requests++) {
      const answer = await ok(queries.TIMELINE_QUERY, {
        where: { and: [{ Contact__c: { eq: id } }, { Posted_At__c: { gt: { value: jumpTo } } }] },
        first: FETCH_SIZE,
        after,
        upperBound: UPPER_BOUND,
        order: 'ASC',
      });
      const connection = answer.Social_Interaction__c;
      if (newerCount < 0) newerCount = connection.totalCount;
      newer.push(...nodes(connection));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(newerCount).toBe(4980);
    expect(newer.map((node) => node.Id)).toEqual(
      all
        .slice(0, 4980)
        .reverse()
        .map((node) => node.Id),
    );
  });
});

describe('socialIdentities and socialIdentityLink queries on the local org', () => {
  it("lists a contact's identities with their link status and the channels to link on", async () => {
    const contactId = org.seed!.busiestContactId;
    const query = await ok(queries.IDENTITIES_QUERY, { where: { Contact__c: { eq: contactId } } });
    const identities = nodes(query.Social_Identity__c);
    expect(identities.length).toBeGreaterThan(0);
    expect(query.Social_Identity__c.totalCount).toBe(identities.length);
    for (const identity of identities) {
      expect(['Unlinked', 'Linked', 'Suggested', 'Rejected']).toContain(identity.Link_Status__c.value);
      expect(typeof identity.Network__c.value).toBe('string');
    }
    const channels = nodes(query.Social_Channel__c);
    expect(channels.some((channel) => channel.Enabled__c.value === true)).toBe(true);
  });

  it('finds an identity by network and handle', async () => {
    const contactId = org.seed!.busiestContactId;
    const [known] = nodes(
      (await ok(queries.IDENTITIES_QUERY, { where: { Contact__c: { eq: contactId } } })).Social_Identity__c,
    ).filter((identity) => identity.Handle__c.value);
    expect(known).toBeDefined();
    const found = nodes(
      (await ok(queries.IDENTITY_LOOKUP_QUERY, { network: known!.Network__c.value, handle: known!.Handle__c.value }))
        .Social_Identity__c,
    );
    expect(found.map((identity) => identity.Id)).toContain(known!.Id);
    const none = nodes(
      (await ok(queries.IDENTITY_LOOKUP_QUERY, { network: 'x', handle: 'nobody_has_this_handle' })).Social_Identity__c,
    );
    expect(none).toEqual([]);
  });
});

describe('socialCaseContact query on the local org', () => {
  it('answers a case without a contact with no contact, and an unknown case with no case', async () => {
    const created = org.store.create('Case', { Subject: 'Walk-in, no contact yet', Status: 'New' });
    expect(created.success).toBe(true);
    const caseId = (created as { id: string }).id;
    const [withoutContact] = nodes((await ok(queries.CASE_CONTACT_QUERY, { caseId })).Case);
    expect(withoutContact).toEqual({ Id: caseId, ContactId: { value: null }, Contact: null });
    const unknown = nodes((await ok(queries.CASE_CONTACT_QUERY, { caseId: '500000000000000AAA' })).Case);
    expect(unknown).toEqual([]);
  });
});

describe('socialCatchUp query on the local org', () => {
  it('reads the recent window and every open item, with counts that agree with the timeline', async () => {
    const contactId = org.seed!.busiestContactId;
    const scope = { Contact__c: { eq: contactId } };
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const open = { and: [scope, { Direction__c: { eq: 'Inbound' } }, { Status__c: { in: OPEN_STATUSES } }] };
    const query = await ok(queries.CATCH_UP_QUERY, {
      recent: { and: [scope, { Posted_At__c: { gte: { value: since } } }] },
      open,
      undelivered: undeliveredOf(scope),
      first: 200,
    });
    expect(times(nodes(query.recent)).every((time) => time >= Date.parse(since))).toBe(true);
    expect(nodes(query.open).every((node) => OPEN_STATUSES.includes(node.Status__c.value))).toBe(true);
    // Our replies on their way or refused, however old, with what the rep is shown about them.
    const undelivered = nodes(query.undelivered);
    const expected = undeliveredInStore(contactId);
    expect(expected.length).toBeGreaterThan(0);
    expect(query.undelivered.totalCount).toBe(expected.length);
    expect(undelivered.map((node) => node.Id).sort()).toEqual(expected.map((record) => record.Id).sort());
    for (const node of undelivered) {
      expect(Object.keys(node)).toEqual(
        expect.arrayContaining(['Delivery_Error__c', 'Delivered_At__c', 'Delivery_Attempts__c', 'In_Reply_To__c']),
      );
    }
    const { totalCount } = await readTimeline(open);
    expect(query.open.totalCount).toBe(totalCount);
    expect(nodes(query.Social_Channel__c).length).toBeGreaterThan(0);
  });

  it("catches up on a case's contact: the case read first, then the contact's interactions", async () => {
    const caseId = org.seed!.caseIds[0]!;
    const [caseNode] = nodes((await ok(queries.CASE_CONTACT_QUERY, { caseId })).Case);
    const contactId = caseNode!.ContactId.value as string;
    expect(contactId).toEqual(expect.any(String));
    const scope = { Contact__c: { eq: contactId } };
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const query = await ok(queries.CATCH_UP_QUERY, {
      recent: { and: [scope, { Posted_At__c: { gte: { value: since } } }] },
      open: { and: [scope, { Direction__c: { eq: 'Inbound' } }, { Status__c: { in: OPEN_STATUSES } }] },
      undelivered: undeliveredOf(scope),
      first: 200,
    });
    const read = [...nodes(query.recent), ...nodes(query.open), ...nodes(query.undelivered)];
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((node) => node.Contact__c.value === contactId)).toBe(true);
    expect(read.every((node) => node.Contact__r.Name.value === caseNode!.Contact.Name.value)).toBe(true);
  });
});
