// Conditional updates on sObject Rows, alone and as composite subrequests, as Salesforce documents them:
// - "Conditional Request Headers" (REST API Developer Guide,
//   https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/intro_rest_conditional_requests.htm):
//   If-Unmodified-Since compares with the record's last modified date; a request whose precondition
//   fails answers 412 Precondition Failed and is not processed; an invalid value on a PATCH answers 400.
// - "Update Records Using sObject Rows" lists If-Unmodified-Since for PATCH, format EEE, dd MMM yyyy HH:mm:ss z.
// - "Composite Request Body": a subrequest's httpHeaders may carry any header the resource supports except
//   Accept, Authorization and Content-Type, which it inherits; naming one fails the request with 400.
// The 412/400 bodies' error codes are the local org's own (the pages give the statuses, not the bodies).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API_VERSION, call, startSession, type Session } from './localOrgSession.js';

let session: Session;
let clock = new Date('2026-11-20T12:00:00.250Z');
const base = `/services/data/v${API_VERSION}`;

beforeAll(async () => {
  session = await startSession({ now: () => clock });
});

afterAll(async () => {
  await session.org.stop();
});

async function newContact(lastName: string): Promise<string> {
  const created = await session.conn.sobject('Contact').create({ LastName: lastName });
  return created.id!;
}

const httpDate = (iso: string): string => new Date(iso).toUTCString();

describe('If-Unmodified-Since on sObject Rows', () => {
  it('updates a record not modified after the date, and refuses with 412 one that was', async () => {
    clock = new Date('2026-11-20T12:00:00.250Z');
    const id = await newContact('Conditional');
    const path = `${base}/sobjects/Contact/${id}`;

    const stale = await call(
      session.org,
      'PATCH',
      path,
      { Title: 'stale' },
      {
        'If-Unmodified-Since': httpDate('2026-11-20T11:59:59Z'),
      },
    );
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual([expect.objectContaining({ errorCode: 'PRECONDITION_FAILED' })]);
    expect(session.org.store.get(id)?.record.Title).toBeNull();

    clock = new Date('2026-11-20T12:00:05.000Z');
    const fresh = await call(
      session.org,
      'PATCH',
      path,
      { Title: 'fresh' },
      {
        'If-Unmodified-Since': httpDate('2026-11-20T12:00:00Z'),
      },
    );
    expect(fresh.status).toBe(204);
    expect(session.org.store.get(id)?.record.Title).toBe('fresh');
  });

  it('compares to the second: two writes conditioned on the same second both pass within it', async () => {
    // Why the outbox writes a claim token with its conditional claim and reads it back (docs/delivery.md).
    clock = new Date('2026-11-20T12:01:00.100Z');
    const id = await newContact('Same second');
    const path = `${base}/sobjects/Contact/${id}`;
    const since = { 'If-Unmodified-Since': httpDate('2026-11-20T12:01:00Z') };
    clock = new Date('2026-11-20T12:01:00.600Z');
    const first = await call(session.org, 'PATCH', path, { Title: 'first' }, since);
    clock = new Date('2026-11-20T12:01:00.900Z');
    const second = await call(session.org, 'PATCH', path, { Title: 'second' }, since);
    expect([first.status, second.status]).toEqual([204, 204]);
    clock = new Date('2026-11-20T12:01:01.200Z');
    const third = await call(
      session.org,
      'PATCH',
      path,
      { Title: 'third' },
      {
        'If-Unmodified-Since': httpDate('2026-11-20T12:00:59Z'),
      },
    );
    expect(third.status).toBe(412);
  });

  it('answers 400 for a value that is not a date', async () => {
    const id = await newContact('Bad header');
    const answer = await call(
      session.org,
      'PATCH',
      `${base}/sobjects/Contact/${id}`,
      { Title: 'x' },
      {
        'If-Unmodified-Since': 'yesterday-ish',
      },
    );
    expect(answer.status).toBe(400);
    expect(session.org.store.get(id)?.record.Title).toBeNull();
  });
});

describe('conditional subrequests in a composite request', () => {
  it('runs each subrequest with its own httpHeaders: one updated, one 412, allOrNone false', async () => {
    clock = new Date('2026-11-20T12:02:00.000Z');
    const [a, b] = [await newContact('Composite A'), await newContact('Composite B')];
    clock = new Date('2026-11-20T12:02:03.000Z');
    const callsBefore = session.org.ctx.apiCalls.used;
    const answer = await call(session.org, 'POST', `${base}/composite`, {
      allOrNone: false,
      compositeRequest: [
        {
          method: 'PATCH',
          url: `${base}/sobjects/Contact/${a}`,
          referenceId: 'a',
          body: { Title: 'claimed' },
          httpHeaders: { 'If-Unmodified-Since': httpDate('2026-11-20T12:02:00Z') },
        },
        {
          method: 'PATCH',
          url: `${base}/sobjects/Contact/${b}`,
          referenceId: 'b',
          body: { Title: 'claimed' },
          httpHeaders: { 'If-Unmodified-Since': httpDate('2026-11-20T12:01:59Z') },
        },
      ],
    });
    expect(session.org.ctx.apiCalls.used - callsBefore).toBe(1);
    expect(answer.status).toBe(200);
    const responses = (answer.body as { compositeResponse: Array<{ referenceId: string; httpStatusCode: number }> })
      .compositeResponse;
    expect(responses.map((response) => [response.referenceId, response.httpStatusCode])).toEqual([
      ['a', 204],
      ['b', 412],
    ]);
    expect(session.org.store.get(a)?.record.Title).toBe('claimed');
    expect(session.org.store.get(b)?.record.Title).toBeNull();
  });

  it('fails the whole request with 400 when a subrequest names a header it inherits', async () => {
    const id = await newContact('Inherited header');
    const answer = await call(session.org, 'POST', `${base}/composite`, {
      compositeRequest: [
        {
          method: 'PATCH',
          url: `${base}/sobjects/Contact/${id}`,
          referenceId: 'a',
          body: { Title: 'x' },
          httpHeaders: { 'Content-Type': 'application/json' },
        },
      ],
    });
    expect(answer.status).toBe(400);
    expect(session.org.store.get(id)?.record.Title).toBeNull();
  });
});
