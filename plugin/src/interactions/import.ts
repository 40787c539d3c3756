// `sf social interactions import`: read -> normalise -> identities -> thread -> plan -> apply -> report.
// The export is read twice, streaming both times. The first pass keeps a small outline per post (ids,
// parent, person, time; no body) to settle identities and threads: a reply may come before its parent
// in the file, and a private message may continue a public post that comes later in the file but earlier
// in time. The second pass reads and plans batch by batch and keeps the planned writes and the rows'
// results on disk (spool.ts); the writes then go out together, in one Bulk API job above the threshold,
// and each row's result is written with its write's outcome. Memory grows with the number of posts'
// outlines, not with the bodies.
import { relative, resolve } from 'node:path';
import type { Connection } from '@salesforce/core';
import { DEFAULT_BULK_THRESHOLD } from '../mappings/apply.js';
import { collectGarbage } from '../memory/collectGarbage.js';
import type { Identity } from '../mappings/identity.js';
import { loadMappingFile, type LoadedMapping } from '../mappings/mappingFile/load.js';
import { DailyLimitError, OrgClient, type RetryPolicy, type SaveOutcome } from '../org/client.js';
import { countOutcomes, type Outcome } from '../mappings/plan.js';
import type { SourceRow } from '../mappings/sources/row.js';
import { answerUpdates, readOpenQuestions, type OutboundMessage } from './answers.js';
import {
  applyWrites,
  planBatch,
  readExisting,
  rejectedLine,
  resultBase,
  settleLine,
  unwrittenLine,
  type BatchContext,
  type BatchEntry,
  type PlannedBatch,
} from './batch.js';
import { readChannels } from './channels.js';
import { chooseColumns } from './columns.js';
import { readAccounts, settleIdentities, type IdentitySettlement } from './identities.js';
import { isInteraction, toInteraction, type ChannelInfo, type NormaliseContext } from './interaction.js';
import { threadOutlines } from './orgThreads.js';
import { remember, type Outline } from './outline.js';
import { INTERACTION_OUTCOMES, type InteractionOutcome } from './plan.js';
import { ReadRound } from './readRound.js';
import { checkExportFile, effectiveColumns, readExport, type ExportFile } from './read.js';
import { ResultsWriter, type ResultLine } from './results.js';
import { ImportSpool } from './spool.js';
import { firstResponses } from './status.js';
import { DEFAULT_CONTINUATION_MINUTES, type ThreadAssignment } from './thread.js';

/** The JSON result of `sf social interactions import` (stable: scripts read it). */
export interface ImportResult {
  file: string;
  mapping?: string;
  /** "default columns" or "source <name> in <mapping file>". */
  columns: string;
  dryRun: boolean;
  /** Input rows read; the counts add up to it. */
  rows: number;
  counts: Record<InteractionOutcome, number>;
  /** Records created or changed (interactions and identities; planned ones on --dry-run). 0 on a rerun. */
  changes: number;
  /**
   * distinct: identities in the file; onRecords: those Linked to a Contact or Lead, whose interactions
   * appear on that record; written: created or changed; counts: what the mapping step decided per
   * identity (without --mapping every identity is "unmatched": no rules ran, existing links are kept).
   */
  identities: { distinct: number; onRecords: number; written: number; counts: Record<Outcome, number> };
  /** Rows imported with a warning (a truncated body). */
  warnings: number;
  /** Questions already in the org (Needs_Response) that this export's outbound messages answer: marked Responded. */
  answeredInOrg: number;
  /** Distinct thread keys among the imported interactions. */
  threads: number;
  apiCalls: number;
  usedBulk: boolean;
  /** Where the per-outcome CSVs are; absent on --dry-run. */
  resultsDir?: string;
  /** The first problems, as file:line: reason (all of them are in rejected.csv and failed.csv). */
  problems: string[];
}

export interface ImportOptions {
  file: string;
  connection: Connection;
  mappingFile?: string;
  dryRun: boolean;
  resultsDir: string;
  bulkThreshold?: number;
  /** How hard to retry what the org did not process (tests shorten the pauses). */
  retry?: Partial<RetryPolicy>;
  /** Posts planned and written together; each batch costs one query set and one write set. */
  batchSize?: number;
  continuationMinutes?: number;
  onProgress?: (message: string) => void;
  now?: () => Date;
}

export const DEFAULT_BATCH_SIZE = 10_000;
const SHOWN_PROBLEMS = 20;

