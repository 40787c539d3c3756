// The stages `sf social mappings deploy` and `sf social interactions import` show (MultiStageOutput)
// move on the progress messages the work sends; the messages are free text, so this runs the real
// deploy and import against the local org and checks that every stage is reached, in order, from the
// messages they send today: a reworded message fails here instead of leaving a stage never shown.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPLOY_STAGES } from '../../plugin/src/commands/social/mappings/deploy.js';
import { IMPORT_STAGES } from '../../plugin/src/commands/social/interactions/import.js';
import { deployMapping } from '../../plugin/src/mappings/deploy.js';
import { importInteractions } from '../../plugin/src/interactions/import.js';
import type { StagesOf } from '../../plugin/src/terminal/stages.js';
import { writeFixture } from './fixtures.js';
import { connectTo, localOrgForFile } from './localOrg.js';

const org = localOrgForFile();
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

/** The stages the messages open, in the order they are opened (each stage once). */
function stagesReached(stages: StagesOf, messages: readonly string[]): string[] {
  const reached: string[] = [];
  for (const message of messages) {
    const stage = stages.stageOf(message);
    if (stage !== undefined && !reached.includes(stage)) reached.push(stage);
  }
  return reached;
}

describe('stages of the multi-stage commands', () => {
  it('a deploy of the example mapping opens every deploy stage, in order; a dry run stops after the plan', async () => {
    const connection = connectTo(org());
    const dir = await writeFixture({});
    const dryRun: string[] = [];
    await deployMapping({
      file: join(examples, 'mapping.yaml'),
      connection,
      dryRun: true,
      onProgress: (message) => dryRun.push(message),
    });
    expect(stagesReached(DEPLOY_STAGES, dryRun)).toEqual(DEPLOY_STAGES.stages.slice(0, 3));

    const deploy: string[] = [];
    await deployMapping({
      file: join(examples, 'mapping.yaml'),
      connection,
      dryRun: false,
      resultsDir: join(dir, 'results'),
      onProgress: (message) => deploy.push(message),
    });
    expect(stagesReached(DEPLOY_STAGES, deploy)).toEqual(DEPLOY_STAGES.stages);
  });

  it('an import of the example export opens every import stage, in order', async () => {
    const dir = await writeFixture({});
    const messages: string[] = [];
    await importInteractions({
      file: join(examples, 'interactions.ndjson'),
      connection: connectTo(org()),
      dryRun: false,
      resultsDir: join(dir, 'results'),
      onProgress: (message) => messages.push(message),
    });
    expect(stagesReached(IMPORT_STAGES, messages)).toEqual(IMPORT_STAGES.stages);
  });
});
