// Long work under a command's spinner (on stderr; SfCommand silences it with --json): the work's
// progress messages become the spinner's status, and a failure stops it with "failed" before the
// error, turned into the command's own message, is thrown.
import type { SfCommand } from '@salesforce/sf-plugins-core';

type Spinner = SfCommand<unknown>['spinner'];

export async function underSpinner<T>(
  spinner: Spinner,
  title: string,
  work: (progress: (message: string) => void) => Promise<T>,
  asCommandError: (error: unknown) => Error = (error) => (error instanceof Error ? error : new Error(String(error))),
): Promise<T> {
  spinner.start(title, undefined, { stdout: false });
  let result: T;
  try {
    result = await work((message) => {
      spinner.status = message;
    });
  } catch (error) {
    spinner.stop('failed');
    throw asCommandError(error);
  }
  spinner.stop();
  return result;
}
