// Problems found in a mapping file or its sources, each with the place to fix it (file:line:column).
// Library code throws MappingError; the commands turn its code into the matching `# error.X` message
// with `# error.X.actions`, so the CLI wording lives in messages/ and the details come from here.

export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export type MappingErrorCode =
  | 'InvalidMappingFile'
  | 'MappingFileNotFound'
  | 'SourceNotFound'
  | 'SourceOutsideFolder'
  | 'MalformedSource'
  | 'OrgRejectedQuery'
  | 'ResultsOfADeploy';

export class MappingError extends Error {
  public constructor(
    public readonly code: MappingErrorCode,
    public readonly problems: Problem[],
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'MappingError';
  }
}

/** `examples/mapping.yaml:12:7: <message>`, the form editors and CI logs turn into links. */
export function formatProblem(problem: Problem): string {
  const place = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  return `${place}: ${problem.message}`;
}
