// Turns the library's MappingError into the command's message (`# error.<code>` with its actions),
// keeping the problems as structured data for --json.
import type { Messages, SfError } from '@salesforce/core';
import { formatProblem, MappingError } from './problem.js';

export function toSfError(messages: Messages<string>, error: unknown): Error {
  if (!(error instanceof MappingError)) return error instanceof Error ? error : new Error(String(error));
  const sfError: SfError = messages.createError(`error.${error.code}`, [error.problems.map(formatProblem).join('\n')]);
  sfError.setData({ problems: error.problems } as unknown as Parameters<typeof sfError.setData>[0]);
  return sfError;
}