export async function importInteractions(options: ImportOptions): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const now = options.now?.() ?? new Date();
  const org = new OrgClient(options.connection, options.retry ? { retry: options.retry } : {});
  // Once the org's daily API allowance is used up nothing more is sent: every row not yet written is
  // reported NOT_ATTEMPTED, the results are written, and the command says how to resume.
  let stoppedBy: DailyLimitError | undefined;
  const untilDailyLimit = async <T>(step: () => Promise<T>, instead: T): Promise<T> => {
    if (stoppedBy) return instead;
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof DailyLimitError)) throw error;
      stoppedBy = error;
      return instead;
    }
  };
  const loaded: LoadedMapping | undefined = options.mappingFile
    ? await loadMappingFile(options.mappingFile)
    : undefined;

  const shown = relative(process.cwd(), resolve(options.file));
  const columnMapping = chooseColumns(options.file, loaded, options.mappingFile);
  const exportFile: ExportFile = {
    path: resolve(options.file),
    displayPath: shown.startsWith('..') ? resolve(options.file) : shown,
    mapping: columnMapping,
  };
  await checkExportFile(exportFile);
  const columns = await effectiveColumns(exportFile);

  progress('Reading channels');
  const { channels, records: channelRecords } = await untilDailyLimit(() => readChannels(org, loaded?.mapping), {
    channels: new Map<string, ChannelInfo>(),
    records: [],
  });
  const context: NormaliseContext = {
    channels,
    columns,
    ...(columnMapping.network !== undefined ? { network: columnMapping.network } : {}),
    ...(columnMapping.networkValues !== undefined ? { networkValues: columnMapping.networkValues } : {}),
  };

  // Pass 1: outlines, identities, parents.
  progress('Reading the export (1/2)');
  const outlines = new Map<string, Outline>();
  const identities = new Map<string, Identity>();
  let rows = 0;
  for await (const item of readExport(exportFile, columns)) {
    rows += 1;
    if (rows % 10_000 === 0) progress(`Reading the export (1/2): ${rows} rows`);
    if (item.kind === 'rejected' || stoppedBy) continue;
    const interaction = toInteraction(item.row, context);
    if (!isInteraction(interaction)) continue;
    if (interaction.identity !== undefined && !identities.has(interaction.identity.externalId)) {
      identities.set(interaction.identity.externalId, interaction.identity);
    }
    remember(outlines, interaction);
  }

  progress(`Settling ${identities.size} identities`);
  const noSettlement: IdentitySettlement = {
    byExternalId: new Map(),
    counts: countOutcomes([]),
    written: 0,
    usedBulk: false,
  };
  const settlement = await untilDailyLimit(
    () =>
      settleIdentities(org, [...identities.values()], {
        ...(loaded ? { loaded } : {}),
        ...(options.mappingFile ? { mappingDisplayPath: options.mappingFile } : {}),
        channels,
        channelRecords,
        dryRun: options.dryRun,
        bulkThreshold: options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD,
        now: now.toISOString(),
        onProgress: progress,
      }),
    noSettlement,
  );
  identities.clear();
  // The identities of pass 1 and the identity step's resolutions and plan are garbage now
  // (mappings/collectGarbage.ts).
  collectGarbage();

  progress('Threading');
  const { threads, inOrg } = await untilDailyLimit(
    async () => {
      // The linked Contacts' accounts are read with threading's first read.
      const round = new ReadRound();
      const setAccounts = readAccounts(round, settlement.byExternalId);
      const threading = await threadOutlines(
        org,
        outlines,
        settlement.byExternalId,
        options.continuationMinutes ?? DEFAULT_CONTINUATION_MINUTES,
        round,
      );
      setAccounts();
      return threading;
    },
    { threads: new Map(), inOrg: new Set<string>() },
  );
  // Stopped before any interaction was planned: rows are not even normalised (the channels may be unknown).
  const stoppedBeforeWrites = stoppedBy !== undefined;
  const { answered, outbound } = responsesInFile(outlines, threads);
  // Of each post, pass 2 needs only the line imported and whether a row deleted it: a number a post
  // instead of its outline (some 400 bytes).
  const importedLine = new Map<string, number>();
  const deletedPosts = new Set<string>();
  for (const [externalId, outline] of outlines) {
    importedLine.set(externalId, outline.line);
    if (outline.deleted) deletedPosts.add(externalId);
  }
  outlines.clear();
  // Threading's working set (what it read from the org and what assignThreads built) and the outlines
  // are garbage now.
  collectGarbage();

  // Pass 2: plan batch by batch, then apply every write at once and report.
  const writer = options.dryRun ? undefined : await ResultsWriter.open(options.resultsDir);
  // The planned writes and every row's result line wait here for the write (none on --dry-run).
  const spool = options.dryRun ? undefined : await ImportSpool.open();
  const counts = Object.fromEntries(INTERACTION_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    InteractionOutcome,
    number
  >;
  const problems: string[] = [];
  let changes = settlement.written;
  let warnings = 0;
  let usedBulk = settlement.usedBulk;
  const threadKeys = new Set<string>();
  let notAttempted = 0;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const bulkThreshold = options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD;

  const report = async (line: ResultLine): Promise<void> => {
    if (line.threadKey !== '') threadKeys.add(String(line.threadKey));
    counts[line.outcome as InteractionOutcome] += 1;
    if ((line.outcome === 'rejected' || line.outcome === 'failed') && problems.length < SHOWN_PROBLEMS) {
      problems.push(`${line.file}:${line.line}: ${line.reason}`);
    }
    if (line.warning !== '') warnings += 1;
    if (String(line.reason).includes('NOT_ATTEMPTED')) notAttempted += 1;
    await writer?.write(line);
  };

  const batchContext: BatchContext = {
    identities: settlement.byExternalId,
    threads,
    answered,
    channels,
    displayPath: exportFile.displayPath,
  };
  // Questions already in the org in the threads of the export's outbound messages: read with the
  // first batch's posts, in the same composite calls.
  let questionsRound: ReadRound | undefined = new ReadRound();
  const openQuestions = readOpenQuestions(questionsRound, new Set(outbound.map((message) => message.threadKey)));
  let answers: Array<Record<string, unknown>> = [];
  let batch: BatchEntry[] = [];
  const flush = async (): Promise<void> => {
    // Only posts the org held at the start can exist: a first import reads nothing back.
    const ids = batch.flatMap((entry) =>
      entry.kind === 'plan' && inOrg.has(entry.interaction.externalId) ? [entry.interaction.externalId] : [],
    );
    const round = questionsRound ?? new ReadRound();
    const withQuestions = questionsRound !== undefined;
    questionsRound = undefined;
    const existing = await untilDailyLimit(() => readExisting(org, ids, round), undefined);
    if (withQuestions && existing !== undefined) answers = answerUpdates(openQuestions(), outbound, importedLine);
    let planned: PlannedBatch;
    if (stoppedBy || existing === undefined) {
      const reason = stoppedBy!.notAttempted;
      const lines = batch.map((entry): ResultLine =>
        entry.kind === 'done'
          ? entry.line
          : { ...resultBase(entry.interaction, undefined, exportFile.displayPath), outcome: 'failed', reason },
      );
      planned = { lines, writes: [], writeOf: new Map() };
    } else {
      planned = planBatch(batch, existing, batchContext);
    }
    if (spool) {
      await spool.add(planned);
    } else {
      changes += planned.writes.length;
      for (const line of planned.lines) await report(line);
    }
    batch = [];
    // The batch's rows, the org's records and the plan are garbage now.
    collectGarbage();
  };

  // Every batch's writes together (one Bulk API job above the threshold, unless the upload would be too
  // large: no write needs another's record id), then every row's result in the file's order, with its
  // write's outcome. A job's outcomes are held only until its rows are reported.
  const applyAndReport = async (pending: ImportSpool): Promise<void> => {
    const jobs = pending.plannedJobs();
    let outcomes: SaveOutcome[] | undefined;
    let first = 0;
    let end = 0;
    for await (const { line, write } of pending.spooledLines()) {
      if (write === undefined) {
        await report(line);
        continue;
      }
      if (write >= end) {
        const job = jobs.shift()!;
        first = job.first;
        end = first + job.records.count;
        outcomes = undefined;
        collectGarbage();
        if (!stoppedBy) {
          const applied = await applyWrites(org, job.records, { bulkThreshold, onProgress: progress });
          outcomes = applied.outcomes;
          usedBulk ||= applied.usedBulk;
          stoppedBy ??= org.dailyLimit;
        }
      }
      if (outcomes === undefined) {
        // The daily limit stopped the run before the write was sent.
        await report({
          ...line,
          outcome: 'failed',
          recordId: '',
          threadKey: '',
          status: '',
          reason: stoppedBy!.notAttempted,
        });
        continue;
      }
      if (settleLine(line, outcomes[write - first])) changes += 1;
      await report(line);
    }
  };

  try {
    progress('Importing (2/2)');
    let line2 = 0;
    for await (const item of readExport(exportFile, columns)) {
      line2 += 1;
      if (line2 % 10_000 === 0) progress(`Importing (2/2): ${line2} of ${rows} rows`);
      if (item.kind === 'rejected') {
        batch.push({ kind: 'done', line: rejectedLine(item.rejected, exportFile.displayPath) });
      } else if (stoppedBeforeWrites) {
        batch.push({ kind: 'done', line: notAttemptedLine(item.row, exportFile.displayPath, stoppedBy!) });
      } else {
        const interaction = toInteraction(item.row, context);
        if (!isInteraction(interaction)) {
          batch.push({ kind: 'done', line: rejectedLine(interaction, exportFile.displayPath) });
        } else {
          const lineImported = importedLine.get(interaction.externalId)!;
          const deleted = deletedPosts.has(interaction.externalId);
          if (lineImported !== interaction.origin.line) {
            batch.push({
              kind: 'done',
              line: {
                ...resultBase(interaction, undefined, exportFile.displayPath),
                outcome: 'duplicate',
                reason: `the same post (${interaction.externalId}) as line ${lineImported}, which is the row imported${deleted ? ' (with the deletion)' : ''}`,
              },
            });
          } else {
            if (deleted && !interaction.deleted) {
              interaction.deleted = true;
              delete interaction.body;
            }
            batch.push({ kind: 'plan', interaction });
          }
        }
      }
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    // Planning is over: its per-post maps are garbage before the write's results arrive.
    for (const planningState of [threads, answered, importedLine, deletedPosts]) planningState.clear();
    collectGarbage();
    if (spool) await applyAndReport(spool);
  } catch (error) {
    // A failure of the run as a whole (not of a row): leave no half-written results behind.
    await writer?.abandon();
    throw error;
  } finally {
    await spool?.discard();
  }

  progress('Marking questions this export answers');
  let answeredInOrg = answers.length;
  if (!options.dryRun && answers.length > 0 && !stoppedBy) {
    const results = await org.upsertCollections('Social_Interaction__c', 'External_Id__c', answers);
    answeredInOrg = results.filter((result) => result.success).length;
    changes += answeredInOrg;
    problems.push(
      ...results.flatMap((result, index) =>
        result.success
          ? []
          : [`${String(answers[index]!.External_Id__c)}: could not be marked Responded: ${result.error ?? 'failed'}`],
      ),
    );
  } else if (options.dryRun) {
    changes += answers.length;
  }

  const resultsDir = writer ? (await writer.close(), writer.dir) : undefined;
  stoppedBy ??= org.dailyLimit;
  if (stoppedBy) {
    if (resultsDir !== undefined) stoppedBy.stoppedRun = { resultsDir, rows, notAttempted };
    throw stoppedBy;
  }
  return {
    file: options.file,
    ...(options.mappingFile ? { mapping: options.mappingFile } : {}),
    columns: columnMapping.describedAs,
    dryRun: options.dryRun,
    rows,
    counts,
    changes,
    identities: {
      distinct: settlement.byExternalId.size,
      onRecords: [...settlement.byExternalId.values()].filter(
        (settled) => settled.link.contactId ?? settled.link.leadId,
      ).length,
      written: settlement.written,
      counts: settlement.counts,
    },
    warnings,
    threads: threadKeys.size,
    answeredInOrg,
    apiCalls: org.apiCalls,
    usedBulk,
    ...(resultsDir ? { resultsDir } : {}),
    problems,
  };
}

/** An import failed when any row was rejected or could not be written. */
export function importFailed(result: ImportResult): boolean {
  return result.counts.rejected > 0 || result.counts.failed > 0;
}

export type { ChannelInfo };

/**
 * Pure: per inbound post, when the file holds the company's first answer in its thread (status.ts), and
 * the company's messages, which may answer questions already in the org (answers.ts).
 */
function responsesInFile(
  outlines: ReadonlyMap<string, Outline>,
  threads: ReadonlyMap<string, ThreadAssignment>,
): { answered: Map<string, number>; outbound: OutboundMessage[] } {
  const threaded: Array<OutboundMessage & { externalId: string; direction: 'Inbound' | 'Outbound' }> = [];
  for (const [externalId, outline] of outlines) {
    const thread = threads.get(externalId);
    if (outline.postedAtMs === undefined || thread === undefined) continue;
    threaded.push({
      externalId,
      threadKey: thread.threadKey,
      direction: outline.direction,
      postedAtMs: outline.postedAtMs,
    });
  }
  return {
    answered: firstResponses(threaded),
    outbound: threaded.filter((message) => message.direction === 'Outbound'),
  };
}

/** A row the run did not get to because the daily API limit stopped it first. */
function notAttemptedLine(row: SourceRow, file: string, error: DailyLimitError): ResultLine {
  return unwrittenLine(row.values, row.origin.line, file, 'failed', error.notAttempted);
}
