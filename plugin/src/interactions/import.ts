// `sf social interactions import`, as stages with one job each: read (pass 1: an outline per post and
// the identities, importRead.ts) -> settle (identities written or linked, posts threaded, importSettle.ts)
// -> plan (pass 2: the export read again and planned batch by batch, importPlan.ts) -> write and report
// (the spooled writes together, then every row's result with its write's outcome, importReport.ts).
// The export is read twice, streaming both times; the org's records of its posts are read once (with
// threading) and wait on disk for the plan (existingPosts.ts), as do the planned writes and the rows'
// results (spool.ts). Memory grows with the number of posts' outlines, not with the bodies. This module owns
// the order of the stages and what "done" means: every input row has exactly one outcome.
import { relative, resolve } from 'node:path';
import type { Connection } from '@salesforce/core';
import { loadMappingFile, type LoadedMapping } from '../mappings/mappingFile/load.js';
import type { Outcome } from '../mappings/plan.js';
import { followLeadConversions, type FollowedConversions } from '../conversions/followConversions.js';
import { OrgClient } from '../org/client.js';
import { DEFAULT_BULK_THRESHOLD } from '../org/limits.js';
import type { RetryPolicy } from '../org/retry.js';
import { chooseColumns } from './columns.js';
import { DailyLimitStop } from './dailyLimitStop.js';
import { outlineExport } from './importRead.js';
import { planImport } from './importPlan.js';
import { applyAndReport, ImportTally, markAnswered } from './importReport.js';
import { settleExport } from './importSettle.js';
import type { ChannelInfo, NormaliseContext } from './interaction.js';
import type { InteractionOutcome } from './plan.js';
import { checkExportFile, effectiveColumns, type ExportFile } from './read.js';
import { ResultsWriter } from './results.js';
import { ImportSpool } from './spool.js';
import { readOrgAtStart, UNREAD_ORG } from './orgAtStart.js';
import { DEFAULT_CONTINUATION_MINUTES } from './thread.js';

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
  /** Identities and interactions moved off converted Leads to their Contacts (planned on --dry-run). */
  followedConversions: FollowedConversions;
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

export async function importInteractions(options: ImportOptions): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const now = options.now?.() ?? new Date();
  const org = new OrgClient(options.connection, options.retry ? { retry: options.retry } : {});
  const stop = new DailyLimitStop();
  const bulkThreshold = options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD;
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
  const atStart = await stop.until(() => readOrgAtStart(org, loaded?.mapping), UNREAD_ORG);
  const { channels, channelRecords } = atStart;
  const context: NormaliseContext = {
    channels,
    columns,
    ...(columnMapping.network !== undefined ? { network: columnMapping.network } : {}),
    ...(columnMapping.networkValues !== undefined ? { networkValues: columnMapping.networkValues } : {}),
  };

  // Before anything is linked: an identity still on a converted Lead moves to its Contact first.
  progress('Following converted leads');
  const followedConversions = await followLeadConversions(org, {
    dryRun: options.dryRun,
    read: atStart.onConvertedLeads,
  });

  const outline = await outlineExport(exportFile, columns, context, {
    progress,
    stopped: () => stop.stoppedBy !== undefined,
  });
  const { rows } = outline;
  const settled = await settleExport(org, outline, stop, {
    ...(loaded ? { loaded } : {}),
    ...(options.mappingFile ? { mappingDisplayPath: options.mappingFile } : {}),
    channels,
    channelRecords,
    dryRun: options.dryRun,
    bulkThreshold,
    now: now.toISOString(),
    continuationMinutes: options.continuationMinutes ?? DEFAULT_CONTINUATION_MINUTES,
    orgHoldsInteractions: atStart.holdsInteractions,
    progress,
  });
  const { settlement } = settled;
  const stoppedBeforeWrites = stop.stoppedBy !== undefined;

  const writer = options.dryRun ? undefined : await ResultsWriter.open(options.resultsDir);
  // The planned writes and every row's result line wait here for the write (none on --dry-run).
  const spool = options.dryRun ? undefined : await ImportSpool.open();
  const tally = new ImportTally(writer);
  tally.changes = settlement.written + followedConversions.identities + followedConversions.interactions;
  tally.usedBulk = settlement.usedBulk;
  let answers: Array<Record<string, unknown>>;
  try {
    answers = await planImport(
      org,
      { exportFile, columns, context, channels, rows, settled, stoppedBeforeWrites },
      { spool, tally },
      stop,
      { batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, progress },
    );
    if (spool) await applyAndReport(org, spool, tally, stop, { bulkThreshold, progress });
  } catch (error) {
    // A failure of the run as a whole (not of a row): leave no half-written results behind.
    await writer?.abandon();
    throw error;
  } finally {
    await spool?.discard();
    settled.inOrg.discard();
  }

  progress('Marking questions this export answers');
  const answeredInOrg = await markAnswered(org, answers, tally, stop, options.dryRun);

  const resultsDir = writer ? (await writer.close(), writer.dir) : undefined;
  stop.stoppedBy ??= org.dailyLimit;
  if (stop.stoppedBy) {
    if (resultsDir !== undefined) stop.stoppedBy.stoppedRun = { resultsDir, rows, notAttempted: tally.notAttempted };
    throw stop.stoppedBy;
  }
  return {
    file: options.file,
    ...(options.mappingFile ? { mapping: options.mappingFile } : {}),
    columns: columnMapping.describedAs,
    dryRun: options.dryRun,
    rows,
    counts: tally.counts,
    changes: tally.changes,
    identities: {
      distinct: settlement.byExternalId.size,
      onRecords: [...settlement.byExternalId.values()].filter(
        (settledIdentity) => settledIdentity.link.contactId ?? settledIdentity.link.leadId,
      ).length,
      written: settlement.written,
      counts: settlement.counts,
    },
    warnings: tally.warnings,
    threads: tally.threadKeys.size,
    answeredInOrg,
    followedConversions,
    apiCalls: org.apiCalls,
    usedBulk: tally.usedBulk,
    ...(resultsDir ? { resultsDir } : {}),
    problems: tally.problems,
  };
}

/** An import failed when any row was rejected or could not be written. */
export function importFailed(result: ImportResult): boolean {
  return result.counts.rejected > 0 || result.counts.failed > 0;
}

export type { ChannelInfo };
