// The identities of an import's interactions: read from the org by External_Id__c, new ones created,
// and, with --mapping, linked by the mapping's rules exactly as `sf social mappings deploy` links them
// (its resolver, planner and writer are used as they are, without its channel writes and stale-link
// removal, which stay the deploy's job). Answers, per identity, the records its interactions are shown
// on: the Contact or Lead only when the link is Linked, never when it is merely Suggested.
import { applyPlan } from '../mappings/apply.js';
import type { Identity } from '../mappings/identity.js';
import type { LoadedMapping } from '../mappings/mappingFile/load.js';
import type { MappingFile } from '../mappings/mappingFile/schema.js';
import type { OrgClient } from '../org/client.js';
import { buildPlan, countOutcomes, type Outcome } from '../mappings/plan.js';
import { resolveAgainstOrg, SharedReads, type ExistingChannel } from '../mappings/resolve.js';
import type { ChannelInfo } from './interaction.js';
import type { RecordLink } from './plan.js';
import type { ReadRound } from './readRound.js';
import { personKey } from './thread.js';

export interface SettledIdentity {
  link: RecordLink;
  personKey: string;
  /** What the identity step did: linked, suggested, unmatched (created unlinked), unchanged, … */
  outcome: Outcome;
  /** Why the identity could not be written (or was rejected): its interactions fail with it. */
  error?: string;
  /** Not in the org before this import: no interaction there can point at it yet. */
  created?: boolean;
}

export interface IdentitySettlement {
  byExternalId: Map<string, SettledIdentity>;
  counts: Record<Outcome, number>;
  /** Identities created or changed (planned ones on a dry run). */
  written: number;
  usedBulk: boolean;
}

export interface SettleOptions {
  loaded?: LoadedMapping;
  mappingDisplayPath?: string;
  channels: ReadonlyMap<string, ChannelInfo>;
  /** The org's Social_Channel__c records as the import read them (readChannels). */
  channelRecords?: readonly ExistingChannel[];
  dryRun: boolean;
  bulkThreshold: number;
  now: string;
  onProgress?: (message: string) => void;
}

export async function settleIdentities(
  org: OrgClient,
  identities: Identity[],
  options: SettleOptions,
): Promise<IdentitySettlement> {
  const mapping: MappingFile = options.loaded
    ? { ...options.loaded.mapping, removeStaleLinks: false }
    : withoutRules(options.channels);
  const context = {
    mapping,
    locate: options.loaded?.locate ?? (() => ({ line: 1, column: 1 })),
    mappingDisplayPath: options.mappingDisplayPath ?? '(no mapping)',
  };
  // All identities are resolved at once: the resolver sends its reads through queryMany, as few
  // composite calls as the SOQL length allows. The channels the import read already are handed to it
  // under the resolver's key for them, so it does not read them again.
  const shared = new SharedReads();
  if (options.channelRecords !== undefined) {
    const keys = new Set(mapping.channels.map((channel) => channel.key.toLowerCase()));
    shared.records.set(
      'channels',
      options.channelRecords.filter((record) => keys.has(record.Network_Key__c.toLowerCase())),
    );
  }
  const state = await resolveAgainstOrg(org, identities, context, shared);
  const plan = buildPlan({
    mapping,
    items: identities.map((identity) => ({ kind: 'identity' as const, identity })),
    org: state,
    now: options.now,
  });
  const writesOnly = { ...plan, channelWrites: [], staleUnlinks: [] };
  const applied = options.dryRun
    ? undefined
    : await applyPlan(org, writesOnly, {
        bulkThreshold: options.bulkThreshold,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });

  const byExternalId = new Map<string, SettledIdentity>();
  let written = 0;
  for (const row of plan.rows) {
    const externalId = row.externalId!;
    const existing = state.identities.get(externalId);
    const write = row.write !== undefined ? plan.identityWrites[row.write] : undefined;
    const result = row.write !== undefined ? applied?.identityResults.at(row.write) : undefined;
    if (row.outcome === 'rejected') {
      byExternalId.set(externalId, {
        link: {},
        personKey: personKey({ externalId }),
        outcome: 'rejected',
        error: `identity ${externalId}: ${row.reason ?? 'rejected'}`,
      });
      continue;
    }
    if (result !== undefined && !result.success) {
      byExternalId.set(externalId, {
        link: {},
        personKey: personKey({ externalId }),
        outcome: 'failed',
        error: `identity ${externalId} could not be written: ${result.error ?? 'no reason given'}`,
      });
      continue;
    }
    if (write !== undefined) written += 1;
    // The identity as it is after the write: the org's fields with the written ones on top.
    const final: Record<string, unknown> = { ...(existing ?? {}), ...(write?.fields ?? {}) };
    if (result?.relatedId !== undefined) final.Lead__c = result.relatedId;
    const link: RecordLink = {};
    const identityId = result?.id ?? existing?.Id;
    if (identityId !== undefined) link.identityId = identityId;
    if (final.Link_Status__c === 'Linked') {
      if (typeof final.Contact__c === 'string' && final.Contact__c !== '') {
        link.contactId = final.Contact__c;
      } else if (typeof final.Lead__c === 'string' && final.Lead__c !== '') {
        link.leadId = final.Lead__c;
      }
    }
    byExternalId.set(externalId, {
      link,
      personKey: personKey({
        externalId,
        ...(link.contactId ? { contactId: link.contactId } : {}),
        ...(link.leadId ? { leadId: link.leadId } : {}),
      }),
      outcome: row.outcome,
      ...(existing === undefined ? { created: true } : {}),
    });
  }

  return { byExternalId, counts: countOutcomes(plan.rows), written, usedBulk: applied?.usedBulk ?? false };
}

/**
 * Account__c is the linked Contact's account, so account pages show their contacts' conversations.
 * Adds the read of those Contacts to `round`; once the round has run, the returned function sets each
 * settled identity's accountId.
 */
export function readAccounts(round: ReadRound, settled: ReadonlyMap<string, SettledIdentity>): () => void {
  const contactIds = new Set<string>();
  for (const identity of settled.values()) if (identity.link.contactId) contactIds.add(identity.link.contactId);
  const contacts = round.eachFound<{ Id: string; AccountId?: string | null }>(
    'SELECT Id, AccountId FROM Contact WHERE Id',
    contactIds,
  );
  return () => {
    const accountOf = new Map<string, string>();
    for (const record of contacts()) {
      if (record.AccountId) accountOf.set(String(record.Id).slice(0, 15), record.AccountId);
    }
    for (const identity of settled.values()) {
      const account = identity.link.contactId ? accountOf.get(identity.link.contactId.slice(0, 15)) : undefined;
      if (account !== undefined) identity.link.accountId = account;
    }
  };
}

/** Without --mapping: identities are created unlinked and existing links are left exactly as they are. */
function withoutRules(channels: ReadonlyMap<string, ChannelInfo>): MappingFile {
  return {
    version: 1,
    channels: [...channels.values()].map((channel) => ({
      key: channel.key,
      name: channel.name,
      enabled: channel.enabled,
    })),
    rules: [],
    sources: [],
    unmatched: 'leave',
    removeStaleLinks: false,
  } as MappingFile;
}
