// The exit codes the commands share, and the ERROR CODES section of their --help. 68 and 69 are the
// codes the sf CLI's own commands give (plugin-deploy-retrieve's `project deploy start`: 68 when the
// deploy partially succeeded, 69 when it has not finished; plugin-data's bulk commands: 69 when a job
// is still running at the end of --wait), so a pipeline that runs sf already knows them.
import { Messages } from '@salesforce/core';
import { toHelpSection } from '@salesforce/sf-plugins-core';

type HelpSection = ReturnType<typeof toHelpSection>;

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const errors = Messages.loadMessages('@social-bridge/plugin-social', 'social.errors');

/** The run finished, but some rows (replies, records) did not go through; the others did. */
export const PARTIAL_SUCCESS_EXIT_CODE = 68;
/** The daily API limit stopped the run before the end; the same command finishes it later. */
export const STOPPED_EXIT_CODE = 69;

export interface ExitCode {
  /** The name shown in --help, as sf shows a deploy's status: `PartialSuccess (68)`. */
  name: string;
  code: number;
  /** The command's own words; by default `# errorCode.<name>` of messages/social.errors.md. */
  text?: string;
}

/** For commands that read rows and write them (mappings deploy, interactions import). */
export const ROW_COMMAND_EXIT_CODES: readonly ExitCode[] = [
  { name: 'Succeeded', code: 0 },
  { name: 'Failed', code: 1 },
  { name: 'PartialSuccess', code: PARTIAL_SUCCESS_EXIT_CODE },
  { name: 'StoppedByDailyLimit', code: STOPPED_EXIT_CODE },
];

export function errorCodesSection(codes: readonly ExitCode[]): HelpSection {
  return toHelpSection(
    'ERROR CODES',
    Object.fromEntries(
      codes.map(({ name, code, text }) => [`${name} (${code})`, text ?? errors.getMessage(`errorCode.${name}`)]),
    ),
  );
}
