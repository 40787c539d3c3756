// The identities of an import's interactions: read from the org by External_Id__c, new ones created,
// and, with --mapping, linked by the mapping's rules exactly as `sf social mappings deploy` links them
// (its resolver, planner and writer are used as they are, without its channel writes and stale-link
// removal, which stay the deploy's job). Answers, per identity, the records its interactions are shown
// on: the Contact or Lead only when the link is Linked, never when it is merely Suggested.
import { applyPlan } from '../mappings/apply.js';
import type { Identity } from '../mappings/identity.js';
import type { LoadedMapping } from '../mappings/mappingFile/load.js';
import type { MappingFile } from '../mappings/mappingFile/schema.js';
import type { OrgClient } from '../mappings/org.js';
import { buildPlan, countOutcomes, type Outcome } from '../mappings/plan.js';
import { resolveAgainstOrg, type OrgState } from '../mappings/resolve.js';
import { inListQueries } from '../mappings/soql.js';
import type { ChannelInfo } from './interaction.js';
import type { RecordLink } from './plan.js';
import { personKey } from './thread.js';
import { IMPORT_QUERY_BUDGET } from './queryBudget.js';

export interface SettledIdentity {
  link: RecordLink;
  personKey: string;
  /** What the identity step did: linked, suggested, unmatched (created unlinked), unchanged, … */
  outcome: Outcome;
  /** Why the identity could not be written (or was rejected): its interactions fail with it. */
  error?: string;
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
  // The deploy's resolver reads the identities with one IN list sized by mappings/soql.ts, which
  // undercounts quotes (see queryBudget.ts): resolve in chunks whose query surely fits, and merge.
  let state: OrgState | undefined;
  for (const chunk of chunksForQueries(identities)) {
    const part = await resolveAgainstOrg(org, chunk, context);
    if (state === undefined) {
      state = part;
      continue;
    }
    for (const [identity, resolution] of part.resolutions) state.resolutions.set(identity, resolution);
    for (const [externalId, existing] of part.identities) state.identities.set(externalId, existing);
  }
  state ??= await resolveAgainstOrg(org, [], context);
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
  const contactIds = new Set<string>();
  let written = 0;
  for (const row of plan.rows) {
    const externalId = row.externalId!;
    const existing = state.identities.get(externalId);
    const write = row.write !== undefined ? plan.identityWrites[row.write] : undefined;
    const result = row.write !== undefined ? applied?.identityResults[row.write] : undefined;
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
        contactIds.add(final.Contact__c);
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
    });
  }

  // Account__c is the linked Contact's account, so account pages show their contacts' conversations.
  const accountOf = new Map<string, string>();
  for (const query of inListQueries(
    'SELECT Id, AccountId FROM Contact WHERE Id',
    contactIds,
    '',
    IMPORT_QUERY_BUDGET,
  )) {
    for (const record of await org.queryAll<{ Id: string; AccountId?: string | null }>(query)) {
      if (record.AccountId) accountOf.set(String(record.Id).slice(0, 15), record.AccountId);
    }
  }
  for (const settled of byExternalId.values()) {
    const account = settled.link.contactId ? accountOf.get(settled.link.contactId.slice(0, 15)) : undefined;
    if (account !== undefined) settled.link.accountId = account;
  }
  return { byExternalId, counts: countOutcomes(plan.rows), written, usedBulk: applied?.usedBulk ?? false };
}

/** Identities in groups whose external ids, quoted and fully URL-encoded, fit one query. */
export function chunksForQueries(identities: readonly Identity[], budget = IMPORT_QUERY_BUDGET - 1_000): Identity[][] {
  const chunks: Identity[][] = [];
  let chunk: Identity[] = [];
  let size = 0;
  for (const identity of identities) {
    const cost = fullyEncodedLength(`'${identity.externalId}',`);
    if (chunk.length > 0 && size + cost > budget) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(identity);
    size += cost;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** encodeURIComponent leaves ! ' ( ) * as they are; HTTP clients encode them, so count them encoded. */
function fullyEncodedLength(text: string): number {
  return encodeURIComponent(text).replace(/[!'()*]/g, '%XX').length;
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
