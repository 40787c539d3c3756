// Turns the library's MappingError into its message (`# error.<code>` with its actions, in
// messages/social.errors.md, one text for every command), keeping the problems as structured data for
// --json; and the daily API limit into `# error.DailyLimit`, which says where the results are, when the
// allowance comes back and the exact command to run again.
import { Messages, type SfError } from '@salesforce/core';
import { DailyLimitError } from '../org/errors.js';
import { formatProblem, MappingError } from '../mappings/problem.js';
import { STOPPED_EXIT_CODE } from './exitCodes.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const errors = Messages.loadMessages('@social-bridge/plugin-social', 'social.errors');

/** The running command, to repeat it in a resume hint. */
export interface RunningCommand {
  id?: string;
  argv: string[];
  config: { bin: string };
}

/**
 * `runTexts`: the bundle with the command's own words for a stopped run (`# info.dailyLimitResults`,
 * `# info.dailyLimitNoResults`, `# info.dailyLimitRerunSafe`); the shared ones, about rows, by default.
 */
export function toSfError(error: unknown, command?: RunningCommand, runTexts: Messages<string> = errors): Error {
  if (error instanceof DailyLimitError) return dailyLimitError(runTexts, error, command);
  if (!(error instanceof MappingError)) return error instanceof Error ? error : new Error(String(error));
  const sfError: SfError = errors.createError(`error.${error.code}`, [error.problems.map(formatProblem).join('\n')]);
  sfError.setData({ problems: error.problems } as unknown as Parameters<typeof sfError.setData>[0]);
  return sfError;
}

function dailyLimitError(runTexts: Messages<string>, error: DailyLimitError, command?: RunningCommand): SfError {
  const rerun = command ? rerunCommand(command) : 'the same command';
  const run = error.stoppedRun;
  // The allowance is a rolling 24 hours: every call this run made has aged out a day after it stopped.
  const fullyBack = new Date(error.at.getTime() + 24 * 60 * 60 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const where = run
    ? runTexts.getMessage('info.dailyLimitResults', [run.rows - run.notAttempted, run.resultsDir, run.notAttempted])
    : runTexts.getMessage('info.dailyLimitNoResults');
  const safe = runTexts.getMessage('info.dailyLimitRerunSafe');
  const sfError: SfError = errors.createError('error.DailyLimit', [error.message, where], [fullyBack, safe, rerun]);
  sfError.exitCode = STOPPED_EXIT_CODE;
  sfError.setData({
    limit: 'DailyApiRequests',
    ...(error.usage ? { used: error.usage.used, max: error.usage.max } : {}),
    at: error.at.toISOString(),
    ...(run ? { resultsDir: run.resultsDir, rows: run.rows, notAttempted: run.notAttempted } : {}),
    rerun,
  } as unknown as Parameters<typeof sfError.setData>[0]);
  return sfError;
}

/**
 * `sf social mappings deploy --file 'my file.yaml' …`: the command as typed, quoted for a POSIX shell.
 * An access token given as the org (`00D…!…`) is not repeated: error output ends up in CI logs.
 */
export function rerunCommand(command: RunningCommand): string {
  const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);
  const shown = (arg: string): string => (/^00D\w{12,15}!/.test(arg) ? quote('<access token or alias>') : quote(arg));
  return [command.config.bin, ...(command.id ? command.id.split(':') : []), ...command.argv.map(shown)].join(' ');
}
