// `sf social replies deliver` end to end: the local org over HTTP (real jsforce) and the example
// receiver on 127.0.0.1. The contract is docs/delivery.md; the receipt fields are the data contract in
// docs/data-model.md. Conditional claims follow Salesforce's "Conditional Request Headers" page (see
// test/local-org/conditionalRequests.test.ts for the org side).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
// ajv 8 (JSON Schema 2020-12), as @salesforce/core depends on it.
import { Ajv2020 } from 'ajv/dist/2020.js';
import Deliver from '../../plugin/src/commands/social/replies/deliver.js';
import { importInteractions } from '../../plugin/src/interactions/import.js';
import { OrgClient } from '../../plugin/src/org/client.js';
import { deliverReplies, type DeliverOptions } from '../../plugin/src/replies/deliver.js';
import { WebhookTransport } from '../../plugin/src/replies/webhookTransport.js';
import { writeFixture } from '../plugin/fixtures.js';
import { queueReplies, record, SECRET, startOutboxOrg, type OutboxOrg } from './outboxOrg.js';
import { requestsPerKey, startReceiver, verifySignature, type Receiver } from './receiver.js';

const pluginRoot = fileURLToPath(new URL('../../plugin/', import.meta.url));

let outbox: OutboxOrg;
let receiver: Receiver;

beforeAll(async () => {
  outbox = await startOutboxOrg();
  receiver = await startReceiver({ secret: SECRET });
});

afterAll(async () => {
  await receiver?.close();
  await outbox?.org.stop();
});

const deliver = (extra: Partial<DeliverOptions> = {}) =>
  deliverReplies({
    connection: outbox.connection,
    transport: new WebhookTransport({ url: new URL(receiver.url), secret: SECRET }),
    dryRun: false,
    ...extra,
  });

