// The official sf CLI against the local org, as a newcomer would use it: login with an access token,
// org display, data query (REST and bulk export), create/get record, bulk upsert of identities by
// External_Id__c, and import tree. Every command is checked against the org's state afterwards.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/main.js';
import { expectSuccess, isolatedSf, type SfCli, type SfRun } from '../support/sfCli.js';

let org: LocalOrg;
let cli: SfCli;
let work: string;

/** Runs sf in the isolated state folder, from its work folder (where the tests write files). */
function sf(args: string[], env: Record<string, string> = {}): Promise<SfRun> {
  return cli.run(args, { env, cwd: work });
}

const expectOk = (run: SfRun): void => void expectSuccess(run);

beforeAll(async () => {
  org = await startLocalOrg({ port: 0 });
  cli = isolatedSf();
  work = join(cli.home, 'work');
  const login = await sf(
    [
      'org',
      'login',
      'access-token',
      '--instance-url',
      org.url,
      '--no-prompt',
      '--alias',
      'local',
      '--set-default',
      '--json',
    ],
    {
      SF_ACCESS_TOKEN: org.accessToken,
    },
  );
  expectOk(login);
});

afterAll(async () => {
  await org.stop();
  rmSync(cli.home, { recursive: true, force: true });
});

describe('official sf CLI against the local org', () => {
  it('logs in and displays the org', async () => {
    const display = await sf(['org', 'display', '--target-org', 'local', '--json']);
    expectOk(display);
    expect(display.json?.result).toMatchObject({
      id: org.ctx.orgId,
      connectedStatus: 'Connected',
      username: 'admin@social-bridge.local',
      alias: 'local',
    });
  });

  it('queries with sf data query, parent fields included', async () => {
    const run = await sf([
      'data',
      'query',
      '--target-org',
      'local',
      '--query',
      "SELECT Name, Account.Name FROM Contact WHERE Email = 'maya.chen@example.com'",
      '--json',
    ]);
    expectOk(run);
    const result = run.json?.result as {
      totalSize: number;
      records: Array<{ Name: string; Account: { Name: string } }>;
    };
    expect(result.totalSize).toBe(1);
    expect(result.records[0]).toMatchObject({ Name: 'Maya Chen', Account: { Name: 'Northwind Outfitters' } });
    const table = await sf([
      'data',
      'query',
      '--target-org',
      'local',
      '--query',
      "SELECT Network_Key__c, Account__c FROM Social_Channel__c WHERE Network_Key__c = 'x'",
    ]);
    expect(table.code).toBe(1);
    expect(table.stderr + table.stdout).toContain("No such column 'Account__c'");
  });

  it('exports with a Bulk API 2.0 query (sf data export bulk)', async () => {
    const run = await sf([
      'data',
      'export',
      'bulk',
      '--target-org',
      'local',
      '--query',
      'SELECT Id, Network_Key__c, Response_SLA_Minutes__c FROM Social_Channel__c',
      '--output-file',
      'channels.csv',
      '--wait',
      '2',
      '--json',
    ]);
    expectOk(run);
    const lines = readFileSync(join(work, 'channels.csv'), 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('"Id","Network_Key__c","Response_SLA_Minutes__c"');
    expect(lines.slice(1).sort()).toEqual(
      org.store
        .list('Social_Channel__c')
        .map(
          (channel) =>
            `"${channel.Id}","${String(channel.Network_Key__c)}","${String(channel.Response_SLA_Minutes__c)}"`,
        )
        .sort(),
    );
  });

  it('creates and gets a record', async () => {
    const created = await sf([
      'data',
      'create',
      'record',
      '--target-org',
      'local',
      '--sobject',
      'Social_Channel__c',
      '--values',
      'Name=Mastodon Network_Key__c=mastodon Public_Reply_Limit__c=500 Enabled__c=false',
      '--json',
    ]);
    expectOk(created);
    const id = (created.json?.result as { id: string }).id;
    expect(org.store.get(id)?.record).toMatchObject({
      Name: 'Mastodon',
      Network_Key__c: 'mastodon',
      Public_Reply_Limit__c: 500,
      Enabled__c: false,
    });
    const got = await sf([
      'data',
      'get',
      'record',
      '--target-org',
      'local',
      '--sobject',
      'Social_Channel__c',
      '--record-id',
      id,
      '--json',
    ]);
    expectOk(got);
    expect(got.json?.result).toMatchObject({ Id: id, Name: 'Mastodon', Public_Reply_Limit__c: 500 });
  });

  it('upserts identities from CSV by External_Id__c with sf data upsert bulk, idempotently', async () => {
    const contact = org.store.findByExternalId('Contact', 'Email', 'maya.chen@example.com')[0]!;
    const csv = [
      'External_Id__c,Name,Network__c,Network_User_Id__c,Handle__c,Contact__c,Link_Status__c',
      `linkedin:ACoAAsfcli1,maya-chen (linkedin),linkedin,ACoAAsfcli1,maya-chen,${contact.Id},Linked`,
      'linkedin:ACoAAsfcli2,sam (linkedin),linkedin,ACoAAsfcli2,sam,,Unlinked',
    ].join('\n');
    writeFileSync(join(work, 'identities.csv'), `${csv}\n`);
    const args = [
      'data',
      'upsert',
      'bulk',
      '--target-org',
      'local',
      '--sobject',
      'Social_Identity__c',
      '--file',
      'identities.csv',
      '--external-id',
      'External_Id__c',
      '--wait',
      '2',
      '--json',
    ];
    const before = org.store.list('Social_Identity__c').length;
    expectOk(await sf(args));
    expectOk(await sf(args));
    expect(org.store.list('Social_Identity__c')).toHaveLength(before + 2);
    expect(org.store.findByExternalId('Social_Identity__c', 'External_Id__c', 'linkedin:ACoAAsfcli1')[0]).toMatchObject(
      { Contact__c: contact.Id, Link_Status__c: 'Linked' },
    );

    writeFileSync(
      join(work, 'bad.csv'),
      'External_Id__c,Name,Network__c,Network_User_Id__c,Link_Status__c\nlinkedin:ACoAAsfcli3,x,linkedin,ACoAAsfcli3,Perhaps\n',
    );
    const failing = await sf([
      'data',
      'upsert',
      'bulk',
      '--target-org',
      'local',
      '--sobject',
      'Social_Identity__c',
      '--file',
      'bad.csv',
      '--external-id',
      'External_Id__c',
      '--wait',
      '2',
      '--json',
    ]);
    expect(failing.code).toBe(1);
    expect(failing.json?.name).toBe('FailedRecordDetailsError');
  });

  it('imports a record tree from a plan with references', async () => {
    writeFileSync(
      join(work, 'Account.json'),
      JSON.stringify({
        records: [
          {
            attributes: { type: 'Account', referenceId: 'AccRef1' },
            Name: 'Tree Outfitters',
            Contacts: {
              records: [
                {
                  attributes: { type: 'Contact', referenceId: 'ConRef1' },
                  LastName: 'Treeline',
                  Email: 'treeline@example.com',
                },
              ],
            },
          },
        ],
      }),
    );
    writeFileSync(
      join(work, 'Social_Identity__c.json'),
      JSON.stringify({
        records: [
          {
            attributes: { type: 'Social_Identity__c', referenceId: 'IdRef1' },
            Name: '@treeline (x)',
            External_Id__c: 'x:tree-1',
            Network__c: 'x',
            Network_User_Id__c: 'tree-1',
            Contact__c: '@ConRef1',
            Link_Status__c: 'Linked',
          },
        ],
      }),
    );
    writeFileSync(
      join(work, 'plan.json'),
      JSON.stringify([
        { sobject: 'Account', files: ['Account.json'] },
        { sobject: 'Social_Identity__c', files: ['Social_Identity__c.json'] },
      ]),
    );
    const run = await sf(['data', 'import', 'tree', '--target-org', 'local', '--plan', 'plan.json', '--json']);
    expectOk(run);
    const account = org.store.list('Account').find((entry) => entry.Name === 'Tree Outfitters')!;
    const contact = org.store.findByExternalId('Contact', 'Email', 'treeline@example.com')[0]!;
    expect(contact.AccountId).toBe(account.Id);
    expect(org.store.findByExternalId('Social_Identity__c', 'External_Id__c', 'x:tree-1')[0]?.Contact__c).toBe(
      contact.Id,
    );
  });
});
