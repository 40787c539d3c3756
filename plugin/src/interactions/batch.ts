// One batch of the import's second pass: with what the org holds of the batch's posts, plan each
// post's write (plan.ts) with its identity, thread and status and turn every row into its result line.
// Rows already decided (rejected, duplicate) pass through, so the batch's lines keep the file's order.
// The writes of every batch are applied together at the end (spool.ts, applyWrites).
import type { BulkRecords } from '../org/bulkRecords.js';
import type { OrgClient, SaveOutcome } from '../org/client.js';
import type { Outcomes } from '../org/saveOutcomes.js';
import type { RejectedRow } from '../mappings/sources/row.js';
import type { SettledIdentity } from './identities.js';
import type { ChannelInfo, Interaction } from './interaction.js';
import { planInteraction, type ExistingInteraction } from './plan.js';
import type { ResultLine } from './results.js';
import { initialStatus } from './status.js';
import type { ThreadAssignment } from './thread.js';

export type BatchEntry = { kind: 'done'; line: ResultLine } | { kind: 'plan'; interaction: Interaction };

export interface BatchContext {
  identities: ReadonlyMap<string, SettledIdentity>;
  threads: { get(externalId: string): ThreadAssignment | undefined };
  /** First response times of inbound posts answered in the file (status.ts firstResponseTimes). */
  answered: { get(externalId: string): number | undefined };
  channels: ReadonlyMap<string, ChannelInfo>;
  displayPath: string;
}

export interface PlannedBatch {
  lines: ResultLine[];
  writes: Array<Record<string, unknown>>;
  /** Line index -> write index, for the lines whose post is written. */
  writeOf: Map<number, number>;
}

/** Pure: the batch's result lines and writes, given what the org holds. */
export function planBatch(
  entries: readonly BatchEntry[],
  existing: ReadonlyMap<string, ExistingInteraction>,
  context: BatchContext,
): PlannedBatch {
  const planned: PlannedBatch = { lines: [], writes: [], writeOf: new Map() };
  for (const entry of entries) {
    if (entry.kind === 'done') {
      planned.lines.push(entry.line);
      continue;
    }
    const { interaction } = entry;
    const identity = interaction.identity ? context.identities.get(interaction.identity.externalId) : undefined;
    const base = resultBase(interaction, identity, context.displayPath);
    if (identity?.error !== undefined) {
      base.outcome = identity.outcome === 'rejected' ? 'rejected' : 'failed';
      base.reason = identity.error;
      planned.lines.push(base);
      continue;
    }
    const thread = context.threads.get(interaction.externalId);
    const current = existing.get(interaction.externalId);
    // The interaction itself carries what initialStatus reads (its time is known here).
    const status =
      interaction.postedAtMs !== undefined
        ? initialStatus(
            interaction as Interaction & { postedAtMs: number },
            context.channels.get(interaction.network)?.responseSlaMinutes,
            context.answered.get(interaction.externalId),
          )
        : undefined;
    const plan = planInteraction({
      interaction,
      ...(current ? { existing: current } : {}),
      link: identity?.link ?? {},
      ...(thread ? { thread } : {}),
      ...(status ? { status } : {}),
    });
    const fields = plan.fields;
    if (fields !== undefined) {
      planned.writeOf.set(planned.lines.length, planned.writes.length);
      // The plan's fields are this write's alone: the external id joins them rather than a copy being made.
      fields.External_Id__c = interaction.externalId;
      planned.writes.push(fields);
    }
    // Set in place: a copy of the line per post is what this loop spent most of its time on.
    base.outcome = plan.outcome;
    base.recordId = current?.Id ?? '';
    base.threadKey = String(current?.Thread_Key__c ?? fields?.Thread_Key__c ?? '');
    base.status = String(fields?.Status__c ?? current?.Status__c ?? '');
    const threadWhy = thread && !current ? `thread: ${thread.rule}` : undefined;
    base.reason = plan.reason && threadWhy ? `${plan.reason}; ${threadWhy}` : plan.reason || threadWhy || '';
    planned.lines.push(base);
  }
  return planned;
}

/**
 * Writes the import's interactions (sObject Collections, or one Bulk API 2.0 job above the threshold):
 * one outcome per write, in the order of `writes`. Never throws for what the org did: a request that
 * failed as a whole fails every write of it.
 */
export async function applyWrites(
  org: OrgClient,
  writes: BulkRecords,
  options: { bulkThreshold: number; onProgress?: (message: string) => void },
): Promise<{ outcomes: Outcomes; usedBulk: boolean }> {
  if (writes.count === 0) return { outcomes: [], usedBulk: false };
  const bulk = writes.count > options.bulkThreshold;
  options.onProgress?.(`Writing ${writes.count} interaction(s) (${bulk ? 'Bulk API 2.0' : 'sObject Collections'})`);
  try {
    return await org.upsert('Social_Interaction__c', 'External_Id__c', writes, options.bulkThreshold);
  } catch (error) {
    // The request failed as a whole: every row of it failed, and a rerun completes the import.
    const message = error instanceof Error ? error.message : String(error);
    const failed: SaveOutcome = { success: false, error: `the write request failed: ${message}; run the import again` };
    return { outcomes: new Array<SaveOutcome>(writes.count).fill(failed), usedBulk: bulk };
  }
}

/** Marks a written line with its record id, or as failed with the org's error; true when it was written. */
export function settleLine(line: ResultLine, outcome: SaveOutcome | undefined): boolean {
  if (outcome?.success) {
    if (outcome.id) line.recordId = outcome.id;
    return true;
  }
  line.reason = `${line.outcome} failed: ${outcome?.error ?? 'no result'}`;
  line.outcome = 'failed';
  return false;
}

export function resultBase(interaction: Interaction, identity: SettledIdentity | undefined, file: string): ResultLine {
  return {
    file,
    line: interaction.origin.line,
    outcome: 'unchanged',
    externalId: interaction.externalId,
    recordId: '',
    identityExternalId: interaction.identity?.externalId ?? '',
    identityId: identity?.link.identityId ?? '',
    threadKey: '',
    status: '',
    reason: '',
    warning: interaction.warnings.join('; '),
  };
}

export function rejectedLine(rejected: RejectedRow, file: string): ResultLine {
  return unwrittenLine(rejected.values, rejected.origin.line, file, 'rejected', rejected.reason);
}

/** The result line of a row that never became a record: rejected, or not attempted. */
export function unwrittenLine(
  values: Record<string, string>,
  line: number,
  file: string,
  outcome: 'rejected' | 'failed',
  reason: string,
): ResultLine {
  const { network, postId } = values;
  return {
    file,
    line,
    outcome,
    externalId: network !== undefined && postId !== undefined ? `${network.toLowerCase()}:${postId}` : '',
    recordId: '',
    identityExternalId: '',
    identityId: '',
    threadKey: '',
    status: '',
    reason,
    warning: '',
  };
}
