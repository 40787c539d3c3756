// `sf social mappings deploy`: parses flags, gets the Connection, hands off to mappings/deploy.ts and
// shows the plan as a table. Progress shows as stages (MultiStageOutput), silent with --json; the plan's
// tables follow once the stages end, as a table cannot be drawn under them.
import { resolve } from 'node:path';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { DEFAULT_BULK_THRESHOLD } from '../../../org/limits.js';
import { deployFailed, deployMapping, type DeployResult } from '../../../mappings/deploy.js';
import { OUTCOMES, type Outcome } from '../../../mappings/plan.js';
import { errorCodesSection, PARTIAL_SUCCESS_EXIT_CODE, ROW_COMMAND_EXIT_CODES } from '../../../terminal/exitCodes.js';
import { toSfError } from '../../../terminal/sfError.js';
import { stageTable, underStages } from '../../../terminal/stages.js';
import { showTable } from '../../../terminal/table.js';
import type { ChannelChange } from '../../../mappings/changeFiles.js';

/** Where results go: the folder given, else (not on a dry run, which writes only where asked) the default. */
function resultsDirOf(flag: string | undefined, dryRun: boolean): { resultsDir?: string } {
  if (flag !== undefined) return { resultsDir: resolve(flag) };
  return dryRun ? {} : { resultsDir: resolve(DEFAULT_RESULTS_DIR) };
}

const DEFAULT_RESULTS_DIR = 'social-mapping-results';

/** The deploy's stages, each opened by the first progress message mappings/deploy.ts sends in it. */
export const DEPLOY_STAGES = {
  title: 'Deploying mapping',
  stages: [
    'Read the mapping and its sources',
    'Follow converted Leads',
    'Resolve and plan',
    'Apply the plan',
    'Write results',
  ],
  stageOf: stageTable([
    ['Read the mapping and its sources', [/^Reading sources/]],
    ['Follow converted Leads', [/^Following converted leads/]],
    ['Resolve and plan', [/^Resolving/]],
    ['Apply the plan', [/^Writing \d+ (channel|identit|Lead)/, /^Removing/]],
    ['Write results', [/^Writing results/]],
  ]),
};

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@social-bridge/plugin-social', 'social.mappings.deploy');

export type { DeployResult } from '../../../mappings/deploy.js';

/** How the plan names each outcome before it is applied; the seven always show. */
const PLAN_LABELS: Record<Outcome, string> = {
  linked: 'to link',
  relinked: 'to relink',
  unchanged: 'unchanged',
  suggested: 'to suggest',
  ambiguous: 'ambiguous (not linked)',
  unmatched: 'unmatched',
  unlinked: 'link to remove',
  leadCreated: 'Lead to create',
  duplicate: 'duplicate row',
  rejected: 'rejected',
  failed: 'failed',
};
const ALWAYS_SHOWN: ReadonlySet<Outcome> = new Set([
  'linked',
  'relinked',
  'unchanged',
  'suggested',
  'ambiguous',
  'unmatched',
  'rejected',
]);

export default class Deploy extends SfCommand<DeployResult> {
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
    }),
    'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary'), default: false }),
    'allow-outside-sources': Flags.boolean({
      summary: messages.getMessage('flags.allow-outside-sources.summary'),
      description: messages.getMessage('flags.allow-outside-sources.description'),
      default: false,
    }),
    // No default in the flag: a dry run writes planned results only into a folder named on purpose.
    'results-dir': Flags.directory({
      summary: messages.getMessage('flags.results-dir.summary'),
      description: messages.getMessage('flags.results-dir.description'),
    }),
    'bulk-threshold': Flags.integer({
      summary: messages.getMessage('flags.bulk-threshold.summary'),
      default: DEFAULT_BULK_THRESHOLD,
      min: 0,
      hidden: true,
    }),
  };

  public async run(): Promise<DeployResult> {
    const { flags } = await this.parse(Deploy);
    const connection = flags['target-org'].getConnection(flags['api-version']);
    // The plan is shown after the stages: it is kept here when the deploy hands it over.
    const plan: { counts?: Record<Outcome, number>; channelChanges?: readonly ChannelChange[] } = {};
    const outcome = await underStages(
      DEPLOY_STAGES,
      this.jsonEnabled(),
      (onProgress) =>
        deployMapping({
          file: flags.file,
          connection,
          dryRun: flags['dry-run'],
          allowOutsideSources: flags['allow-outside-sources'],
          ...resultsDirOf(flags['results-dir'], flags['dry-run']),
          bulkThreshold: flags['bulk-threshold'],
          onProgress,
          onPlan: ({ counts, channelChanges }) => {
            Object.assign(plan, { counts, channelChanges });
          },
        }),
      (error) => toSfError(error, { id: 'social:mappings:deploy', argv: this.argv, config: this.config }),
    );
    const { result } = outcome;
    if (plan.counts && plan.channelChanges) {
      this.showCounts(messages.getMessage('plan.title', [flags.file]), plan.counts, PLAN_LABELS);
      this.showChannelChanges(plan.channelChanges);
    }

    if (!result.dryRun) {
      this.showCounts(messages.getMessage('result.title'), result.counts, undefined);
    }
    if (result.channels.errors.length > 0)
      this.warn(messages.getMessage('warning.channels', [result.channels.errors.join('\n')]));
    if (result.dryRun) {
      const planned = result.planned?.changes ?? 0;
      this.log(
        result.resultsDir === undefined
          ? messages.getMessage('info.dryRun', [planned])
          : messages.getMessage('info.dryRunResults', [result.resultsDir, planned]),
      );
    } else if (result.changes === 0) {
      this.log(messages.getMessage('info.rerun'));
    } else {
      this.logSuccess(messages.getMessage('info.done', [result.changes, result.resultsDir ?? '']));
    }
    if (deployFailed(result)) {
      this.warn(
        result.resultsDir === undefined
          ? messages.getMessage('warning.failuresNoResults', [result.counts.rejected, result.counts.failed])
          : messages.getMessage(result.dryRun ? 'warning.plannedFailures' : 'warning.failures', [
              result.counts.rejected,
              result.counts.failed,
              result.resultsDir,
            ]),
      );
      process.exitCode = PARTIAL_SUCCESS_EXIT_CODE;
    }
    return result;
  }

  /** Channel settings the deploy changes, one line per field: a setting the file no longer names is cleared. */
  private showChannelChanges(changes: readonly ChannelChange[]): void {
    if (this.jsonEnabled() || changes.length === 0) return;
    this.styledHeader(messages.getMessage('plan.channelsTitle'));
    showTable(
      this,
      changes.map((change) => ({
        channel: change.key,
        setting: change.field,
        now: change.change === 'created' ? messages.getMessage('plan.newChannel') : change.old,
        after: change.new === '' ? messages.getMessage('plan.cleared') : change.new,
      })),
      ['channel', 'setting', 'now', 'after'],
    );
  }

  /** A table of rows per outcome: the seven the plan always names, others only when they occur. */
  private showCounts(
    title: string,
    counts: Record<Outcome, number>,
    labels: Record<Outcome, string> | undefined,
  ): void {
    if (this.jsonEnabled()) return;
    this.styledHeader(title);
    showTable(
      this,
      OUTCOMES.filter((outcome) => counts[outcome] > 0 || ALWAYS_SHOWN.has(outcome)).map((outcome) => ({
        outcome: labels?.[outcome] ?? outcome,
        rows: counts[outcome],
      })),
      ['outcome', 'rows'],
    );
  }
}
