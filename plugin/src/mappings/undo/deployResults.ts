// Reads what undo needs from a deploy's results folder: run.json (a deploy, not a dry run), every
// identity write with the values it replaced (identity-changes.csv), the channel writes (run.json,
// exact values) and the Leads the deploy created (lead-created.csv, and duplicate.csv rows that share
// their Lead). A folder that is not a deploy's, or that a dry run wrote, is refused with what to do.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { IDENTITY_CHANGES_FILE, RUN_FILE, type RunRecord } from '../changeFiles.js';
import { resultFileName } from '../results.js';
import type { DeployedWrite } from './decide.js';

export class UndoInputError extends Error {
  public constructor(
    public readonly code: 'NotDeployResults' | 'PlannedResults' | 'UnreadableResults',
    message: string,
  ) {
    super(message);
  }
}

export interface DeployResults {
  run: RunRecord;
  writes: DeployedWrite[];
  /** Ids of the Leads the deploy created. */
  leads: string[];
}

export async function readDeployResults(dir: string): Promise<DeployResults> {
  const run = await readRun(dir);
  if (run.status !== 'deployed') {
    throw new UndoInputError(
      'PlannedResults',
      `${join(dir, RUN_FILE)} says "${run.status}": a dry run wrote this folder and changed nothing in the org, so there is nothing to undo`,
    );
  }
  const changes = await csv(dir, IDENTITY_CHANGES_FILE);
  const writes: DeployedWrite[] = changes.map((row, index) => {
    const place = `${join(dir, IDENTITY_CHANGES_FILE)}:${index + 2}`;
    return {
      kind: 'identity',
      key: row.externalId ?? '',
      ...(row.identityId ? { id: row.identityId } : {}),
      created: row.change === 'created',
      after: json(row.after, place),
      ...(row.before ? { before: json(row.before, place) } : {}),
    };
  });
  for (const channel of run.channels) {
    writes.push({
      kind: 'channel',
      key: channel.key,
      ...(channel.channelId !== undefined ? { id: channel.channelId } : {}),
      created: channel.previous === undefined,
      after: channel.fields,
      ...(channel.previous !== undefined ? { before: channel.previous } : {}),
    });
  }
  const leads = new Set<string>();
  for (const name of [resultFileName('leadCreated'), resultFileName('duplicate')]) {
    for (const row of await csv(dir, name)) if (row.recordObject === 'Lead' && row.recordId) leads.add(row.recordId);
  }
  return { run, writes, leads: [...leads] };
}

async function readRun(dir: string): Promise<RunRecord> {
  const path = join(dir, RUN_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UndoInputError(
      'NotDeployResults',
      `${dir} has no ${RUN_FILE}: it is not the results folder of a deploy (or of one made before deploys kept what undo needs)`,
    );
  }
  const run = json(text, path) as unknown as RunRecord;
  if (run.command !== 'sf social mappings deploy' || !Array.isArray(run.channels)) {
    throw new UndoInputError('NotDeployResults', `${path} was not written by sf social mappings deploy`);
  }
  return run;
}

async function csv(dir: string, name: string): Promise<Array<Record<string, string>>> {
  const path = join(dir, name);
  try {
    return parse(await readFile(path), { columns: true, bom: true }) as Array<Record<string, string>>;
  } catch (error) {
    throw new UndoInputError('UnreadableResults', `${path} cannot be read: ${(error as Error).message}`);
  }
}

function json(text: string | undefined, place: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text ?? '') as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UndoInputError(
    'UnreadableResults',
    `${place}: not the JSON object a deploy writes there; was the file edited?`,
  );
}
