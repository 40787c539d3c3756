// `sf social mappings undo`: reverts what the deploy that wrote a results folder changed. Reads the
// folder (deployResults.ts), reads what the org holds now for every record the deploy wrote, decides per
// record (decide.ts), writes back (upserts by external id, like the deploy; deletes only with
// --delete-created) and accounts for every record in its own results folder, <results>/undo
// (<results>/undo-planned on --dry-run). Running it again changes nothing: undone records are unchanged.
import { join } from 'node:path';
import { OutcomeFiles } from '../../results/outcomeFiles.js';
import { DEFAULT_BULK_THRESHOLD } from '../../org/limits.js';
import { OrgClient, type OrgConnection, type SaveOutcome } from '../../org/client.js';
import type { Outcomes } from '../../org/saveOutcomes.js';
import type { RetryPolicy } from '../../org/retry.js';
import { CHANNEL_FIELDS, IDENTITY_FIELDS } from '../resolve.js';
import { bodyInListQueries } from '../../org/soql.js';
import { decideUndo, UNDO_OUTCOMES, type DeployedWrite, type UndoAction, type UndoOutcome } from './decide.js';
import { readDeployResults } from './deployResults.js';

/** The JSON result of `sf social mappings undo` (stable: scripts read it). */
export interface UndoResult {
  /** The deploy's results folder that was undone. */
  resultsDir: string;
  /** Where undo's own results are: one CSV per outcome, every record the deploy wrote in one of them. */
  undoDir: string;
  dryRun: boolean;
  /** Records the deploy created or changed (identities, channels, Leads); the counts add up to it. */
  records: number;
  counts: Record<UndoOutcome, number>;
  /** Records a rep or a later deploy changed since the deploy: left as they are. */
  changedSince: UndoLine[];
  apiCalls: number;
}

export interface UndoLine {
  kind: 'identity' | 'channel' | 'lead';
  key: string;
  id: string;
  outcome: UndoOutcome;
  reason: string;
}

export interface UndoOptions {
  resultsDir: string;
  connection: OrgConnection;
  dryRun: boolean;
  deleteCreated: boolean;
  retry?: Partial<RetryPolicy>;
  onProgress?: (message: string) => void;
}

const UNDO_COLUMNS = ['kind', 'key', 'id', 'outcome', 'reason', 'fields'] as const;

interface Decided {
  write: DeployedWrite | { kind: 'lead'; key: string; id: string };
  action: UndoAction;
}

export async function undoDeploy(options: UndoOptions): Promise<UndoResult> {
  const progress = options.onProgress ?? (() => undefined);
  const deployed = await readDeployResults(options.resultsDir);
  const org = new OrgClient(options.connection, options.retry ? { retry: options.retry } : {});

  progress(`Reading the ${deployed.writes.length + deployed.leads.length} record(s) the deploy wrote`);
  const current = await readCurrent(org, deployed.writes, deployed.leads);

  const decided: Decided[] = deployed.writes.map((write) => {
    const record =
      write.kind === 'identity'
        ? current.identities.get(id15(write.id))
        : current.channels.get(write.key.toLowerCase());
    let action = decideUndo(write, record, { deleteCreated: options.deleteCreated });
    const interactions = write.id === undefined ? 0 : (current.interactionsOf.get(id15(write.id)) ?? 0);
    if (action.outcome === 'deleted' && interactions > 0) {
      // Interactions imported since hang on it: keep the record, remove only what the deploy linked.
      action = decideUndo(write, record, { deleteCreated: false });
      action = { ...action, reason: `${action.reason}; not deleted: ${interactions} interaction(s) refer to it` };
    }
    return { write, action };
  });
  const deletedIdentities = new Set(
    decided.flatMap(({ write, action }) =>
      write.kind === 'identity' && action.outcome === 'deleted' ? [id15(write.id)] : [],
    ),
  );
  for (const lead of deployed.leads) {
    decided.push({
      write: { kind: 'lead', key: lead, id: lead },
      action: decideLead(lead, current, deletedIdentities, deployed.run.finishedAt, options.deleteCreated),
    });
  }

  const outcomes = options.dryRun ? decided.map(() => undefined) : await apply(org, decided, progress);

  const undoDir = join(options.resultsDir, options.dryRun ? 'undo-planned' : 'undo');
  const files = await OutcomeFiles.open(undoDir, UNDO_OUTCOMES, UNDO_COLUMNS, (outcome) => `${kebab(outcome)}.csv`);
  const counts = Object.fromEntries(UNDO_OUTCOMES.map((outcome) => [outcome, 0])) as Record<UndoOutcome, number>;
  const changedSince: UndoLine[] = [];
  try {
    for (const [index, { write, action }] of decided.entries()) {
      const outcome = outcomes[index];
      const failed = outcome !== undefined && !outcome.success;
      const line: UndoLine = {
        kind: write.kind,
        key: write.key,
        id: write.id ?? '',
        outcome: failed ? 'failed' : action.outcome,
        reason: failed
          ? `${action.outcome} failed: ${outcome.error ?? 'no reason given'}; run undo again`
          : action.reason,
      };
      counts[line.outcome] += 1;
      if (line.outcome === 'changedSince') changedSince.push(line);
      await files.write(line.outcome, { ...line, fields: 'fields' in action ? JSON.stringify(action.fields) : '' });
    }
    await files.close();
  } catch (error) {
    await files.abandon();
    throw error;
  }
  return {
    resultsDir: options.resultsDir,
    undoDir,
    dryRun: options.dryRun,
    records: decided.length,
    counts,
    changedSince,
    apiCalls: org.apiCalls,
  };
}

