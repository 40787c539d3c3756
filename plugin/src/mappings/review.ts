// What a deploy leaves in its results folder besides the per-outcome rows, for a reviewer before it
// (--dry-run --results-dir D: the same files, marked planned in run.json) and for undo after it
// (the values each write replaced). A dry run writes every row as planned: a row waiting for its
// identity's write is written as if the write succeeded, which is what a deploy writes when it does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MappingError } from './problem.js';
import { writeStaleLinks, type openResultFiles } from './results.js';
import {
  channelChanges,
  channelRecords,
  RUN_FILE,
  writeChannelChanges,
  writeRunRecord,
  type ChannelChange,
  type IdentityChangeLog,
  type RunRecord,
} from './changeFiles.js';
import type { ApplyResult } from './apply.js';
import type { PendingRows } from './pendingRows.js';
import type { ChannelWrite, Plan } from './plan.js';

/** What a dry run would write (the JSON result's `planned`). */
export interface PlannedChanges {
  /** Records a deploy would create or update: identities, channels, stale links removed. */
  changes: number;
  /** Channels a deploy would create or update. */
  channels: number;
  /** Each channel setting that would change or be cleared (new is empty), with its value now. */
  channelSettings: ChannelChange[];
  /** Links this tool made that no row supports any more, to be removed (removeStaleLinks). */
  staleLinks: number;
}

interface Changes {
  changeLog: IdentityChangeLog;
  channelWrites: readonly ChannelWrite[];
  staleUnlinks: Plan['staleUnlinks'];
}

type Run = Pick<RunRecord, 'mappingFile' | 'plannedAt' | 'rows' | 'counts'>;

/**
 * Refuses to write a dry run's files over a deploy's results: undo needs them, and a review written
 * there would replace what that deploy changed with what a next one would.
 */
export async function refuseDeployResults(dir: string): Promise<void> {
  const run = await readFile(join(dir, RUN_FILE), 'utf8').then(
    (text) => JSON.parse(text) as Partial<RunRecord>,
    () => undefined,
  );
  if (run?.status !== 'deployed') return;
  throw new MappingError('ResultsOfADeploy', [
    {
      file: join(dir, RUN_FILE),
      message: `this folder holds the results of a deploy (status "deployed"), which \`sf social mappings undo --results-dir ${dir}\` needs; give the dry run another --results-dir`,
    },
  ]);
}

/** A dry run: the planned rows and change files when there is a results folder, and the summary. */
export async function writePlannedResults(
  results: { dir: string; files: Awaited<ReturnType<typeof openResultFiles>>; pending: PendingRows } | undefined,
  changes: Changes,
  run: Run,
): Promise<Omit<PlannedChanges, 'changes'>> {
  const channelSettings = channelChanges(changes.channelWrites);
  if (results !== undefined) {
    const { dir, files, pending } = results;
    for await (const row of pending.drain()) await files.writeText(row.outcome, row.csv());
    await files.close();
    await writeStaleLinks(
      dir,
      changes.staleUnlinks.map(({ identity }) => ({ identity, result: undefined })),
      'planned',
    );
    await changes.changeLog.writeCsv(
      dir,
      () => undefined,
      changes.staleUnlinks.map(({ write }) => ({ write, outcome: undefined })),
    );
    await writeChannelChanges(dir, channelSettings);
    await writeRunRecord(dir, {
      command: 'sf social mappings deploy',
      status: 'planned',
      ...run,
      channels: channelRecords(changes.channelWrites),
    });
  }
  return {
    channels: changes.channelWrites.length,
    channelSettings,
    staleLinks: changes.staleUnlinks.length,
  };
}

/** A deploy: the change files with what was written (failed writes changed nothing and are left out). */
export async function writeChangeFiles(
  dir: string,
  changes: Changes,
  applied: Pick<ApplyResult, 'identityResults' | 'channelResults' | 'staleResults'>,
  run: Run,
): Promise<void> {
  await changes.changeLog.writeCsv(
    dir,
    (index) => applied.identityResults.at(index),
    changes.staleUnlinks.map(({ write }, index) => ({ write, outcome: applied.staleResults.at(index) })),
  );
  const written = changes.channelWrites.filter((_write, index) => applied.channelResults[index]?.success !== false);
  await writeChannelChanges(dir, channelChanges(written));
  await writeRunRecord(dir, {
    command: 'sf social mappings deploy',
    status: 'deployed',
    ...run,
    finishedAt: new Date().toISOString(),
    channels: channelRecords(changes.channelWrites, applied.channelResults),
  });
}