describe('delivering queued replies', () => {
  it('posts each reply signed, with its Id as Idempotency-Key, and writes the receipt and the answered inbound', async () => {
    const { replyIds, inboundIds } = queueReplies(outbox.org, 3, { prefix: 'happy' });
    const result = await deliver();

    expect(result.counts).toMatchObject({ sent: 3, failed: 0, queued: 0 });
    for (const [index, id] of replyIds.entries()) {
      const post = receiver.posts.get(id)!;
      expect(post).toBeDefined();
      expect(id).toMatch(/^[a-zA-Z0-9]{18}$/);
      expect(post.payload).toMatchObject({
        idempotencyKey: id,
        network: 'x',
        visibility: 'Public',
        kind: 'Reply',
        body: `Answer ${index}`,
        inReplyTo: `happy-q${index}`,
        inReplyToExternalId: `x:happy-q${index}`,
        recipient: { userId: 'user-happy', handle: 'customer_happy' },
        attempt: 1,
      });
      const reply = record(outbox.org, id);
      expect(reply).toMatchObject({
        Delivery_Status__c: 'Sent',
        External_Id__c: `x:${post.postId}`,
        Permalink__c: post.permalink,
        Delivery_Attempts__c: 1,
        Delivery_Error__c: null,
        Delivery_Claim_Token__c: null,
        Delivery_Claimed_Until__c: null,
      });
      expect(reply.Delivered_At__c).toEqual(expect.any(String));
      expect(record(outbox.org, inboundIds[index]!)).toMatchObject({
        Status__c: 'Responded',
        First_Response_At__c: reply.Delivered_At__c,
      });
    }
    // Nothing is sent twice: a second run finds nothing queued.
    const again = await deliver();
    expect(again.replies).toEqual([]);
    expect([...requestsPerKey(receiver).values()].every((count) => count === 1)).toBe(true);
  });

  it('signs "<timestamp>.<raw body>" with the secret, as the receiver checks it', async () => {
    let seen: { timestamp?: string; signature?: string; rawBody?: Buffer } = {};
    const spy = await startReceiver({
      secret: SECRET,
      intercept: ({ headers, rawBody }) => {
        seen = {
          timestamp: String(headers['x-social-bridge-timestamp']),
          signature: String(headers['x-social-bridge-signature']),
          rawBody,
        };
        return undefined;
      },
    });
    try {
      queueReplies(outbox.org, 1, { prefix: 'signed' });
      await deliverReplies({
        connection: outbox.connection,
        transport: new WebhookTransport({ url: new URL(spy.url), secret: SECRET }),
        dryRun: false,
      });
      expect(seen.signature).toMatch(/^v1=[0-9a-f]{64}$/);
      expect(Math.abs(Number(seen.timestamp) - Date.now() / 1000)).toBeLessThan(60);
      const check = { timestamp: seen.timestamp, signatureHeader: seen.signature, rawBody: seen.rawBody! };
      expect(verifySignature({ secret: SECRET, ...check })).toBe(true);
      expect(verifySignature({ secret: 'another secret', ...check })).toBe(false);
      expect(verifySignature({ secret: SECRET, ...check, rawBody: Buffer.from(`${seen.rawBody!.toString()} `) })).toBe(
        false,
      );
      expect(verifySignature({ secret: SECRET, ...check, nowSeconds: Number(seen.timestamp) + 3600 })).toBe(false);
    } finally {
      await spy.close();
    }
  });

  it('sends bodies that docs/delivery-payload.schema.json accepts, and the schema refuses a broken one', async () => {
    const schema = JSON.parse(
      await readFile(new URL('../../docs/delivery-payload.schema.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    queueReplies(outbox.org, 1, { prefix: 'schema' });
    const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'schema-dm' });
    outbox.org.store.update('Social_Interaction__c', replyIds[0]!, {
      Visibility__c: 'Private',
      Kind__c: 'Direct Message',
      In_Reply_To__c: null,
      Identity__c: null,
    });
    await deliver();
    const payloads = [...receiver.posts.values()].map((post) => post.payload);
    expect(payloads.length).toBeGreaterThan(2);
    for (const payload of payloads) {
      expect({ key: payload.idempotencyKey, valid: validate(payload), errors: validate.errors ?? null }).toEqual({
        key: payload.idempotencyKey,
        valid: true,
        errors: null,
      });
    }
    expect(validate({ ...payloads[0], visibility: 'Semi-public' })).toBe(false);
    expect(validate({ ...payloads[0], attempt: 0 })).toBe(false);
  });

  it('keeps an inbound first response time that was already set', async () => {
    const { inboundIds } = queueReplies(outbox.org, 1, { prefix: 'early', firstResponseAt: '2026-11-20T10:01:00Z' });
    await deliver();
    expect(record(outbox.org, inboundIds[0]!)).toMatchObject({
      Status__c: 'Responded',
      First_Response_At__c: '2026-11-20T10:01:00.000+0000',
    });
  });

  it('gives the reply the post id, so a later import of the same post updates it instead of adding one', async () => {
    const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'imported' });
    await deliver();
    const reply = record(outbox.org, replyIds[0]!);
    const postId = String(reply.External_Id__c).slice('x:'.length);
    const org = new OrgClient(outbox.connection);
    await org.upsertCollections('Social_Channel__c', 'Network_Key__c', [
      { Network_Key__c: 'x', Name: 'X', Enabled__c: true, Response_SLA_Minutes__c: 60 },
    ]);
    const dir = await writeFixture({});
    const file = join(dir, 'export.ndjson');
    await writeFile(
      file,
      `${JSON.stringify({
        network: 'x',
        postId,
        userId: 'user-imported',
        handle: 'customer_imported',
        direction: 'Outbound',
        kind: 'Reply',
        inReplyTo: 'imported-q0',
        postedAt: '2026-11-20T10:05:00Z',
        body: 'Answer 0',
        permalink: String(reply.Permalink__c),
      })}\n`,
    );
    const imported = await importInteractions({
      file,
      connection: outbox.connection,
      dryRun: false,
      resultsDir: join(dir, 'results'),
    });
    expect(imported.counts.created).toBe(0);
    const same = await org.queryAll(
      `SELECT Id, Delivery_Status__c FROM Social_Interaction__c WHERE External_Id__c = 'x:${postId}'`,
    );
    expect(same).toEqual([{ Id: replyIds[0], Delivery_Status__c: 'Sent' }]);
  });

  it("keeps the reply's own id when an import already loaded the post, marks it Sent and says so", async () => {
    const spy = await startReceiver({
      secret: SECRET,
      intercept: () => ({
        status: 201,
        body: { postId: 'already-imported', permalink: 'https://x.com/i/already-imported' },
      }),
    });
    try {
      const earlier = queueReplies(outbox.org, 1, { prefix: 'imported-first' });
      outbox.org.store.update('Social_Interaction__c', earlier.replyIds[0]!, {
        External_Id__c: 'x:already-imported',
        Delivery_Status__c: 'Sent',
      });
      const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'receipt-dupe' });
      const before = record(outbox.org, replyIds[0]!).External_Id__c;
      const result = await deliverReplies({
        connection: outbox.connection,
        transport: new WebhookTransport({ url: new URL(spy.url), secret: SECRET }),
        dryRun: false,
      });
      expect(result.duplicatePosts).toEqual(['x:already-imported']);
      expect(result.receiptErrors).toEqual([]);
      expect(record(outbox.org, replyIds[0]!)).toMatchObject({
        External_Id__c: before,
        Delivery_Status__c: 'Sent',
        Permalink__c: 'https://x.com/i/already-imported',
      });
    } finally {
      await spy.close();
    }
  });

  it('lists what it would send with --dry-run, and claims, sends and writes nothing', async () => {
    const { replyIds } = queueReplies(outbox.org, 2, { prefix: 'dry' });
    const before = receiver.requests.length;
    const result = await deliver({ dryRun: true });
    expect(result.replies.map((reply) => reply.id).sort()).toEqual([...replyIds].sort());
    expect(result.counts.wouldSend).toBe(2);
    expect(receiver.requests.length).toBe(before);
    expect(replyIds.map((id) => record(outbox.org, id).Delivery_Status__c)).toEqual(['Queued', 'Queued']);
    await deliver();
  });

  it('sends at most --limit replies in a run', async () => {
    const { replyIds } = queueReplies(outbox.org, 3, { prefix: 'limit' });
    const result = await deliver({ limit: 2 });
    expect(result.counts.sent).toBe(2);
    expect(replyIds.filter((id) => record(outbox.org, id).Delivery_Status__c === 'Queued')).toHaveLength(1);
    await deliver();
  });
});

