// Writes a deploy's results: one CSV per outcome in the results folder, every input row in exactly
// one file, with the identity's record id or the error. Files are written under a temporary name and
// renamed, so a folder never holds a half-written result next to a complete one.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { SPREADSHEET_SAFE_CAST } from '../results/spreadsheetSafe.js';
import type { ExistingIdentity } from './resolve.js';
import { OUTCOMES, type Outcome, type PlannedRow } from './plan.js';
import type { SaveOutcome } from './org.js';

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

export interface WrittenResults {
  dir: string;
  files: Record<Outcome, string>;
  staleLinksFile: string;
}

export async function writeResults(
  dir: string,
  rows: readonly PlannedRow[],
  stale: ReadonlyArray<{ identity: ExistingIdentity; result: SaveOutcome | undefined }>,
): Promise<WrittenResults> {
  await mkdir(dir, { recursive: true });
  const files = {} as Record<Outcome, string>;
  // Every outcome gets a file, empty ones too: a folder always describes exactly one run.
  for (const outcome of OUTCOMES) {
    const lines = rows.filter((row) => row.outcome === outcome).map(resultLine);
    files[outcome] = await writeAtomically(
      join(dir, resultFileName(outcome)),
      stringify(lines, { header: true, columns: [...RESULT_COLUMNS], ...SPREADSHEET_SAFE_CAST }),
    );
  }
  const staleLines = stale.map(({ identity, result }) => ({
    externalId: identity.External_Id__c,
    identityId: identity.Id,
    previousContact: identity.Contact__c ?? '',
    previousLead: identity.Lead__c ?? '',
    previousRule: identity.Matched_By_Rule__c ?? '',
    result: result === undefined ? 'not run' : result.success ? 'unlinked' : 'failed',
    error: result?.error ?? '',
  }));
  const staleLinksFile = await writeAtomically(
    join(dir, STALE_LINKS_FILE),
    stringify(staleLines, {
      ...SPREADSHEET_SAFE_CAST,
      header: true,
      columns: ['externalId', 'identityId', 'previousContact', 'previousLead', 'previousRule', 'result', 'error'],
    }),
  );
  return { dir, files, staleLinksFile };
}

function resultLine(row: PlannedRow): Record<(typeof RESULT_COLUMNS)[number], string | number> {
  return {
    source: row.origin.source,
    file: row.origin.file,
    line: row.origin.line,
    outcome: row.outcome,
    externalId: row.externalId ?? '',
    network: row.values.network ?? '',
    userId: row.values.userId ?? '',
    handle: row.values.handle ?? '',
    recordObject: row.target?.object ?? '',
    recordId: row.target?.id ?? '',
    rule: row.rule ?? '',
    identityId: row.identityId ?? '',
    reason: row.reason ?? '',
  };
}

async function writeAtomically(path: string, content: string): Promise<string> {
  const partial = `${path}.partial`;
  await writeFile(partial, content, 'utf8');
  await rename(partial, path);
  return path;
}
