// The plan stage of `sf social interactions import` (pass 2 of 2): the export read again and planned
// batch by batch against what the org holds of those posts; the planned writes and every row's result
// line wait on disk for the write stage (spool.ts). On --dry-run nothing waits: each line is reported
// at once. Returns the questions already in the org that the export's outbound messages answer.
import type { ReadResult, SourceRow } from '../mappings/sources/row.js';
import { collectGarbage } from '../memory/collectGarbage.js';
import type { OrgClient } from '../org/client.js';
import type { DailyLimitError } from '../org/errors.js';
import { answerUpdates, readOpenQuestions } from './answers.js';
import {
  planBatch,
  rejectedLine,
  resultBase,
  unwrittenLine,
  type BatchContext,
  type BatchEntry,
  type PlannedBatch,
} from './batch.js';
import type { DailyLimitStop } from './dailyLimitStop.js';
import type { ImportTally } from './importReport.js';
import type { SettledExport } from './importSettle.js';
import { isInteraction, toInteraction, type ChannelInfo, type NormaliseContext } from './interaction.js';
import { readExport, type ExportFile } from './read.js';
import { ReadRound } from './readRound.js';
import type { ResultLine } from './results.js';
import type { ImportSpool } from './spool.js';

export interface PlanInput {
  exportFile: ExportFile;
  columns: Record<string, string>;
  context: NormaliseContext;
  channels: Map<string, ChannelInfo>;
  rows: number;
  settled: SettledExport;
  /** Stopped before any interaction was planned: rows are not even normalised (the channels may be unknown). */
  stoppedBeforeWrites: boolean;
}

export async function planImport(
  org: OrgClient,
  input: PlanInput,
  sink: { spool: ImportSpool | undefined; tally: ImportTally },
  stop: DailyLimitStop,
  options: { batchSize: number; progress: (message: string) => void },
): Promise<Array<Record<string, unknown>>> {
  const { exportFile, settled } = input;
  const batchContext: BatchContext = {
    identities: settled.settlement.byExternalId,
    threads: settled.posts.threads,
    answered: settled.posts.answered,
    channels: input.channels,
    displayPath: exportFile.displayPath,
  };
  // Questions already in the org in the threads of the export's outbound messages: read with the
  // first batch's posts, in the same composite calls (none in an org that held no interaction).
  let questionsRound: ReadRound | undefined = new ReadRound();
  const openQuestions = readOpenQuestions(
    questionsRound,
    settled.orgHoldsInteractions ? new Set(Array.from(settled.posts.outbound(), (message) => message.threadKey)) : [],
  );
  let answers: Array<Record<string, unknown>> = [];
  let batch: BatchEntry[] = [];
  const flush = async (): Promise<void> => {
    // Only posts the org held at the start can exist: a first import reads nothing back.
    const ids = batch.flatMap((entry) =>
      entry.kind === 'plan' && settled.inOrg.has(entry.interaction.externalId) ? [entry.interaction.externalId] : [],
    );
    // Their records were read with threading's (orgThreads.ts): they come from disk, not from the org.
    const round = questionsRound;
    questionsRound = undefined;
    const existing = await stop.until(async () => {
      if (round !== undefined) {
        await round.run(org);
        answers = answerUpdates(openQuestions(), settled.posts.outbound(), settled.posts);
      }
      return settled.inOrg.take(ids);
    }, undefined);
    let planned: PlannedBatch;
    if (stop.stoppedBy || existing === undefined) {
      const reason = stop.notAttempted;
      const lines = batch.map((entry): ResultLine =>
        entry.kind === 'done'
          ? entry.line
          : { ...resultBase(entry.interaction, undefined, exportFile.displayPath), outcome: 'failed', reason },
      );
      planned = { lines, writes: [], writeOf: new Map() };
    } else {
      planned = planBatch(batch, existing, batchContext);
    }
    if (sink.spool) {
      await sink.spool.add(planned);
    } else {
      sink.tally.changes += planned.writes.length;
      for (const line of planned.lines) await sink.tally.report(line);
    }
    batch = [];
    // The batch's rows, the org's records and the plan are garbage now. They live through several
    // scavenges while the batch fills and are promoted: without this collection V8 let the heap grow to
    // twice the peak (543 against 280 MB at 100,000 rows) for a few percent less CPU.
    collectGarbage();
  };

  options.progress('Importing (2/2)');
  let line2 = 0;
  for await (const item of readExport(exportFile, input.columns)) {
    line2 += 1;
    if (line2 % 10_000 === 0) options.progress(`Importing (2/2): ${line2} of ${input.rows} rows`);
    batch.push(entryOf(item, input, stop));
    if (batch.length >= options.batchSize) await flush();
  }
  await flush();
  // Planning is over: its per-post maps are garbage before the write's results arrive.
  settled.posts.clear();
  settled.inOrg.discard();
  collectGarbage();
  return answers;
}

/** What pass 2 makes of one row: a line already final (rejected, duplicate, not attempted) or a post to plan. */
function entryOf(item: ReadResult, input: PlanInput, stop: DailyLimitStop): BatchEntry {
  const file = input.exportFile.displayPath;
  if (item.kind === 'rejected') return { kind: 'done', line: rejectedLine(item.rejected, file) };
  if (input.stoppedBeforeWrites) return { kind: 'done', line: notAttemptedLine(item.row, file, stop.stoppedBy!) };
  const interaction = toInteraction(item.row, input.context);
  if (!isInteraction(interaction)) return { kind: 'done', line: rejectedLine(interaction, file) };
  const lineImported = input.settled.posts.importedLine(interaction.externalId)!;
  const deleted = input.settled.posts.deleted(interaction.externalId);
  if (lineImported !== interaction.origin.line) {
    return {
      kind: 'done',
      line: {
        ...resultBase(interaction, undefined, file),
        outcome: 'duplicate',
        reason: `the same post (${interaction.externalId}) as line ${lineImported}, which is the row imported${deleted ? ' (with the deletion)' : ''}`,
      },
    };
  }
  if (deleted && !interaction.deleted) {
    interaction.deleted = true;
    delete interaction.body;
  }
  return { kind: 'plan', interaction };
}

/** A row the run did not get to because the daily API limit stopped it first. */
function notAttemptedLine(row: SourceRow, file: string, error: DailyLimitError): ResultLine {
  return unwrittenLine(row.values, row.origin.line, file, 'failed', error.notAttempted);
}
