// The changes a deploy makes that are not input rows, written beside the per-outcome files: every
// identity write with the values it replaces (identity-changes.csv), every channel setting with its old
// and new value (channel-changes.csv), and what kind of run wrote the folder (run.json: planned by
// --dry-run, or deployed). A reviewer reads them before a deploy; `sf social mappings undo` reads them
// after one, which is why each write keeps the values it replaced. Written the same way by a dry run
// and a deploy, so the two folders differ only in the ids of records the deploy created.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { OutcomeFiles } from '../results/outcomeFiles.js';
import { NdjsonFile } from '../memory/ndjsonFile.js';
import { resultCell } from '../results/spreadsheetSafe.js';
import type { SaveOutcome } from '../org/client.js';
import type { ChannelWrite, IdentityWrite, Outcome } from './plan.js';

export const IDENTITY_CHANGES_FILE = 'identity-changes.csv';
export const CHANNEL_CHANGES_FILE = 'channel-changes.csv';
export const RUN_FILE = 'run.json';

export const IDENTITY_CHANGE_COLUMNS = ['externalId', 'identityId', 'change', 'before', 'after'] as const;
export const CHANNEL_CHANGE_COLUMNS = ['key', 'channelId', 'change', 'field', 'old', 'new'] as const;

/** created: the deploy made the record; updated: it changed fields of a record the org had. */
export type ChangeKind = 'created' | 'updated';

/** One channel setting that changes: `new` empty when the mapping clears it. */
export interface ChannelChange {
  key: string;
  channelId: string;
  change: ChangeKind;
  field: string;
  old: string;
  new: string;
}

/** What run.json says: enough for undo to refuse a dry run's folder and to tell when the deploy ended. */
export interface RunRecord {
  command: 'sf social mappings deploy';
  status: 'planned' | 'deployed';
  mappingFile: string;
  /** When the plan was made (the Linked_At__c of links made). */
  plannedAt: string;
  /** When the last write returned (deployed only): a record modified after it was changed since. */
  finishedAt?: string;
  rows: number;
  counts: Record<Outcome, number>;
  /** The channel writes, exact (channel-changes.csv is for people: its cells are made spreadsheet-safe). */
  channels: Array<{
    key: string;
    channelId?: string;
    fields: Record<string, unknown>;
    previous?: Record<string, unknown>;
  }>;
}

/** The channel writes as run.json keeps them (those that failed changed nothing and are left out). */
export function channelRecords(
  writes: readonly ChannelWrite[],
  outcomes?: readonly SaveOutcome[],
): RunRecord['channels'] {
  return writes.flatMap((write, index) => {
    const outcome = outcomes?.[index];
    if (outcome !== undefined && !outcome.success) return [];
    const channelId = write.existingId ?? outcome?.id;
    return [
      {
        key: write.key,
        ...(channelId !== undefined ? { channelId } : {}),
        fields: write.fields,
        ...(write.previous !== undefined ? { previous: write.previous } : {}),
      },
    ];
  });
}

/** A cell for a field value: empty for no value, numbers and booleans as the org returns them. */
export function cell(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The channel settings each write changes, one line per field, in the order the mapping lists the channels. */
export function channelChanges(writes: readonly ChannelWrite[]): ChannelChange[] {
  return writes.flatMap((write) =>
    Object.entries(write.fields)
      .filter(([field]) => field !== 'Network_Key__c')
      .map(([field, value]) => ({
        key: write.key,
        channelId: write.existingId ?? '',
        change: write.existingId === undefined ? ('created' as const) : ('updated' as const),
        field,
        old: cell(write.previous?.[field]),
        new: cell(value),
      })),
  );
}

/**
 * One write as the log keeps it on disk: [its index among the deploy's identity writes, externalId (a
 * rendered cell), the id of the identity it updates ('' for a new one), before (a rendered cell), after
 * (the written fields as JSON, External_Id__c left out)]. Rendered when planned: only the identity's id
 * of a created one and the Lead a write created are known later.
 */
type LoggedWrite = [number, string, string, string, string];

function loggedWrite(index: number, write: IdentityWrite): LoggedWrite {
  const { External_Id__c: _key, ...after } = write.fields;
  return [
    index,
    resultCell(write.externalId),
    write.existingId ?? '',
    write.previous === undefined ? '' : resultCell(JSON.stringify(write.previous)),
    JSON.stringify(after),
  ];
}

/** A line of identity-changes.csv: nothing for a write that failed (it changed nothing). */
function changeCsv(logged: LoggedWrite, outcome: SaveOutcome | undefined): string {
  if (outcome !== undefined && !outcome.success) return '';
  const [, externalId, existingId, before, written] = logged;
  let after = written;
  // A Lead created with the identity is linked in the same transaction, by reference.
  if (outcome?.relatedId !== undefined) {
    after = JSON.stringify({ ...(JSON.parse(written) as Record<string, unknown>), Lead__c: outcome.relatedId });
  }
  const identityId = existingId || (outcome?.id ?? '');
  return `${externalId},${resultCell(identityId)},${existingId ? 'updated' : 'created'},${before},${resultCell(after)}\n`;
}

/**
 * The identity writes of a deploy in the order planned, kept on disk (like the writes themselves) until
 * their outcome is known, then written as identity-changes.csv: a write that failed changed nothing and
 * is left out (its row is in failed.csv).
 */
export class IdentityChangeLog {
  private readonly file: NdjsonFile;

  private constructor(private readonly dir: string) {
    this.file = new NdjsonFile(join(dir, 'changes.ndjson'));
  }

  public static async open(): Promise<IdentityChangeLog> {
    return new IdentityChangeLog(await mkdtemp(join(tmpdir(), 'social-changes-')));
  }

  public add(index: number, write: IdentityWrite): Promise<void> {
    return this.file.add(loggedWrite(index, write));
  }

  /**
   * Writes identity-changes.csv: the logged writes (with the outcome of each by index; none on a dry
   * run), then the stale links removed.
   */
  public async writeCsv(
    dir: string,
    outcomeOf: (index: number) => SaveOutcome | undefined,
    stale: ReadonlyArray<{ write: IdentityWrite; outcome: SaveOutcome | undefined }>,
  ): Promise<void> {
    const csv = await OutcomeFiles.open(
      dir,
      ['changes'] as const,
      IDENTITY_CHANGE_COLUMNS,
      () => IDENTITY_CHANGES_FILE,
    );
    for await (const batch of this.file.lineBatches()) {
      let text = '';
      for (const line of batch) {
        const logged = JSON.parse(line) as LoggedWrite;
        text += changeCsv(logged, outcomeOf(logged[0]));
      }
      await csv.writeText('changes', text);
    }
    for (const { write, outcome } of stale) await csv.writeText('changes', changeCsv(loggedWrite(-1, write), outcome));
    await csv.close();
  }

  public async discard(): Promise<void> {
    this.file.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}

export async function writeChannelChanges(dir: string, changes: readonly ChannelChange[]): Promise<void> {
  const csv = await OutcomeFiles.open(dir, ['changes'] as const, CHANNEL_CHANGE_COLUMNS, () => CHANNEL_CHANGES_FILE);
  for (const change of changes) await csv.write('changes', { ...change });
  await csv.close();
}

export async function writeRunRecord(dir: string, record: RunRecord): Promise<void> {
  await writeFile(join(dir, RUN_FILE), `${JSON.stringify(record, null, 2)}\n`);
}