/** Whether a Lead the deploy created can go: only with --delete-created, untouched, and nothing else on it. */
function decideLead(
  id: string,
  current: Current,
  deletedIdentities: ReadonlySet<string>,
  finishedAt: string | undefined,
  deleteCreated: boolean,
): UndoAction {
  const lead = current.leads.get(id15(id));
  if (!deleteCreated)
    return { outcome: 'unchanged', reason: 'Lead created by the deploy; kept (--delete-created deletes it)' };
  if (lead === undefined) return { outcome: 'unchanged', reason: 'Lead created by the deploy and already deleted' };
  const modified = String(lead.LastModifiedDate ?? '');
  if (finishedAt !== undefined && Date.parse(modified.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) > Date.parse(finishedAt))
    return { outcome: 'changedSince', reason: `modified at ${modified}, after the deploy; left as it is` };
  const others = (current.identitiesOnLead.get(id15(id)) ?? []).filter((identity) => !deletedIdentities.has(identity));
  if (others.length > 0)
    return { outcome: 'changedSince', reason: `still linked to identity ${others.join(', ')}; left as it is` };
  const interactions = current.interactionsOf.get(id15(id)) ?? 0;
  if (interactions > 0)
    return { outcome: 'changedSince', reason: `${interactions} interaction(s) refer to it; left as it is` };
  return { outcome: 'deleted', reason: 'Lead created by the deploy' };
}

interface Current {
  identities: Map<string, Record<string, unknown>>;
  channels: Map<string, Record<string, unknown>>;
  leads: Map<string, Record<string, unknown>>;
  /** Identities linked to each Lead (15-character ids). */
  identitiesOnLead: Map<string, string[]>;
  /** Interactions referring to each identity or Lead. */
  interactionsOf: Map<string, number>;
}

