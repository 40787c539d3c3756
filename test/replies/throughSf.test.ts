// `sf social replies deliver` through the real sf binary, logged into the local org by access token:
// --help shows every flag and the exit codes; a run delivers and exits 0; with the receiver gone the
// replies stay queued and sf exits 2 with the error's actions; --watch keeps delivering until SIGTERM.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectSuccess, isolatedSf, loginByAccessToken, repoRoot, type SfCli } from '../support/sfCli.js';
import { queueReplies, record, SECRET, startOutboxOrg, type OutboxOrg } from './outboxOrg.js';
import { startReceiver, type Receiver } from './receiver.js';

describe('sf social replies deliver through the real sf binary', () => {
  let outbox: OutboxOrg;
  let receiver: Receiver;
  let sf: SfCli;
  let alias: string;

  beforeAll(async () => {
    outbox = await startOutboxOrg();
    receiver = await startReceiver({ secret: SECRET });
    sf = isolatedSf();
    alias = await loginByAccessToken(sf, outbox.org);
    expectSuccess(await sf.run(['plugins', 'link', join(repoRoot, 'plugin'), '--no-install']));
  });

  afterAll(async () => {
    await receiver?.close();
    await outbox?.org.stop();
  });

  it('shows every flag, the secret variable and the exit codes in --help', async () => {
    const help = expectSuccess(await sf.run(['social', 'replies', 'deliver', '--help']));
    for (const flag of ['--target-org', '--webhook-url', '--json', '--limit', '--watch', '--interval', '--dry-run']) {
      expect({ flag, shown: help.stdout.includes(flag) }).toEqual({ flag, shown: true });
    }
    expect(help.stdout).toContain('SOCIAL_BRIDGE_WEBHOOK_SECRET');
    expect(help.stdout).toContain('ERROR CODES');
    for (const code of [
      'Succeeded (0)',
      'ReceiverUnreachable (2)',
      'PartialSuccess (68)',
      'StoppedByDailyLimit (69)',
    ]) {
      expect({ code, shown: help.stdout.includes(code) }).toEqual({ code, shown: true });
    }
  });

  it('delivers and exits 0; with the receiver unreachable, leaves the replies queued and exits 2', async () => {
    const delivered = queueReplies(outbox.org, 2, { prefix: 'sf-ok' });
    const env = { SOCIAL_BRIDGE_WEBHOOK_SECRET: SECRET };
    const ok = await sf.run(
      ['social', 'replies', 'deliver', '--target-org', alias, '--webhook-url', receiver.url, '--json'],
      { env },
    );
    expect(ok.code).toBe(0);
    expect(ok.json?.result).toMatchObject({ counts: { sent: 2, failed: 0, queued: 0 } });
    expect(delivered.replyIds.map((id) => record(outbox.org, id).Delivery_Status__c)).toEqual(['Sent', 'Sent']);
    expect(ok.stdout + ok.stderr).not.toContain(SECRET);

    const stranded = queueReplies(outbox.org, 2, { prefix: 'sf-down' });
    const gone = await startReceiver({ secret: SECRET });
    await gone.close();
    const down = await sf.run(
      ['social', 'replies', 'deliver', '--target-org', alias, '--webhook-url', gone.url, '--json'],
      { env },
    );
    expect(down.code).toBe(2);
    expect(down.json).toMatchObject({ name: 'ReceiverUnreachableError' });
    expect(down.json?.message).toMatch(/could not be reached.*ECONNREFUSED/);
    expect(stranded.replyIds.map((id) => record(outbox.org, id))).toEqual([
      expect.objectContaining({ Delivery_Status__c: 'Queued', Delivery_Attempts__c: 0 }),
      expect.objectContaining({ Delivery_Status__c: 'Queued', Delivery_Attempts__c: 0 }),
    ]);
  });

  it('--watch delivers replies queued while it runs, and stops cleanly on SIGTERM', async () => {
    const first = queueReplies(outbox.org, 2, { prefix: 'sf-watch-1' });
    const child = spawn(
      join(repoRoot, 'node_modules/.bin/sf'),
      [
        'social',
        'replies',
        'deliver',
        '--target-org',
        alias,
        '--webhook-url',
        receiver.url,
        '--watch',
        '--interval',
        '1',
        '--json',
      ],
      {
        cwd: join(sf.home, 'work'),
        env: {
          PATH: `${join(repoRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
          HOME: sf.home,
          XDG_CACHE_HOME: join(sf.home, '.cache'),
          XDG_CONFIG_HOME: join(sf.home, '.config'),
          SF_DISABLE_AUTOUPDATE: 'true',
          SF_DISABLE_TELEMETRY: 'true',
          SOCIAL_BRIDGE_WEBHOOK_SECRET: SECRET,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const sentAll = async (ids: string[]): Promise<void> => {
      for (let waited = 0; waited < 90_000; waited += 200) {
        if (ids.every((id) => record(outbox.org, id).Delivery_Status__c === 'Sent')) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(
        `not delivered: ${ids.map((id) => String(record(outbox.org, id).Delivery_Status__c)).join(', ')}`,
      );
    };
    try {
      await sentAll(first.replyIds);
      const later = queueReplies(outbox.org, 1, { prefix: 'sf-watch-2' });
      await sentAll(later.replyIds);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await exited;
    if (code !== 0) throw new Error(`sf exited ${String(code)}:\n${stdout}\n${stderr}`);
    const output = JSON.parse(stdout) as { result: { counts: { sent: number } } };
    expect(output.result.counts.sent).toBeGreaterThanOrEqual(3);
  });
});
