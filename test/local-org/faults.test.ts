// Fault injection: 503s at a seeded rate (the same seed, the same failures), connection resets,
// latency, UNABLE_TO_LOCK_ROW on chosen writes, and the daily API limit.

import { afterEach, describe, expect, it } from '@jest/globals';
import { API_VERSION, call, errorCodeOf, startSession, type Session } from './localOrgSession.js';

const sessions: Session[] = [];
const path = `/services/data/v${API_VERSION}/limits`;

async function start(options: Parameters<typeof startSession>[0]): Promise<Session> {
  const session = await startSession({ empty: true, ...options });
  sessions.push(session);
  return session;
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.org.stop()));
});

async function statuses(session: Session, count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let index = 0; index < count; index++) {
    seen.push((await call(session.org, 'GET', path)).status);
  }
  return seen;
}

describe('fault injection', () => {
  it('answers a seeded share of requests with 503, identically for the same seed', async () => {
    const first = await start({ faults: { unavailableRate: 0.3, seed: 7 } });
    const second = await start({ faults: { unavailableRate: 0.3, seed: 7 } });
    const a = await statuses(first, 40);
    const b = await statuses(second, 40);
    expect(a).toEqual(b);
    const failures = a.filter((status) => status === 503).length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(24);
    first.org.ctx.faults.unavailableRate = 0;
    expect(await statuses(first, 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('resets connections and adds latency when asked at run time', async () => {
    const { org } = await start({});
    org.ctx.faults = { ...org.ctx.faults, resetRate: 1 };
    await expect(
      fetch(`${org.url}${path}`, { headers: { authorization: `Bearer ${org.accessToken}` } }),
    ).rejects.toThrow();
    org.ctx.faults = { ...org.ctx.faults, resetRate: 0, latencyMs: 120 };
    const started = Date.now();
    expect((await call(org, 'GET', path)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('fails chosen writes with UNABLE_TO_LOCK_ROW, per record in Collections', async () => {
    const { org, conn } = await start({});
    org.ctx.faults.lockRowObjects = ['Contact'];
    org.ctx.faults.lockRowNext = 1;
    expect(await errorCodeOf(conn.sobject('Contact').create({ LastName: 'Locked' }))).toBe('UNABLE_TO_LOCK_ROW');
    expect((await conn.sobject('Account').create({ Name: 'Not chosen' })).success).toBe(true);
    org.ctx.faults.lockRowNext = 1;
    const results = await conn.sobject('Contact').create([{ LastName: 'A' }, { LastName: 'B' }], { allOrNone: false });
    expect(results.map((result) => result.success)).toEqual([false, true]);
    expect(org.store.list('Contact').map((contact) => contact.LastName)).toEqual(['B']);
  });

  it('refuses calls with REQUEST_LIMIT_EXCEEDED once the daily allowance is used', async () => {
    const { org, conn } = await start({ apiLimit: 3 });
    expect(await statuses({ org, conn }, 3)).toEqual([200, 200, 200]);
    const refused = await call(org, 'GET', path);
    expect(refused.status).toBe(403);
    expect((refused.body as Array<{ errorCode: string }>)[0]?.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(org.ctx.apiCalls.used).toBe(3);
    org.ctx.apiCalls.max = 10;
    expect((await call(org, 'GET', path)).status).toBe(200);
  });
});
