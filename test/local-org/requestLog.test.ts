// The request log (LocalOrgOptions.requestLog / LOCAL_ORG_REQUEST_LOG): a line for every request the
// org answers, with the API call counter after the counted ones, so a command's calls can be told apart.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { formatLine } from '../../local-org/src/http/requestLog.js';
import { API_VERSION, call, startSession, type Session } from './localOrgSession.js';

const sessions: Session[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.org.stop()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('request log', () => {
  it('writes a line per request: counted calls with the counter, refused ones with "-"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'request-log-'));
    dirs.push(dir);
    const file = join(dir, 'calls.log');
    const session = await startSession({ empty: true, requestLog: file });
    sessions.push(session);
    const { org } = session;
    const before = org.ctx.apiCalls.used;

    expect((await call(org, 'GET', `/services/data/v${API_VERSION}/limits`)).status).toBe(200);
    const soql = encodeURIComponent('SELECT Id FROM Contact');
    expect((await call(org, 'GET', `/services/data/v${API_VERSION}/query?q=${soql}`)).status).toBe(200);
    const composite = await call(org, 'POST', `/services/data/v${API_VERSION}/composite`, {
      allOrNone: false,
      compositeRequest: [
        { method: 'GET', url: `/services/data/v${API_VERSION}/query?q=${soql}`, referenceId: 'page0' },
        { method: 'GET', url: '@{page0.nextRecordsUrl}', referenceId: 'page1' },
      ],
    });
    expect(composite.status).toBe(200);
    const refused = await fetch(`${org.url}/services/data/v${API_VERSION}/limits`, {
      headers: { authorization: 'Bearer 00D000000000001!not-a-session' },
    });
    expect(refused.status).toBe(401);

    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines.slice(-4)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} #${before + 1} 200 GET /services/data/v${API_VERSION}/limits in 0 B out \\d+ B \\d+ ms$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`#${before + 2} 200 GET /services/data/v${API_VERSION}/query\\?q=SELECT Id FROM Contact in`),
      ),
      expect.stringMatching(
        new RegExp(
          `#${before + 3} 200 POST /services/data/v${API_VERSION}/composite .* ms \\[GET query Contact, GET @\\{page0.nextRecordsUrl\\}\\]$`,
        ),
      ),
      expect.stringMatching(/ - 401 GET \/services\/data\/v[\d.]+\/limits in 0 B out \d+ B \d+ ms$/),
    ]);
  });

  it('shortens a long query string and gives sizes in kB and MB', () => {
    const line = formatLine(
      {
        method: 'GET',
        url: `//services/data/v62.0/query?q=${encodeURIComponent(`SELECT Id FROM Contact WHERE Email IN ('${'x'.repeat(300)}')`)}`,
        status: 200,
        bytesIn: 12_345,
        bytesOut: 104_857_600,
        ms: 41.6,
        counted: 9,
      },
      new Date('2026-12-03T21:40:03.512Z'),
    );
    expect(line).toBe(
      `21:40:03.512 #9 200 GET /services/data/v62.0/query?q=SELECT Id FROM Contact WHERE Email IN ('${'x'.repeat(118)}… (344 chars) in 12 kB out 105 MB 42 ms`,
    );
  });
});
