// `sf social replies deliver`: checks the webhook URL and the secret, gets the Connection, hands off to
// replies/deliver.ts (once, or in a loop with --watch) and prints what happened. Exit codes are in the
// ERROR CODES section of --help: 68 when a reply was not delivered, 2 when the receiver could not be reached.
import { Messages, SfError } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { errorCodesSection, PARTIAL_SUCCESS_EXIT_CODE, STOPPED_EXIT_CODE } from '../../../terminal/exitCodes.js';
import { toSfError } from '../../../terminal/sfError.js';
import { showTable } from '../../../terminal/table.js';
import { DEFAULT_LEASE_SECONDS, deliverReplies, deliveryFailed, type DeliverResult } from '../../../replies/deliver.js';
import { checkWebhookUrl } from '../../../replies/webhookUrl.js';
import { WebhookTransport } from '../../../replies/webhookTransport.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@social-bridge/plugin-social', 'social.replies.deliver');

export type { DeliverResult } from '../../../replies/deliver.js';

export const SECRET_VARIABLE = 'SOCIAL_BRIDGE_WEBHOOK_SECRET';
const UNREACHABLE_EXIT_CODE = 2;

export default class Deliver extends SfCommand<DeliverResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  public static override readonly errorCodes = errorCodesSection([
    { name: 'Succeeded', code: 0, text: messages.getMessage('errorCode.Succeeded') },
    { name: 'Failed', code: 1 },
    {
      name: 'ReceiverUnreachable',
      code: UNREACHABLE_EXIT_CODE,
      text: messages.getMessage('errorCode.ReceiverUnreachable'),
    },
    { name: 'PartialSuccess', code: PARTIAL_SUCCESS_EXIT_CODE, text: messages.getMessage('errorCode.PartialSuccess') },
    {
      name: 'StoppedByDailyLimit',
      code: STOPPED_EXIT_CODE,
      text: messages.getMessage('errorCode.StoppedByDailyLimit'),
    },
  ]);

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    'webhook-url': Flags.string({
      char: 'u',
      summary: messages.getMessage('flags.webhook-url.summary'),
      required: true,
    }),
    // eslint-disable-next-line sf-plugin/flag-min-max-default -- no --limit means every queued reply
    limit: Flags.integer({ summary: messages.getMessage('flags.limit.summary'), min: 1 }),
    watch: Flags.boolean({ summary: messages.getMessage('flags.watch.summary'), default: false }),
    // eslint-disable-next-line sf-plugin/no-depends-on-boolean-flag -- --watch has no --no-watch form: given means on
    interval: Flags.duration({
      summary: messages.getMessage('flags.interval.summary'),
      unit: 'seconds',
      defaultValue: 60,
      min: 1,
      dependsOn: ['watch'],
    }),
    'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary'), default: false }),
    'lease-seconds': Flags.duration({
      summary: messages.getMessage('flags.lease-seconds.summary'),
      unit: 'seconds',
      defaultValue: DEFAULT_LEASE_SECONDS,
      min: 1,
      hidden: true,
    }),
  };

  public async run(): Promise<DeliverResult> {
    const { flags } = await this.parse(Deliver);
    const checked = checkWebhookUrl(flags['webhook-url']);
    if ('problem' in checked) throw messages.createError(`error.${checked.problem}`, [flags['webhook-url']]);
    const secret = process.env[SECRET_VARIABLE];
    if (!secret) throw messages.createError('error.MissingSecret');
    const connection = flags['target-org'].getConnection(flags['api-version']);
    const transport = new WebhookTransport({ url: checked.url, secret });
    const runOnce = async (): Promise<DeliverResult> => {
      this.spinner.start('Delivering replies', undefined, { stdout: false });
      try {
        const result = await deliverReplies({
          connection,
          transport,
          dryRun: flags['dry-run'],
          leaseSeconds: flags['lease-seconds'].seconds,
          ...(flags.limit ? { limit: flags.limit } : {}),
          onProgress: (message) => {
            this.spinner.status = message;
          },
        });
        this.spinner.stop();
        return result;
      } catch (error) {
        this.spinner.stop('failed');
        throw toSfError(error, { id: 'social:replies:deliver', argv: this.argv, config: this.config }, messages);
      }
    };

    if (!flags.watch || flags['dry-run']) {
      const result = await runOnce();
      this.report(result);
      return result;
    }
    return this.watch(runOnce, flags.interval.seconds);
  }

  /**
   * Runs until SIGINT or SIGTERM; a run that fails (the org or the receiver away) does not end the loop.
   * SfCommand exits at once on those signals; here the first one lets the run in progress finish and
   * write its receipts (else its replies wait for their claims to expire), and a second one exits.
   */
  private async watch(runOnce: () => Promise<DeliverResult>, intervalSeconds: number): Promise<DeliverResult> {
    let stopping = false;
    let wake: () => void = () => undefined;
    const stop = (): void => {
      if (stopping) this.exit(130);
      stopping = true;
      wake();
    };
    const signals = ['SIGINT', 'SIGTERM'] as const;
    const framework = signals.map((signal) => [signal, process.listeners(signal)] as const);
    for (const signal of signals) {
      process.removeAllListeners(signal);
      process.on(signal, stop);
    }
    let last: DeliverResult | undefined;
    const totals = { sent: 0, failed: 0, queued: 0, wouldSend: 0, claimedElsewhere: 0 };
    try {
      while (!stopping) {
        try {
          last = await runOnce();
          for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += last.counts[key];
          if (last.receiverUnreachable) this.warn(unreachable(last).message);
          this.log(
            messages.getMessage('info.watching', [
              new Date().toISOString(),
              last.counts.sent,
              last.counts.failed,
              last.counts.queued,
              intervalSeconds,
            ]),
          );
        } catch (error) {
          this.warn(error instanceof Error ? error.message : String(error));
        }
        if (stopping) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, intervalSeconds * 1000);
        });
      }
    } finally {
      for (const [signal, listeners] of framework) {
        process.off(signal, stop);
        for (const listener of listeners) process.on(signal, listener);
      }
    }
    const result = last ?? (await runOnce());
    return { ...result, counts: totals };
  }

  private report(result: DeliverResult): void {
    if (result.dryRun) {
      if (result.replies.length > 0) {
        showTable(
          this,
          result.replies.map((reply) => ({ id: reply.id, network: reply.network, body: reply.reason ?? '' })),
          ['id', 'network', 'body'],
        );
      }
      this.log(messages.getMessage('info.dryRun', [result.counts.wouldSend]));
      return;
    }
    if (result.replies.length === 0 && !result.receiverUnreachable) {
      this.log(messages.getMessage('info.nothingQueued'));
    } else {
      this.styledHeader(messages.getMessage('counts.title', [result.destination]));
      showTable(
        this,
        (['sent', 'failed', 'queued'] as const).map((outcome) => ({ outcome, replies: result.counts[outcome] })),
        ['outcome', 'replies'],
      );
    }
    if (result.counts.claimedElsewhere > 0) {
      this.log(messages.getMessage('info.claimedElsewhere', [result.counts.claimedElsewhere]));
    }
    const notDelivered = result.replies.filter((reply) => reply.outcome !== 'Sent');
    if (notDelivered.length > 0 && !result.receiverUnreachable) {
      this.warn(
        messages.getMessage('warning.failures', [
          notDelivered
            .slice(0, 10)
            .map((reply) => `${reply.id} (${reply.outcome}, ${reply.attempts} attempt(s)): ${reply.reason ?? ''}`)
            .join('\n'),
        ]),
      );
    }
    if (result.duplicatePosts.length > 0) {
      this.warn(
        messages.getMessage('warning.duplicatePosts', [result.duplicatePosts.length, result.duplicatePosts.join(', ')]),
      );
    }
    if (result.receiptErrors.length > 0) {
      this.warn(
        messages.getMessage('warning.receiptErrors', [
          result.receiptErrors.length,
          result.receiptErrors.slice(0, 10).join('\n'),
        ]),
      );
    }
    if (result.receiverUnreachable) throw unreachable(result);
    this.log(
      messages.getMessage('info.done', [
        result.counts.sent,
        result.counts.failed,
        result.counts.queued,
        result.apiCalls,
      ]),
    );
    if (deliveryFailed(result)) process.exitCode = PARTIAL_SUCCESS_EXIT_CODE;
  }
}

function unreachable(result: DeliverResult): SfError {
  const error = messages.createError('error.ReceiverUnreachable', [
    result.destination,
    result.receiverUnreachable ?? '',
    result.counts.sent,
  ]);
  error.exitCode = UNREACHABLE_EXIT_CODE;
  error.setData(result as unknown as Parameters<typeof error.setData>[0]);
  return error;
}