describe('the command', () => {
  const run = async (args: string[], env: Record<string, string | undefined>) => {
    const saved = { ...process.env };
    Object.assign(process.env, { SF_ORG_INSTANCE_URL: outbox.org.url, ...env });
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
    try {
      return await Deliver.run(['--target-org', outbox.org.accessToken, '--json', ...args], pluginRoot);
    } finally {
      process.env = saved;
    }
  };

  it('refuses to run without SOCIAL_BRIDGE_WEBHOOK_SECRET, and never prints the secret', async () => {
    await expect(run(['--webhook-url', receiver.url], { SOCIAL_BRIDGE_WEBHOOK_SECRET: undefined })).rejects.toThrow(
      /SOCIAL_BRIDGE_WEBHOOK_SECRET is not set/,
    );
    queueReplies(outbox.org, 1, { prefix: 'cmd' });
    const output: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      output.push(args.map(String).join(' '));
    });
    try {
      const result = await run(['--webhook-url', receiver.url], { SOCIAL_BRIDGE_WEBHOOK_SECRET: SECRET });
      expect(result.counts.sent).toBe(1);
    } finally {
      log.mockRestore();
      process.exitCode = undefined;
    }
    expect(output.join('')).toContain('"sent": 1');
    expect(output.join('')).not.toContain(SECRET);
  });

  it('exits 68 (partial success, in its ERROR CODES) when one reply is refused and the other delivered', async () => {
    const { replyIds } = queueReplies(outbox.org, 2, { prefix: 'partial' });
    const refusing = await startReceiver({
      secret: SECRET,
      // The second reply's key is refused as a receiver refuses a post the network does not take.
      intercept: ({ key }) => (key === replyIds[1] ? { status: 422, body: { error: 'post refused' } } : undefined),
    });
    // The --json document goes to console.log: kept out of the test report.
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const result = await run(['--webhook-url', refusing.url], { SOCIAL_BRIDGE_WEBHOOK_SECRET: SECRET });
      expect(result.counts).toMatchObject({ sent: 1, failed: 1, queued: 0 });
      expect(process.exitCode).toBe(68);
      expect(replyIds.map((id) => record(outbox.org, id).Delivery_Status__c)).toEqual(['Sent', 'Failed']);
      expect(JSON.stringify(Deliver.errorCodes)).toContain('PartialSuccess (68)');
    } finally {
      log.mockRestore();
      process.exitCode = undefined;
      await refusing.close();
    }
  });

  it('refuses http: to anything but a loopback address, and URLs with credentials', async () => {
    const env = { SOCIAL_BRIDGE_WEBHOOK_SECRET: SECRET };
    await expect(run(['--webhook-url', 'http://publisher.example.com/hook'], env)).rejects.toThrow(
      /http: to a host that is not this machine/,
    );
    await expect(run(['--webhook-url', 'http://10.0.0.5/hook'], env)).rejects.toThrow(/not this machine/);
    await expect(run(['--webhook-url', 'https://user:pw@publisher.example.com/hook'], env)).rejects.toThrow(
      /must not carry a user name or password/,
    );
    await expect(run(['--webhook-url', 'ftp://publisher.example.com/hook'], env)).rejects.toThrow(
      /not an http\(s\) address/,
    );
  });
});
