// `sf social interactions import`: parses flags, gets the Connection, hands off to
// interactions/import.ts and prints the counts. Progress shows as stages (MultiStageOutput), silent
// with --json.
import { resolve } from 'node:path';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { DEFAULT_BULK_THRESHOLD } from '../../../org/limits.js';
import { errorCodesSection, PARTIAL_SUCCESS_EXIT_CODE, ROW_COMMAND_EXIT_CODES } from '../../../terminal/exitCodes.js';
import { toSfError } from '../../../terminal/sfError.js';
import { stageTable, underStages } from '../../../terminal/stages.js';
import { showTable } from '../../../terminal/table.js';
import { importFailed, importInteractions, type ImportResult } from '../../../interactions/import.js';
import { INTERACTION_OUTCOMES } from '../../../interactions/plan.js';
import { DEFAULT_CONTINUATION_MINUTES } from '../../../interactions/thread.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@social-bridge/plugin-social', 'social.interactions.import');

export type { ImportResult } from '../../../interactions/import.js';

/** The import's stages, each opened by the first progress message interactions/import.ts sends in it. */
export const IMPORT_STAGES = {
  title: 'Importing interactions',
  stages: [
    'Read channels',
    'Follow converted Leads',
    'Read the export, settle identities and threads',
    'Write interactions',
    'Mark answered questions',
  ],
  stageOf: stageTable([
    ['Read channels', [/^Reading channels/]],
    ['Follow converted Leads', [/^Following converted leads/]],
    ['Read the export, settle identities and threads', [/^Reading the export/, /^Settling/, /^Threading/]],
    ['Write interactions', [/^Importing \(2\/2\)/, /^Writing \d+ interaction/]],
    ['Mark answered questions', [/^Marking questions/]],
  ]),
};

export default class Import extends SfCommand<ImportResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  public static override readonly errorCodes = errorCodesSection(ROW_COMMAND_EXIT_CODES);

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    file: Flags.file({
      char: 'f',
      summary: messages.getMessage('flags.file.summary'),
      description: messages.getMessage('flags.file.description'),
      required: true,
      exists: true,
    }),
    mapping: Flags.file({
      char: 'm',
      summary: messages.getMessage('flags.mapping.summary'),
      description: messages.getMessage('flags.mapping.description'),
      exists: true,
    }),
    'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary'), default: false }),
    'results-dir': Flags.directory({
      summary: messages.getMessage('flags.results-dir.summary'),
      default: 'social-import-results',
    }),
    // No min: Flags.duration checks only a min above 0; run() refuses a negative window.
    'continuation-minutes': Flags.duration({
      summary: messages.getMessage('flags.continuation-minutes.summary'),
      unit: 'minutes',
      defaultValue: DEFAULT_CONTINUATION_MINUTES,
    }),
    'bulk-threshold': Flags.integer({
      summary: messages.getMessage('flags.bulk-threshold.summary'),
      default: DEFAULT_BULK_THRESHOLD,
      min: 0,
      hidden: true,
    }),
  };

  public async run(): Promise<ImportResult> {
    const { flags } = await this.parse(Import);
    if (flags['continuation-minutes'].minutes < 0)
      throw messages.createError('error.NegativeContinuation', [flags['continuation-minutes'].minutes]);
    const connection = flags['target-org'].getConnection(flags['api-version']);
    const result = await underStages(
      IMPORT_STAGES,
      this.jsonEnabled(),
      (onProgress) =>
        importInteractions({
          file: flags.file,
          connection,
          ...(flags.mapping ? { mappingFile: flags.mapping } : {}),
          dryRun: flags['dry-run'],
          resultsDir: resolve(flags['results-dir']),
          bulkThreshold: flags['bulk-threshold'],
          continuationMinutes: flags['continuation-minutes'].minutes,
          onProgress,
        }),
      (error) => toSfError(error, { id: 'social:interactions:import', argv: this.argv, config: this.config }),
    );

    this.styledHeader(messages.getMessage('counts.title', [result.file, result.columns]));
    showTable(
      this,
      INTERACTION_OUTCOMES.map((outcome) => ({ outcome, rows: result.counts[outcome] })),
      ['outcome', 'rows'],
    );
    this.log(
      messages.getMessage('info.identities', [
        result.identities.distinct,
        result.identities.onRecords,
        result.identities.written,
        result.identities.counts.linked,
        result.identities.counts.suggested,
      ]),
    );
    if (result.warnings > 0)
      this.warn(messages.getMessage('warning.truncated', [result.warnings, result.resultsDir ?? '']));
    if (result.dryRun) {
      this.log(messages.getMessage('info.dryRun', [result.changes]));
    } else if (result.changes === 0 && !importFailed(result)) {
      this.log(messages.getMessage('info.rerun'));
    } else if (result.changes === 0) {
      this.log(messages.getMessage('info.nothingWritten', [result.resultsDir ?? '']));
    } else {
      this.logSuccess(messages.getMessage('info.done', [result.changes, result.threads, result.resultsDir ?? '']));
    }
    if (importFailed(result)) {
      this.warn(
        messages.getMessage('warning.failures', [
          result.counts.rejected,
          result.counts.failed,
          result.resultsDir ?? '(dry run: no results written)',
          result.problems.slice(0, 10).join('\n'),
        ]),
      );
      process.exitCode = PARTIAL_SUCCESS_EXIT_CODE;
    }
    return result;
  }
}
