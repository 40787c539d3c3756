// What the outbox tests share: an empty local org over HTTP, queued replies written the way the reply
// composer writes them (an outbound Social_Interaction__c, Queued, answering an inbound post), the
// example receiver (examples/webhook-receiver.mjs) on 127.0.0.1, and a reader of the org's state.
import { randomUUID } from 'node:crypto';
import type { Connection } from '@salesforce/core';
import { startLocalOrg, type LocalOrgOptions } from '../../local-org/src/main.js';
import { connectTo, type TestOrg } from '../plugin/localOrg.js';

export const SECRET = 'outbox-test-secret-6f1c';

export interface OutboxOrg {
  org: TestOrg;
  connection: Connection;
}

export async function startOutboxOrg(options: LocalOrgOptions = {}): Promise<OutboxOrg> {
  const org = await startLocalOrg({ port: 0, empty: true, ...options });
  return { org, connection: connectTo(org) };
}

export interface QueuedReplies {
  replyIds: string[];
  inboundIds: string[];
}

/**
 * Writes `count` inbound questions from one person and a queued reply to each (through the store: setup,
 * not the code under test). `prefix` keeps post ids apart between calls; `body` gives each reply's text.
 */
export function queueReplies(
  org: TestOrg,
  count: number,
  options: { prefix?: string; network?: string; body?: (index: number) => string; firstResponseAt?: string } = {},
): QueuedReplies {
  const network = options.network ?? 'x';
  const prefix = options.prefix ?? randomUUID().slice(0, 8);
  const identityKey = `${network}:user-${prefix}`;
  const existing = org.store.findByExternalId('Social_Identity__c', 'External_Id__c', identityKey)[0];
  const identity =
    existing?.Id ??
    must(
      org.store.create('Social_Identity__c', {
        External_Id__c: identityKey,
        Network__c: network,
        Network_User_Id__c: `user-${prefix}`,
        Handle__c: `customer_${prefix}`,
      }),
    );
  const replyIds: string[] = [];
  const inboundIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const parent = `${network}:${prefix}-q${index}`;
    inboundIds.push(
      must(
        org.store.create('Social_Interaction__c', {
          External_Id__c: parent,
          Network__c: network,
          Direction__c: 'Inbound',
          Visibility__c: 'Public',
          Kind__c: 'Post',
          Body__c: `Question ${index}?`,
          Posted_At__c: '2026-11-20T10:00:00Z',
          Thread_Key__c: parent,
          Identity__c: identity,
          Status__c: 'Needs_Response',
          ...(options.firstResponseAt ? { First_Response_At__c: options.firstResponseAt } : {}),
        }),
      ),
    );
    replyIds.push(
      must(
        org.store.create('Social_Interaction__c', {
          External_Id__c: `${network}:local-${randomUUID()}`,
          Network__c: network,
          Direction__c: 'Outbound',
          Visibility__c: 'Public',
          Kind__c: 'Reply',
          Body__c: options.body?.(index) ?? `Answer ${index}`,
          Posted_At__c: new Date(Date.parse('2026-11-20T10:05:00Z') + index).toISOString(),
          Thread_Key__c: parent,
          In_Reply_To__c: parent,
          Identity__c: identity,
          Delivery_Status__c: 'Queued',
        }),
      ),
    );
  }
  return { replyIds, inboundIds };
}

export function record(org: TestOrg, id: string): Record<string, unknown> {
  const found = org.store.get(id);
  if (!found) throw new Error(`no record ${id}`);
  return found.record;
}

function must(result: { success: boolean; id?: string; errors?: unknown }): string {
  if (!result.success || !result.id) throw new Error(`setup write failed: ${JSON.stringify(result.errors)}`);
  return result.id;
}
