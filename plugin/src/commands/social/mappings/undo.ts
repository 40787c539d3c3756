// `sf social mappings undo`: parses flags, gets the Connection, hands off to mappings/undo/undo.ts and
// shows what was undone, and what was left alone because it changed since the deploy.
import { resolve } from 'node:path';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { UndoInputError } from '../../../mappings/undo/deployResults.js';
import { UNDO_OUTCOMES } from '../../../mappings/undo/decide.js';
import { undoDeploy, type UndoResult } from '../../../mappings/undo/undo.js';
import { errorCodesSection, PARTIAL_SUCCESS_EXIT_CODE } from '../../../terminal/exitCodes.js';
import { stageTable, underStages } from '../../../terminal/stages.js';
import { showTable } from '../../../terminal/table.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@social-bridge/plugin-social', 'social.mappings.undo');

export type { UndoResult } from '../../../mappings/undo/undo.js';

/** How many left-alone records the terminal lists; the results folder and --json have all of them. */
const SHOWN_CHANGED = 20;

/** Undo's stages, each opened by the first progress message mappings/undo/undo.ts sends in it. */
export const UNDO_STAGES = {
  title: 'Undoing deploy',
  stages: ['Read what the deploy wrote', 'Restore identities and channels', 'Delete created records'],
  stageOf: stageTable([
    ['Read what the deploy wrote', [/^Reading the \d+ record/]],
    ['Restore identities and channels', [/^Restoring/]],
    ['Delete created records', [/^Deleting/]],
  ]),
};

export default class Undo extends SfCommand<UndoResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  public static override readonly errorCodes = errorCodesSection([
    { name: 'Succeeded', code: 0, text: messages.getMessage('errorCode.Succeeded') },
    { name: 'Failed', code: 1 },
    { name: 'PartialSuccess', code: PARTIAL_SUCCESS_EXIT_CODE, text: messages.getMessage('errorCode.PartialSuccess') },
  ]);

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    'results-dir': Flags.directory({
      summary: messages.getMessage('flags.results-dir.summary'),
      description: messages.getMessage('flags.results-dir.description'),
      required: true,
      exists: true,
    }),
    'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary'), default: false }),
    'delete-created': Flags.boolean({
      summary: messages.getMessage('flags.delete-created.summary'),
      description: messages.getMessage('flags.delete-created.description'),
      default: false,
    }),
  };

  public async run(): Promise<UndoResult> {
    const { flags } = await this.parse(Undo);
    const connection = flags['target-org'].getConnection(flags['api-version']);
    const result = await underStages(
      UNDO_STAGES,
      this.jsonEnabled(),
      (onProgress) =>
        undoDeploy({
          resultsDir: resolve(flags['results-dir']),
          connection,
          dryRun: flags['dry-run'],
          deleteCreated: flags['delete-created'],
          onProgress,
        }),
      (error) =>
        error instanceof UndoInputError
          ? messages.createError(`error.${error.code}`, [error.message])
          : (error as Error),
    );

    if (!this.jsonEnabled()) {
      this.styledHeader(messages.getMessage(result.dryRun ? 'plan.title' : 'result.title', [result.resultsDir]));
      showTable(
        this,
        UNDO_OUTCOMES.map((outcome) => ({ outcome, records: result.counts[outcome] })),
        ['outcome', 'records'],
      );
    }
    if (result.changedSince.length > 0) {
      const shown = result.changedSince
        .slice(0, SHOWN_CHANGED)
        .map((line) => `${line.kind} ${line.key}${line.id ? ` (${line.id})` : ''}: ${line.reason}`);
      if (result.changedSince.length > SHOWN_CHANGED)
        shown.push(`… and ${result.changedSince.length - SHOWN_CHANGED} more in changed-since.csv`);
      this.warn(messages.getMessage('warning.changedSince', [result.changedSince.length, shown.join('\n')]));
    }
    const done = result.counts.restored + result.counts.unlinked + result.counts.deleted;
    if (result.dryRun) this.log(messages.getMessage('info.dryRun', [done, result.undoDir]));
    else if (done === 0) this.log(messages.getMessage('info.nothing', [result.undoDir]));
    else this.logSuccess(messages.getMessage('info.done', [done, result.undoDir]));
    if (result.counts.failed > 0) {
      this.warn(messages.getMessage('warning.failed', [result.counts.failed, result.undoDir]));
      process.exitCode = PARTIAL_SUCCESS_EXIT_CODE;
    }
    return result;
  }
}
