// The outbox under faults, each against the local org over HTTP and the example receiver on 127.0.0.1
// (issue 14, "Bad input and faults"): a receiver that fails then succeeds, asks to wait (Retry-After),
// loses its answer after posting, refuses (wrong secret, deleted parent) or is not there; two deliverers
// over the same 1,000 replies; a deliverer killed half-way and run again; a hostile body byte-identical.
// The receiver's contract is docs/delivery.md; claims follow Salesforce's "Conditional Request Headers".
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { connectTo } from '../plugin/localOrg.js';
import { deliverReplies, type DeliverOptions } from '../../plugin/src/replies/deliver.js';
import { WebhookTransport } from '../../plugin/src/replies/webhookTransport.js';
import { queueReplies, record, SECRET, startOutboxOrg, type OutboxOrg } from './outboxOrg.js';
import { requestsPerKey, startReceiver, type Intercept, type Receiver } from './receiver.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = join(root, 'test/replies/deliverChild.mjs');

let outbox: OutboxOrg;
const receivers: Receiver[] = [];

beforeAll(async () => {
  outbox = await startOutboxOrg();
});

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

afterAll(async () => {
  await outbox?.org.stop();
});

async function receiver(options: { intercept?: Intercept; deletedPosts?: Set<string>; secret?: string } = {}) {
  const started = await startReceiver({ secret: SECRET, ...options });
  receivers.push(started);
  return started;
}

const deliver = (to: Receiver, extra: Partial<DeliverOptions> = {}) =>
  deliverReplies({
    connection: outbox.connection,
    transport: new WebhookTransport({ url: new URL(to.url), secret: SECRET }),
    dryRun: false,
    retry: { baseMs: 50 },
    ...extra,
  });

/** The first `times` requests of each key get `answer`; later ones are handled normally. */
function failFirst(times: number, answer: ReturnType<Intercept>): Intercept {
  const seen = new Map<string, number>();
  return ({ key }) => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count <= times ? answer : undefined;
  };
}

