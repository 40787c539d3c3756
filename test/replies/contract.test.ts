// The pure parts of the outbox, table-driven: what a receiver's answer means (docs/delivery.md, "The
// answers"; Retry-After as RFC 9110 section 10.2.3 defines it), which webhook URLs are allowed, the
// backoff, the inbound updates of a receipt, and reading an org date-time to the second.
import { describe, expect, it } from '@jest/globals';
import { secondOf } from '../../plugin/src/replies/claims.js';
import { toOutboundReply } from '../../plugin/src/replies/outboundReply.js';
import { toPayload } from '../../plugin/src/replies/payload.js';
import { inboundUpdates, receiptFields } from '../../plugin/src/replies/receipts.js';
import { classifyAnswer, plainReason, retryAfterMsOf, truncate } from '../../plugin/src/replies/receiverAnswer.js';
import { DEFAULT_DELIVERY_RETRY, pauseBefore } from '../../plugin/src/replies/retryPolicy.js';
import { checkWebhookUrl } from '../../plugin/src/replies/webhookUrl.js';

const NOW = new Date('2026-11-20T12:00:00Z');

describe("what the receiver's answer means", () => {
  it.each([
    [
      201,
      '{"postId":"p1","permalink":"https://x.com/a/status/p1"}',
      { kind: 'delivered', postId: 'p1', permalink: 'https://x.com/a/status/p1', alreadyDelivered: false },
    ],
    [200, '{"postId":"p2"}', { kind: 'delivered', postId: 'p2', permalink: null, alreadyDelivered: false }],
    [409, '{"postId":"p3"}', { kind: 'delivered', postId: 'p3', permalink: null, alreadyDelivered: true }],
    [409, '{"error":"conflict"}', { kind: 'refused', reason: 'receiver answered 409: conflict' }],
    [200, '{}', { kind: 'refused', reason: 'receiver answered 200 without a postId' }],
    [
      400,
      '{"message":"body too long for x"}',
      { kind: 'refused', reason: 'receiver answered 400: body too long for x' },
    ],
    [401, 'bad signature', { kind: 'refused', reason: 'receiver answered 401: bad signature' }],
    [302, '', { kind: 'refused', reason: 'receiver answered 302' }],
    [
      500,
      '<html><body>oops</body></html>',
      { kind: 'retry', reason: 'receiver answered 500: <html><body>oops</body></html>', reached: true },
    ],
    [502, '', { kind: 'retry', reason: 'receiver answered 502', reached: true }],
  ])('%i %s', (status, body, expected) => {
    expect(classifyAnswer({ status, retryAfter: null, body }, NOW)).toEqual(expected);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(classifyAnswer({ status: 429, retryAfter: '7', body: '' }, NOW)).toMatchObject({ retryAfterMs: 7000 });
    expect(retryAfterMsOf('Fri, 20 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(retryAfterMsOf('Fri, 20 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMsOf('soon', NOW)).toBeUndefined();
    expect(retryAfterMsOf(null, NOW)).toBeUndefined();
  });

  it('keeps a reason to one line of plain text within the 255 characters of Delivery_Error__c', () => {
    expect(plainReason('receiver answered 400', 'line one\nline\u202e two\u0000')).toBe(
      'receiver answered 400: line one line two',
    );
    const long = plainReason('receiver answered 400', '😀'.repeat(400));
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long.endsWith('…')).toBe(true);
    expect(truncate('short', 255)).toBe('short');
    // Never half a surrogate pair.
    expect(truncate('a😀😀', 4)).toBe('a😀…');
  });
});

describe('webhook URLs', () => {
  it.each([
    ['https://publisher.example.com/hook', 'ok'],
    ['http://127.0.0.1:8787/hook', 'ok'],
    ['http://127.9.9.9/hook', 'ok'],
    ['http://localhost:8787/hook', 'ok'],
    ['http://[::1]:8787/hook', 'ok'],
    ['http://publisher.example.com/hook', 'InsecureUrl'],
    ['http://10.0.0.1/hook', 'InsecureUrl'],
    ['http://127.0.0.1.example.com/hook', 'InsecureUrl'],
    ['https://user:secret@publisher.example.com/hook', 'CredentialsInUrl'],
    ['file:///etc/passwd', 'UnsupportedScheme'],
    ['not a url', 'NotAUrl'],
  ])('%s -> %s', (url, expected) => {
    const checked = checkWebhookUrl(url);
    expect('problem' in checked ? checked.problem : 'ok').toBe(expected);
  });
});

