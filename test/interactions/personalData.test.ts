// One personal-data detector for the composer and the import (issue 15, item 4): the import's plan
// runs the table the composer's detector is tested with (force-app/.../socialPersonalDataGuard/
// __tests__/data/personalDataCases.json) through the plugin's import path, which reaches the LWC
// module itself (jest maps it; the build copies it into plugin/lib). A public post with personal
// data is flagged Contains_Personal_Data__c; a private message or ordinary text is not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importInteractions } from '../../plugin/src/interactions/import.js';
import type { Interaction } from '../../plugin/src/interactions/interaction.js';
import { planInteraction } from '../../plugin/src/interactions/plan.js';
import { OrgClient } from '../../plugin/src/org/client.js';
import { writeFixture } from '../plugin/fixtures.js';
import { connectTo, startOrg, type TestOrg } from '../plugin/localOrg.js';
import { repoRoot } from '../support/sfCli.js';

interface Cases {
  finds: Array<{ name: string; text: string; kind: string; value: string }>;
  leavesAlone: Array<{ name: string; text: string }>;
}

const cases = JSON.parse(
  readFileSync(
    join(repoRoot, 'force-app/main/default/lwc/socialPersonalDataGuard/__tests__/data/personalDataCases.json'),
    'utf8',
  ),
) as Cases;

/** Whether the import flags a new message with this body (a new record leaves the default, false, unset). */
function flagged(body: string, visibility: 'Public' | 'Private' = 'Public'): boolean {
  const interaction = {
    externalId: 'x:1',
    network: 'x',
    direction: 'Inbound',
    visibility,
    kind: 'Post',
    body,
    postedAt: '2026-11-01T10:00:00.000Z',
    deleted: false,
  } as unknown as Interaction;
  return planInteraction({ interaction, link: {} }).fields?.Contains_Personal_Data__c === true;
}

describe('the import flags personal data in public posts with the composer’s detector', () => {
  it('has the whole shared table', () => {
    expect(cases.finds.length + cases.leavesAlone.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.finds.map((entry) => [entry.name, entry.text] as const))('flags %s', (_name, text) => {
    expect(flagged(text)).toBe(true);
    expect(flagged(text, 'Private')).toBe(false);
  });

  it.each(cases.leavesAlone.map((entry) => [entry.name, entry.text] as const))('leaves %s alone', (_name, text) => {
    expect(flagged(text)).toBe(false);
  });

  it('clears the flag when the post was deleted on the network', () => {
    const interaction = {
      externalId: 'x:2',
      network: 'x',
      direction: 'Inbound',
      visibility: 'Public',
      kind: 'Post',
      body: 'card 4111 1111 1111 1111',
      postedAt: '2026-11-01T10:00:00.000Z',
      deleted: true,
    } as unknown as Interaction;
    const write = planInteraction({
      interaction,
      existing: {
        Id: 'a01',
        External_Id__c: 'x:2',
        Body__c: 'card 4111 1111 1111 1111',
        Contains_Personal_Data__c: true,
      },
      link: {},
    });
    expect(write.fields).toMatchObject({ Body__c: null, Contains_Personal_Data__c: false });
  });
});

describe('sf social interactions import flags public posts in the local org', () => {
  let org: TestOrg;
  let connection: Awaited<ReturnType<typeof connectTo>>;

  beforeAll(async () => {
    org = await startOrg();
    connection = await connectTo(org);
  });

  afterAll(async () => {
    await org?.stop();
  });

  const post = (postId: string, body: string, kind = 'Post'): string =>
    JSON.stringify({
      network: 'x',
      postId,
      userId: 'pd-1',
      handle: 'pd_person',
      kind,
      postedAt: '2026-11-18T14:02:00Z',
      body,
    });

  it('sets Contains_Personal_Data__c on the public post that has it, and a second run changes nothing', async () => {
    const dir = await writeFixture({
      'export.ndjson': [
        post('pd-1', 'My card 4111 1111 1111 1111 was charged twice, call me on +44 20 7946 0958'),
        post('pd-2', 'Order #4411 still processing'),
        post('pd-3', 'Here is my card 4111 1111 1111 1111', 'Direct Message'),
      ].join('\n'),
    });
    const run = async () =>
      importInteractions({
        file: join(dir, 'export.ndjson'),
        connection,
        dryRun: false,
        resultsDir: join(await writeFixture({}), 'results'),
        now: () => new Date('2026-11-21T00:00:00Z'),
      });
    const first = await run();
    expect(first.counts.created).toBe(3);
    const records = await new OrgClient(connection).queryAll(
      "SELECT External_Id__c, Visibility__c, Contains_Personal_Data__c FROM Social_Interaction__c WHERE External_Id__c LIKE 'x:pd-%' ORDER BY External_Id__c",
    );
    expect(
      records.map((record) => [record.External_Id__c, record.Visibility__c, record.Contains_Personal_Data__c]),
    ).toEqual([
      ['x:pd-1', 'Public', true],
      ['x:pd-2', 'Public', false],
      ['x:pd-3', 'Private', false],
    ]);
    const second = await run();
    expect(second.counts.unchanged).toBe(3);
  });
});
