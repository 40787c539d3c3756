// Long work shown as its stages, the way sf's own multi-stage commands show theirs (MultiStageOutput,
// as plugin-data's bulk export and plugin-deploy-retrieve's deploy do): each stage with its time, the
// work's latest progress message as the status, nothing at all with --json. The work reports progress
// as free text; `stageOf` names the stage a message opens (or none), so the stages only move forward
// and a message the table does not know still shows as the status.
import { MultiStageOutput } from '@oclif/multi-stage-output';

type Status = { status: string };

export interface StagesOf {
  title: string;
  stages: readonly string[];
  /** The stage a progress message starts, if it starts one. */
  stageOf: (message: string) => string | undefined;
}

export async function underStages<T>(
  stagesOf: StagesOf,
  jsonEnabled: boolean,
  work: (progress: (message: string) => void) => Promise<T>,
  asCommandError: (error: unknown) => Error = (error) => (error instanceof Error ? error : new Error(String(error))),
): Promise<T> {
  const output = new MultiStageOutput<Status>({
    jsonEnabled,
    title: stagesOf.title,
    stages: [...stagesOf.stages],
    // Times in whole seconds: with the default ('ms') each shown timer sets React state every millisecond,
    // re-rendering the display about 1,000 times a second for as long as the run lasts (0.2-0.3 s of CPU
    // per second of run, measured); whole seconds tick once a second and the spinners still turn.
    timerUnit: 's',
    postStagesBlock: [{ label: 'Status', type: 'dynamic-key-value', get: (data) => data?.status }],
  });
  let current = 0;
  output.goto(stagesOf.stages[0]!);
  let result: T;
  try {
    result = await work((message) => {
      const stage = stagesOf.stageOf(message);
      const index = stage === undefined ? -1 : stagesOf.stages.indexOf(stage);
      if (index > current) {
        current = index;
        output.goto(stage!, { status: message });
      } else {
        output.updateData({ status: message });
      }
    });
  } catch (error) {
    output.stop('failed');
    throw asCommandError(error);
  }
  output.stop();
  return result;
}

/** The stage whose pattern the message matches first, from a table of [stage, patterns]. */
export function stageTable(table: ReadonlyArray<readonly [stage: string, patterns: readonly RegExp[]]>) {
  return (message: string): string | undefined =>
    table.find(([, patterns]) => patterns.some((pattern) => pattern.test(message)))?.[0];
}
