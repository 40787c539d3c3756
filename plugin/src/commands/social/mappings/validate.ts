// `sf social mappings validate --file F`: parses flags and hands off to mappings/validate.ts.
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { validateMapping, type ValidateResult } from '../../../mappings/validate.js';
import { toSfError } from '../../../terminal/sfError.js';
import { formatProblem } from '../../../mappings/problem.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@social-bridge/plugin-social', 'social.mappings.validate');

export type { ValidateResult } from '../../../mappings/validate.js';

/** Rows listed in the human output; --json always has them all. */
const SHOWN_PROBLEMS = 50;

export default class Validate extends SfCommand<ValidateResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    file: Flags.file({
      char: 'f',
      summary: messages.getMessage('flags.file.summary'),
      description: messages.getMessage('flags.file.description'),
      required: true,
    }),
    'allow-outside-sources': Flags.boolean({
      summary: messages.getMessage('flags.allow-outside-sources.summary'),
      description: messages.getMessage('flags.allow-outside-sources.description'),
      default: false,
    }),
  };

  public async run(): Promise<ValidateResult> {
    const { flags } = await this.parse(Validate);
    let result: ValidateResult;
    try {
      result = await validateMapping(
        flags.file,
        (rows) => {
          if (!this.jsonEnabled()) this.logToStderr(`… ${rows} rows read`);
        },
        { allowOutsideSources: flags['allow-outside-sources'] },
      );
    } catch (error) {
      throw toSfError(error);
    }
    // Warnings come first: a file with rejected rows still shows what its rules will do.
    if (result.warnings.length > 0 && !this.jsonEnabled())
      this.warn(messages.getMessage('warning.rules', [result.warnings.map(formatProblem).join('\n')]));
    if (!result.valid) {
      const shown = result.problems.slice(0, SHOWN_PROBLEMS).map(formatProblem);
      if (result.problems.length > SHOWN_PROBLEMS)
        shown.push(`… and ${result.problems.length - SHOWN_PROBLEMS} more (use --json to see all)`);
      const error = messages.createError('error.RejectedRows', [result.rejected, result.rows, shown.join('\n')]);
      error.setData(result as unknown as Parameters<typeof error.setData>[0]);
      throw error;
    }
    this.logSuccess(
      messages.getMessage('info.valid', [
        result.file,
        result.channels,
        result.rules,
        result.rows,
        result.sources.length,
        result.identities,
      ]),
    );
    return result;
  }
}
