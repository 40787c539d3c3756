// The org's side of threading: reads what the org already knows about the file's posts (their thread
// keys), their parents, and the recent posts of people who sent private messages, then hands it all to
// the pure assignThreads (thread.ts).
import type { OrgClient } from '../mappings/org.js';
import { inListQueries } from '../mappings/soql.js';
import type { SettledIdentity } from './identities.js';
import type { Outline } from './outline.js';
import { IMPORT_QUERY_BUDGET } from './queryBudget.js';
import { assignThreads, type KnownInteraction, type ThreadAssignment, type ThreadItem } from './thread.js';

const THREAD_FIELDS = [
  'Id',
  'External_Id__c',
  'Thread_Key__c',
  'Network__c',
  'Direction__c',
  'Visibility__c',
  'Posted_At__c',
  'Identity__c',
  'Contact__c',
  'Lead__c',
] as const;
type ThreadRecord = { External_Id__c: string } & Partial<Record<(typeof THREAD_FIELDS)[number], string | null>>;

/** Reads what the org knows about these posts, their parents and the people's recent posts, then threads. */
export async function threadOutlines(
  org: OrgClient,
  outlines: ReadonlyMap<string, Outline>,
  identities: ReadonlyMap<string, SettledIdentity>,
  continuationMinutes: number,
): Promise<{ threads: Map<string, ThreadAssignment>; inOrg: Set<string> }> {
  const wanted = new Set<string>(outlines.keys());
  for (const outline of outlines.values()) if (outline.inReplyTo !== undefined) wanted.add(outline.inReplyTo);
  const records = new Map<string, ThreadRecord>();
  for (const query of inListQueries(
    `SELECT ${THREAD_FIELDS.join(', ')} FROM Social_Interaction__c WHERE External_Id__c`,
    wanted,
    '',
    IMPORT_QUERY_BUDGET,
  )) {
    for (const record of await org.queryAll<ThreadRecord>(query)) {
      // SOQL compares text case-insensitively; the external id is case-sensitive.
      if (wanted.has(record.External_Id__c)) records.set(record.External_Id__c, record);
    }
  }

  const personOfIdentity = new Map<string, string>();
  for (const [externalId, settled] of identities) {
    if (settled.link.identityId) personOfIdentity.set(settled.link.identityId.slice(0, 15), settled.personKey);
    personOfIdentity.set(externalId, settled.personKey);
  }
  const personOfRecord = (record: ThreadRecord): string | undefined => {
    if (record.Contact__c) return `Contact:${record.Contact__c.slice(0, 15)}`;
    if (record.Lead__c) return `Lead:${record.Lead__c.slice(0, 15)}`;
    return record.Identity__c ? personOfIdentity.get(record.Identity__c.slice(0, 15)) : undefined;
  };

  const items: ThreadItem[] = [];
  const privateRoots: ThreadItem[] = [];
  for (const [externalId, outline] of outlines) {
    if (outline.postedAtMs === undefined) continue;
    const item: ThreadItem = {
      externalId,
      network: outline.network,
      personKey:
        (outline.identityExternalId && identities.get(outline.identityExternalId)?.personKey) ?? `post:${externalId}`,
      direction: outline.direction,
      visibility: outline.visibility,
      postedAtMs: outline.postedAtMs,
      ...(outline.inReplyTo ? { inReplyTo: outline.inReplyTo } : {}),
      ...(outline.conversationKey ? { conversationKey: outline.conversationKey } : {}),
    };
    const existingKey = records.get(externalId)?.Thread_Key__c;
    if (existingKey) item.existingThreadKey = existingKey;
    items.push(item);
    if (!existingKey && !item.inReplyTo && !item.conversationKey && item.visibility === 'Private')
      privateRoots.push(item);
  }

  const known: KnownInteraction[] = [];
  const toKnown = (record: ThreadRecord): KnownInteraction | undefined => {
    if (!record.Thread_Key__c) return undefined;
    const person = personOfRecord(record);
    const postedAtMs = record.Posted_At__c
      ? Date.parse(record.Posted_At__c.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
      : undefined;
    return {
      externalId: record.External_Id__c,
      threadKey: record.Thread_Key__c,
      network: record.Network__c ?? '',
      ...(person ? { personKey: person } : {}),
      ...(record.Direction__c ? { direction: record.Direction__c as 'Inbound' | 'Outbound' } : {}),
      ...(record.Visibility__c ? { visibility: record.Visibility__c as 'Public' | 'Private' } : {}),
      ...(postedAtMs !== undefined && Number.isFinite(postedAtMs) ? { postedAtMs } : {}),
    };
  };
  for (const record of records.values()) {
    if (outlines.has(record.External_Id__c)) continue;
    const entry = toKnown(record);
    if (entry) known.push(entry);
  }

  // Earlier posts of the people who sent private messages, which those messages may continue.
  if (privateRoots.length > 0) {
    const windowMs = continuationMinutes * 60_000;
    const from = new Date(Math.min(...privateRoots.map((item) => item.postedAtMs)) - windowMs).toISOString();
    const to = new Date(Math.max(...privateRoots.map((item) => item.postedAtMs))).toISOString();
    const persons = new Set(privateRoots.map((item) => item.personKey));
    const byField: Record<'Identity__c' | 'Contact__c' | 'Lead__c', Set<string>> = {
      Identity__c: new Set(),
      Contact__c: new Set(),
      Lead__c: new Set(),
    };
    for (const settled of identities.values()) {
      if (!persons.has(settled.personKey)) continue;
      if (settled.link.identityId) byField.Identity__c.add(settled.link.identityId);
      if (settled.link.contactId) byField.Contact__c.add(settled.link.contactId);
      if (settled.link.leadId) byField.Lead__c.add(settled.link.leadId);
    }
    const seen = new Set(records.keys());
    for (const [field, values] of Object.entries(byField)) {
      const queries = inListQueries(
        `SELECT ${THREAD_FIELDS.join(', ')} FROM Social_Interaction__c WHERE Posted_At__c >= ${from} AND Posted_At__c <= ${to} AND ${field}`,
        values,
        '',
        IMPORT_QUERY_BUDGET,
      );
      for (const query of queries) {
        for (const record of await org.queryAll<ThreadRecord>(query)) {
          if (seen.has(record.External_Id__c) || outlines.has(record.External_Id__c)) continue;
          seen.add(record.External_Id__c);
          const entry = toKnown(record);
          if (entry) known.push(entry);
        }
      }
    }
  }
  // Which of the file's posts the org already holds: the second pass reads only those back.
  const inOrg = new Set([...records.keys()].filter((externalId) => outlines.has(externalId)));
  return { threads: assignThreads(items, known, continuationMinutes), inOrg };
}