/** What the org holds now for every record the deploy wrote: one queryMany, five queries to a call. */
async function readCurrent(
  org: OrgClient,
  writes: readonly DeployedWrite[],
  leads: readonly string[],
): Promise<Current> {
  const identityIds = writes.flatMap((write) => (write.kind === 'identity' && write.id ? [write.id] : []));
  const createdIds = writes.flatMap((write) =>
    write.kind === 'identity' && write.created && write.id ? [write.id] : [],
  );
  const keys = writes.flatMap((write) => (write.kind === 'channel' ? [write.key] : []));
  const groups = [
    bodyInListQueries(`SELECT ${IDENTITY_FIELDS.join(', ')} FROM Social_Identity__c WHERE Id`, identityIds),
    bodyInListQueries(`SELECT ${CHANNEL_FIELDS.join(', ')} FROM Social_Channel__c WHERE Network_Key__c`, keys),
    bodyInListQueries('SELECT Id, LastModifiedDate FROM Lead WHERE Id', leads),
    bodyInListQueries('SELECT Id, Lead__c FROM Social_Identity__c WHERE Lead__c', leads),
    bodyInListQueries('SELECT Identity__c, Lead__c FROM Social_Interaction__c WHERE Identity__c', createdIds),
    bodyInListQueries('SELECT Identity__c, Lead__c FROM Social_Interaction__c WHERE Lead__c', leads),
  ];
  const results = await org.queryMany<Record<string, unknown>>(groups.flat());
  let next = 0;
  const [identities, channels, leadRecords, onLead, byIdentity, byLead] = groups.map((queries) => {
    const records = results.slice(next, next + queries.length).flat();
    next += queries.length;
    return records;
  }) as [Array<Record<string, unknown>>, ...Array<Array<Record<string, unknown>>>];
  const identitiesOnLead = new Map<string, string[]>();
  for (const record of onLead!) {
    const lead = id15(String(record.Lead__c));
    identitiesOnLead.set(lead, [...(identitiesOnLead.get(lead) ?? []), id15(String(record.Id))]);
  }
  const interactionsOf = new Map<string, number>();
  for (const record of byIdentity!) count(interactionsOf, id15(String(record.Identity__c)));
  for (const record of byLead!) count(interactionsOf, id15(String(record.Lead__c)));
  return {
    identities: new Map(identities.map((record) => [id15(String(record.Id)), record])),
    channels: new Map(channels!.map((record) => [String(record.Network_Key__c).toLowerCase(), record])),
    leads: new Map(leadRecords!.map((record) => [id15(String(record.Id)), record])),
    identitiesOnLead,
    interactionsOf,
  };
}

/** Sends the writes: restores and unlinks as upserts by external id, then deletes (identities, channels, Leads). */
async function apply(
  org: OrgClient,
  decided: readonly Decided[],
  progress: (message: string) => void,
): Promise<Array<SaveOutcome | undefined>> {
  const outcomes: Array<SaveOutcome | undefined> = decided.map(() => undefined);
  const send = async (picked: number[], write: (indexes: number[]) => Promise<Outcomes>): Promise<void> => {
    if (picked.length === 0) return;
    const results = await write(picked);
    picked.forEach((index, position) => (outcomes[index] = results.at(position)));
  };
  const pick = (kind: string, wanted: (outcome: UndoOutcome) => boolean): number[] =>
    decided.flatMap(({ write, action }, index) => (write.kind === kind && wanted(action.outcome) ? [index] : []));
  const rewrites = (outcome: UndoOutcome): boolean => outcome === 'restored' || outcome === 'unlinked';
  const fieldsOf = (index: number): Record<string, unknown> => {
    const action = decided[index]!.action;
    return 'fields' in action ? action.fields : {};
  };

  const identities = pick('identity', rewrites);
  if (identities.length > 0) progress(`Restoring ${identities.length} identit${identities.length === 1 ? 'y' : 'ies'}`);
  await send(
    identities,
    async (indexes) =>
      (
        await org.upsert(
          'Social_Identity__c',
          'External_Id__c',
          indexes.map((index) => ({ ...fieldsOf(index), External_Id__c: decided[index]!.write.key })),
          DEFAULT_BULK_THRESHOLD,
        )
      ).outcomes,
  );
  await send(pick('channel', rewrites), (indexes) =>
    org.upsertCollections(
      'Social_Channel__c',
      'Network_Key__c',
      indexes.map((index) => ({ ...fieldsOf(index), Network_Key__c: decided[index]!.write.key })),
    ),
  );
  for (const kind of ['identity', 'channel', 'lead']) {
    const deletes = pick(kind, (outcome) => outcome === 'deleted');
    if (deletes.length > 0) progress(`Deleting ${deletes.length} ${kind} record(s) the deploy created`);
    await send(deletes, (indexes) => org.deleteCollections(indexes.map((index) => decided[index]!.write.id ?? '')));
  }
  return outcomes;
}

function id15(id: string | undefined): string {
  return (id ?? '').slice(0, 15);
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function kebab(outcome: string): string {
  return outcome.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
