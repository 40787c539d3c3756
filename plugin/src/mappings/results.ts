// Writes a deploy's results: one CSV per outcome in the results folder, every input row in exactly
// one file, with the identity's record id or the error (through OutcomeFiles: streamed, renamed when
// complete, spreadsheet-safe).
import { OutcomeFiles } from '../results/outcomeFiles.js';
import { resultCell } from '../results/spreadsheetSafe.js';
import type { ExistingIdentity } from './resolve.js';
import { OUTCOMES, type Outcome, type PlannedRow } from './plan.js';
import type { SaveOutcome } from '../org/client.js';

export const RESULT_COLUMNS = [
  'source',
  'file',
  'line',
  'outcome',
  'externalId',
  'network',
  'userId',
  'handle',
  'recordObject',
  'recordId',
  'rule',
  'identityId',
  'reason',
] as const;

/** The file each outcome goes to: linked.csv, lead-created.csv, … */
export function resultFileName(outcome: Outcome): string {
  return `${outcome.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.csv`;
}

export const STALE_LINKS_FILE = 'stale-links-removed.csv';

/** The per-outcome files of a deploy, open for rows to be appended as they become known. */
export function openResultFiles(dir: string): Promise<OutcomeFiles<Outcome, (typeof RESULT_COLUMNS)[number]>> {
  return OutcomeFiles.open(dir, OUTCOMES, RESULT_COLUMNS, resultFileName);
}

/** Links removed from identities no row mentions; `planned` on a dry run, where nothing is removed yet. */
export async function writeStaleLinks(
  dir: string,
  stale: ReadonlyArray<{ identity: ExistingIdentity; result: SaveOutcome | undefined }>,
  notRun: 'not run' | 'planned' = 'not run',
): Promise<string> {
  const staleFile = await OutcomeFiles.open(dir, ['removed'] as const, STALE_COLUMNS, () => STALE_LINKS_FILE);
  for (const { identity, result } of stale) {
    await staleFile.write('removed', {
      externalId: identity.External_Id__c,
      identityId: identity.Id,
      previousContact: identity.Contact__c ?? '',
      previousLead: identity.Lead__c ?? '',
      previousRule: identity.Matched_By_Rule__c ?? '',
      result: result === undefined ? notRun : result.success ? 'unlinked' : 'failed',
      error: result?.error ?? '',
    });
  }
  return (await staleFile.close()).removed;
}

const STALE_COLUMNS = [
  'externalId',
  'identityId',
  'previousContact',
  'previousLead',
  'previousRule',
  'result',
  'error',
] as const;

/** A Lead to create has no id before the deploy creates it; the object is known already. */
export function recordObjectOf(row: PlannedRow): string {
  return row.target?.object ?? (row.createsLead ? 'Lead' : '');
}

/**
 * A row's result line rendered as CSV (RESULT_COLUMNS in order, each cell as OutcomeFiles.write renders
 * it) at once: every input row passes here, and a row object per line made garbage of every row.
 */
export function resultCsv(row: PlannedRow): string {
  const { origin, values } = row;
  return `${resultCell(origin.source)},${resultCell(origin.file)},${origin.line},${row.outcome},${resultCell(row.externalId)},${resultCell(values.network)},${resultCell(values.userId)},${resultCell(values.handle)},${recordObjectOf(row)},${resultCell(row.target?.id)},${resultCell(row.rule)},${resultCell(row.identityId)},${resultCell(row.reason)}\n`;
}