describe('backoff', () => {
  it('doubles from 1 s with jitter between half and all of it, capped; Retry-After wins', () => {
    const policy = DEFAULT_DELIVERY_RETRY;
    expect([1, 2, 3].map((send) => pauseBefore(send, policy, undefined, () => 1))).toEqual([1000, 2000, 4000]);
    expect(pauseBefore(1, policy, undefined, () => 0)).toBe(500);
    expect(pauseBefore(10, policy, undefined, () => 1)).toBe(30_000);
    expect(pauseBefore(1, policy, 5000, () => 1)).toBe(5000);
    expect(policy).toMatchObject({ attemptsPerRun: 4, maxAttempts: 10 });
  });
});

describe('receipts', () => {
  const reply = toOutboundReply({
    Id: 'a03000000000001AAA',
    Network__c: 'x',
    Visibility__c: 'Public',
    Kind__c: 'Reply',
    Body__c: 'thanks',
    In_Reply_To__c: 'x:100',
    Thread_Key__c: 'x:100',
    Posted_At__c: '2026-11-20T10:00:00.000+0000',
    Delivery_Status__c: 'Queued',
    Delivery_Attempts__c: null,
    LastModifiedDate: '2026-11-20T10:00:00.000+0000',
    Identity__r: { Network_User_Id__c: '42', Handle__c: 'jane' },
  });

  it('builds the payload from the reply, with the parent as the network knows it', () => {
    expect(toPayload(reply, 1)).toEqual({
      idempotencyKey: 'a03000000000001AAA',
      network: 'x',
      visibility: 'Public',
      kind: 'Reply',
      body: 'thanks',
      inReplyTo: '100',
      inReplyToExternalId: 'x:100',
      threadKey: 'x:100',
      recipient: { userId: '42', handle: 'jane' },
      queuedAt: '2026-11-20T10:00:00.000+0000',
      attempt: 1,
    });
  });

  it('writes the post id as the external id and clears the claim', () => {
    const at = new Date('2026-11-20T12:00:00Z');
    expect(
      receiptFields(reply, { kind: 'sent', postId: '555', permalink: null, at, alreadyDelivered: false, attempts: 1 }),
    ).toEqual({
      Id: reply.id,
      Delivery_Status__c: 'Sent',
      External_Id__c: 'x:555',
      Permalink__c: null,
      Delivered_At__c: '2026-11-20T12:00:00.000Z',
      Delivery_Error__c: null,
      Delivery_Attempts__c: 1,
      Delivery_Claim_Token__c: null,
      Delivery_Claimed_Until__c: null,
    });
  });

  it('answers each inbound once, from its earliest delivery, keeping a first response time and a Closed status', () => {
    const second = { ...reply, id: 'a03000000000002AAA' };
    const closed = { ...reply, id: 'a03000000000003AAA', inReplyTo: 'x:200' };
    const kept = { ...reply, id: 'a03000000000004AAA', inReplyTo: 'x:300' };
    const updates = inboundUpdates(
      [
        { reply, at: new Date('2026-11-20T12:00:05Z') },
        { reply: second, at: new Date('2026-11-20T12:00:01Z') },
        { reply: closed, at: new Date('2026-11-20T12:00:02Z') },
        { reply: kept, at: new Date('2026-11-20T12:00:03Z') },
      ],
      [
        { Id: 'i1', External_Id__c: 'x:100', Status__c: 'Needs_Response', First_Response_At__c: null },
        { Id: 'i2', External_Id__c: 'x:200', Status__c: 'Closed', First_Response_At__c: null },
        { Id: 'i3', External_Id__c: 'x:300', Status__c: 'Responded', First_Response_At__c: '2026-11-20T11:00:00Z' },
      ],
    );
    expect(updates).toEqual([
      { Id: 'i1', Status__c: 'Responded', First_Response_At__c: '2026-11-20T12:00:01.000Z' },
      { Id: 'i2', First_Response_At__c: '2026-11-20T12:00:02.000Z' },
    ]);
  });
});

describe('org date-times to the second', () => {
  it.each([
    ['2026-11-20T12:00:00.999+0000', Date.parse('2026-11-20T12:00:00Z') / 1000],
    ['2026-11-20T12:00:01.000+0000', Date.parse('2026-11-20T12:00:01Z') / 1000],
    ['2026-11-20T13:00:01.000+0100', Date.parse('2026-11-20T12:00:01Z') / 1000],
    ['2026-11-20T12:00:01Z', Date.parse('2026-11-20T12:00:01Z') / 1000],
  ])('%s', (value, expected) => {
    expect(secondOf(value)).toBe(expected);
  });
});
