// Runs an sf command class in-process, as `sf` would after parsing, and keeps what it prints.
// oclif prints a --json result or error through console.log; a test asserts on it (the JSON an
// admin's script reads) instead of letting it spill into the test report looking like a failure.
import { jest } from '@jest/globals';
import { fileURLToPath } from 'node:url';

export const pluginRoot = fileURLToPath(new URL('../../plugin/', import.meta.url));

export interface InProcessRun<T> {
  /** What `run` returned, when the command succeeded. */
  result?: Awaited<T>;
  /** What `run` threw, when it failed (an SfError with exitCode, actions, data). */
  error?: { name?: string; message: string; exitCode?: number; actions?: string[]; data?: unknown };
  /** Everything printed to stdout and stderr, in order. */
  printed: string;
  /** What went to stderr directly: the spinner's progress. */
  progress?: string;
  /** The printed --json document, parsed, when the command was given --json. */
  json?: { status: number; result?: unknown; name?: string; message?: string; exitCode?: number };
}

interface CommandClass<T> {
  run(argv: string[], root: string): Promise<T>;
}

export async function runInProcess<T>(command: CommandClass<T>, argv: string[]): Promise<InProcessRun<T>> {
  const lines: string[] = [];
  const progressText: string[] = [];
  const keep = (...values: unknown[]): void => {
    lines.push(values.map(String).join(' '));
  };
  const log = jest.spyOn(console, 'log').mockImplementation(keep);
  const error = jest.spyOn(console, 'error').mockImplementation(keep);
  // Progress (the spinner) and tables go straight to the streams, outside console.
  const progress = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    progressText.push(String(chunk));
    return true;
  });
  const tables = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  });
  const run: InProcessRun<T> = { printed: '' };
  // Each sf command starts in a fresh process; sf reports process.exitCode as the --json status, so
  // an earlier failure in the same test file must not leak into this run's.
  process.exitCode = undefined;
  try {
    run.result = (await command.run(argv, pluginRoot)) as Awaited<T>;
  } catch (thrown: unknown) {
    run.error = thrown as InProcessRun<T>['error'];
  } finally {
    log.mockRestore();
    error.mockRestore();
    progress.mockRestore();
    tables.mockRestore();
  }
  run.printed = lines.join('\n');
  run.progress = progressText.join('');
  if (argv.includes('--json') && run.printed.trim() !== '') {
    run.json = JSON.parse(run.printed) as InProcessRun<T>['json'];
  }
  return run;
}