describe('a receiver that fails for a while', () => {
  it('500 then 200: delivered once, two attempts', async () => {
    const to = await receiver({ intercept: failFirst(1, { status: 500, body: { error: 'database away' } }) });
    const { replyIds } = queueReplies(outbox.org, 2, { prefix: 'e500' });
    const result = await deliver(to);
    expect(result.counts).toMatchObject({ sent: 2, failed: 0, queued: 0 });
    expect(to.posts.size).toBe(2);
    for (const id of replyIds) {
      expect(requestsPerKey(to).get(id)).toBe(2);
      expect(record(outbox.org, id)).toMatchObject({ Delivery_Status__c: 'Sent', Delivery_Attempts__c: 2 });
    }
  });

  it('429 with Retry-After: waits as long as asked before sending again', async () => {
    const to = await receiver({ intercept: failFirst(1, { status: 429, headers: { 'retry-after': '1' } }) });
    const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'e429' });
    const result = await deliver(to);
    expect(result.counts.sent).toBe(1);
    const times = to.requests.filter((request) => request.key === replyIds[0]).map((request) => request.at);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
  });

  it('a Retry-After beyond what a run waits leaves the reply queued with the reason, exit-worthy', async () => {
    const to = await receiver({ intercept: failFirst(1, { status: 429, headers: { 'retry-after': '3600' } }) });
    const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'e429long' });
    const result = await deliver(to);
    expect(result.counts).toMatchObject({ sent: 0, queued: 1 });
    expect(record(outbox.org, replyIds[0]!)).toMatchObject({
      Delivery_Status__c: 'Queued',
      Delivery_Attempts__c: 1,
      Delivery_Error__c: 'receiver answered 429',
      Delivery_Claim_Token__c: null,
    });
    // The next run sends it again and it goes through.
    const next = await deliver(to);
    expect(next.counts.sent).toBe(1);
    expect(record(outbox.org, replyIds[0]!)).toMatchObject({ Delivery_Status__c: 'Sent', Delivery_Attempts__c: 2 });
  });

  it('posted, but the connection dropped before the answer: sent again with the same key, one post, one Sent reply', async () => {
    const to = await receiver({ intercept: failFirst(1, 'reset-after-post') });
    const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'reset' });
    const result = await deliver(to);
    expect(result.replies[0]).toMatchObject({ outcome: 'Sent', alreadyDelivered: true, attempts: 2 });
    expect(requestsPerKey(to).get(replyIds[0]!)).toBe(2);
    expect(to.posts.size).toBe(1);
    const post = to.posts.get(replyIds[0]!)!;
    const sent = outbox.org.store
      .list('Social_Interaction__c')
      .filter((interaction) => interaction.External_Id__c === `x:${post.postId}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ Id: replyIds[0], Delivery_Status__c: 'Sent' });
  });

  it('no answer within the timeout: sent again with the same key, and the receiver answers 409 for its post', async () => {
    const to = await startReceiver({ secret: SECRET, latencyMs: 600 });
    receivers.push(to);
    const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'slow' });
    const result = await deliverReplies({
      connection: outbox.connection,
      transport: new WebhookTransport({ url: new URL(to.url), secret: SECRET, timeoutMs: 300 }),
      dryRun: false,
      // The first send times out at 300 ms; the retry after 1 s finds the post made meanwhile.
      retry: { baseMs: 1000 },
      random: () => 1,
    });
    expect(result.replies[0]).toMatchObject({ outcome: 'Sent', alreadyDelivered: true, attempts: 2 });
    expect(to.posts.size).toBe(1);
    expect(record(outbox.org, replyIds[0]!)).toMatchObject({
      Delivery_Status__c: 'Sent',
      External_Id__c: `x:${to.posts.get(replyIds[0]!)!.postId}`,
    });
  });

  it('gives up after the documented attempts and marks the reply Failed', async () => {
    const to = await receiver({ intercept: () => ({ status: 503, body: { error: 'maintenance' } }) });
    const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'e503' });
    const runs = [];
    for (let run = 0; run < 3; run += 1) runs.push(await deliver(to));
    expect(runs.map((run) => [run.counts.queued, run.counts.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(requestsPerKey(to).get(replyIds[0]!)).toBe(10);
    expect(record(outbox.org, replyIds[0]!)).toMatchObject({
      Delivery_Status__c: 'Failed',
      Delivery_Attempts__c: 10,
      Delivery_Error__c: 'gave up after 10 attempts: receiver answered 503: maintenance',
    });
  });
});

describe('a receiver that refuses', () => {
  it('wrong secret: 401, Failed with the reason, not retried', async () => {
    const to = await receiver({ secret: 'the receiver has another secret' });
    const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'e401' });
    const result = await deliver(to);
    expect(result.counts).toMatchObject({ failed: 1, sent: 0 });
    expect(record(outbox.org, replyIds[0]!)).toMatchObject({
      Delivery_Status__c: 'Failed',
      Delivery_Error__c: 'receiver answered 401: signature does not match: check SOCIAL_BRIDGE_WEBHOOK_SECRET',
      Delivery_Attempts__c: 1,
    });
    expect(await deliver(to)).toMatchObject({ replies: [] });
    expect(requestsPerKey(to).get(replyIds[0]!)).toBe(1);
  });

  it('a reply whose parent was deleted on the network: refused, shown as failed', async () => {
    const to = await receiver({ deletedPosts: new Set(['gone-q0']) });
    const { replyIds, inboundIds } = queueReplies(outbox.org, 1, { prefix: 'gone' });
    await deliver(to);
    expect(record(outbox.org, replyIds[0]!)).toMatchObject({
      Delivery_Status__c: 'Failed',
      Delivery_Error__c: 'receiver answered 422: the post gone-q0 was deleted on x',
    });
    // Not delivered: the inbound is not answered.
    expect(record(outbox.org, inboundIds[0]!)).toMatchObject({
      Status__c: 'Needs_Response',
      First_Response_At__c: null,
    });
  });

  it('unreachable: nothing sent, every reply queued with its attempts unchanged, the run says why', async () => {
    const to = await receiver();
    await to.close();
    const { replyIds } = queueReplies(outbox.org, 3, { prefix: 'down' });
    const result = await deliver(to);
    expect(result.receiverUnreachable).toMatch(/could not be reached \(ECONNREFUSED\)/);
    expect(result.counts).toMatchObject({ sent: 0, failed: 0, queued: 3 });
    for (const id of replyIds) {
      expect(record(outbox.org, id)).toMatchObject({ Delivery_Status__c: 'Queued', Delivery_Attempts__c: 0 });
    }
  });
});

describe('hostile text', () => {
  it('a body with HTML, RTL overrides, emoji and 10,000 characters arrives byte-identical', async () => {
    const to = await receiver();
    const core = `<script>alert("x")</script><b>bold</b> \u202Eevil\u202C \u2067iso\u2069 😀👍🏽 "quotes" \\ back\r\n`;
    const body = core.repeat(Math.ceil(10_000 / core.length)).slice(0, 10_000 - 2) + '🎉';
    const { replyIds } = queueReplies(outbox.org, 1, { prefix: 'hostile', body: () => body });
    expect(record(outbox.org, replyIds[0]!).Body__c).toBe(body);
    await deliver(to);
    const post = to.posts.get(replyIds[0]!)!;
    expect(Buffer.from(String(post.payload.body), 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(post.rawBody.includes(Buffer.from(JSON.stringify(body), 'utf8'))).toBe(true);
    expect(record(outbox.org, replyIds[0]!).Delivery_Status__c).toBe('Sent');
  });
});

describe('an org that fails for a while', () => {
  it('503s, resets before and after processing, locked rows: every reply sent exactly once, every receipt written', async () => {
    const faulty = await startOutboxOrg();
    try {
      const to = await receiver();
      const count = 200;
      const { replyIds, inboundIds } = queueReplies(faulty.org, count, { prefix: 'org-faults' });
      // After the setup writes: the org now fails a share of the calls, and of the record writes in them.
      Object.assign(faulty.org.ctx.faults, {
        unavailableRate: 0.1,
        resetRate: 0.05,
        resetAfterRate: 0.05,
        lockRowRate: 0.05,
        lockRowObjects: ['Social_Interaction__c'],
        seed: 14,
      });
      const runs = [];
      // A claim the org refused to the end stays Queued for the next run: at most a few runs.
      for (
        let run = 0;
        run < 3 && replyIds.some((id) => record(faulty.org, id).Delivery_Status__c !== 'Sent');
        run += 1
      ) {
        runs.push(
          await deliverReplies({
            connection: faulty.connection,
            transport: new WebhookTransport({ url: new URL(to.url), secret: SECRET }),
            dryRun: false,
          }),
        );
      }
      faulty.org.ctx.faults.unavailableRate = 0;
      expect(runs.flatMap((run) => run.receiptErrors)).toEqual([]);
      expect(replyIds.filter((id) => record(faulty.org, id).Delivery_Status__c !== 'Sent')).toEqual([]);
      expect(to.posts.size).toBe(count);
      const perKey = requestsPerKey(to);
      expect(replyIds.filter((id) => perKey.get(id) !== 1)).toEqual([]);
      expect(inboundIds.filter((id) => record(faulty.org, id).Status__c !== 'Responded')).toEqual([]);
    } finally {
      await faulty.org.stop();
    }
  });
});

describe('more than one deliverer', () => {
  it('two deliverers over the same 1,000 queued replies at once: each reply is sent exactly once', async () => {
    const to = await receiver();
    const { replyIds } = queueReplies(outbox.org, 1000, { prefix: 'pair' });
    const second = connectTo(outbox.org);
    const [a, b] = await Promise.all([
      deliver(to),
      deliverReplies({
        connection: second,
        transport: new WebhookTransport({ url: new URL(to.url), secret: SECRET }),
        dryRun: false,
      }),
    ]);
    expect(a.counts.sent + b.counts.sent).toBe(1000);
    // They competed: claims one of them made were found to be the other's. (How the replies split
    // between them varies from run to run, and may be very uneven: whole composites of 25 are won.)
    expect(a.counts.claimedElsewhere + b.counts.claimedElsewhere).toBeGreaterThan(0);
    const perKey = requestsPerKey(to);
    expect(replyIds.filter((id) => perKey.get(id) !== 1)).toEqual([]);
    expect(to.posts.size).toBe(1000);
    expect(replyIds.filter((id) => record(outbox.org, id).Delivery_Status__c !== 'Sent')).toEqual([]);
  });

  it('killed with SIGKILL half-way, then run again after the claims expire: every reply posted exactly once', async () => {
    const to = await receiver({ intercept: () => undefined });
    const count = 300;
    const { replyIds } = queueReplies(outbox.org, count, { prefix: 'kill' });
    const args = ['--url', outbox.org.url, '--token', outbox.org.accessToken, '--webhook-url', to.url];
    const killed = await new Promise<boolean>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [CHILD, ...args, '--lease-seconds', '3', '--concurrency', '4', '--batch-size', '100'],
        {
          cwd: root,
          env: { ...process.env, SOCIAL_BRIDGE_WEBHOOK_SECRET: SECRET },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const watch = setInterval(() => {
        if (to.posts.size >= count / 2) child.kill('SIGKILL');
      }, 1);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearInterval(watch);
        if (signal === 'SIGKILL') resolve(true);
        else if (code === 0) resolve(false);
        else reject(new Error(`child exited ${String(code)}: ${stderr.slice(0, 2000)}`));
      });
    });
    expect(killed).toBe(true);
    const postedBeforeRerun = to.posts.size;
    expect(postedBeforeRerun).toBeLessThan(count);
    // Claims left Sending by the killed run are candidates again once their lease (3 s) ends (the query
    // compares the lease with the time to the second, so a second more).
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    const rerun = await deliver(to);
    expect(rerun.counts.failed + rerun.counts.queued).toBe(0);
    expect(to.posts.size).toBe(count);
    const perKey = requestsPerKey(to);
    expect(replyIds.filter((id) => !perKey.has(id))).toEqual([]);
    for (const id of replyIds) {
      const reply = record(outbox.org, id);
      expect({ id, status: reply.Delivery_Status__c, externalId: reply.External_Id__c }).toEqual({
        id,
        status: 'Sent',
        externalId: `x:${to.posts.get(id)!.postId}`,
      });
    }
    // Sent again only where the killed run may have sent: its claims in flight, answered 409 by the receiver.
    const resent = rerun.replies.filter((reply) => reply.alreadyDelivered).length;
    expect(resent).toBeLessThanOrEqual(count - postedBeforeRerun + 100);
  });
});
