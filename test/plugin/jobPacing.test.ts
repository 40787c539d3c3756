// When the client asks a Bulk API 2.0 job's state (plugin/src/org/jobPacing.ts): about when the job
// should be done by its size and the org's pace, never more often than the official tool asks.
// Salesforce, Bulk API 2.0 Developer Guide, "Get Information About a Job" (ingest): numberRecordsProcessed
// is "the number of records already processed", https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_info.htm
// The official tool: @salesforce/plugin-data's bulkIngest checks as soon as it closed the job, then
// polls every 5 s (job.poll(5000, …), node_modules/@salesforce/plugin-data/lib/bulkIngest.js).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_PACING, JobPacing } from '../../plugin/src/org/jobPacing.js';
import { OrgClient } from '../../plugin/src/org/client.js';
import { connectTo, startOrg, type TestOrg } from './localOrg.js';

/** A job that processes `pace` records a ms after `queueMs` of queue; `checks` the times it was asked at. */
function simulate(pacing: JobPacing, clock: { now: number }, kind: string, records: number, pace: number, queueMs = 0) {
  const wait = pacing.start(kind, records);
  const start = clock.now;
  const processed = (): number => Math.min(records, Math.max(0, Math.floor((clock.now - start - queueMs) * pace)));
  const checks: number[] = [];
  for (;;) {
    clock.now += wait.next;
    checks.push(clock.now - start);
    if (processed() >= records) {
      pacing.finished(kind, wait);
      return checks;
    }
    pacing.checked(kind, wait, processed());
  }
}

/** The checks `sf data upsert bulk` makes for a job that ends after `ms`: at once, then every 5 s. */
function officialChecks(ms: number): number {
  return 1 + Math.ceil(ms / 5_000);
}

describe('JobPacing', () => {
  it('checks a first job early, then when its pace says it is done', () => {
    const clock = { now: 0 };
    const pacing = new JobPacing(DEFAULT_PACING, { ingest: 20 }, () => clock.now);
    // 300,000 records at 30 a ms (10 s): the assumed 20 a ms says 15 s, so the first check comes at half
    // that, 7.5 s, and finds 225,000 done: at that pace the rest takes 2.5 s, but a later check waits the
    // interval (5 s) at least.
    expect(simulate(pacing, clock, 'ingest X', 300_000, 30)).toEqual([7_500, 12_500]);
    // The next job of the kind is expected at the pace measured, a tenth longer: one check.
    expect(simulate(pacing, clock, 'ingest X', 300_000, 30)).toEqual([11_000]);
    // Another object has its own pace: assumed again.
    expect(simulate(pacing, clock, 'ingest Y', 1_000, 30)).toEqual([250]);
  });

  it('asks at the interval when a check tells nothing of the pace (a queued job)', () => {
    const clock = { now: 0 };
    const pacing = new JobPacing(DEFAULT_PACING, { ingest: 20 }, () => clock.now);
    // Queued 12 s, then 100 records a ms: nothing processed at 5 s and 10 s.
    const checks = simulate(pacing, clock, 'ingest X', 200_000, 100, 12_000);
    expect(checks.slice(0, 2)).toEqual([5_000, 10_000]);
    expect(checks.at(-1)).toBeGreaterThanOrEqual(14_000);
    expect(checks.length).toBeLessThanOrEqual(officialChecks(14_000));
  });

  it('does not slow down for a short job whose first check came late by design', () => {
    const clock = { now: 0 };
    const pacing = new JobPacing(DEFAULT_PACING, { ingest: 20 }, () => clock.now);
    // 1,000 records, done long before the first check at 250 ms: "at least 4 a ms" says less than the
    // assumed 20, so a large job after it is still checked first at 7.5 s (half of 15), not at 60 s.
    expect(simulate(pacing, clock, 'ingest X', 1_000, 1_000)).toEqual([250]);
    expect(simulate(pacing, clock, 'ingest X', 300_000, 60)).toEqual([7_500]);
  });

  it('never asks more often than the official tool, for jobs short and long, fast and slow, queued or not', () => {
    for (const records of [500, 10_000, 100_000, 300_000, 1_000_000, 5_000_000]) {
      // 2,000 to 50,000 records a second: a real org's ingest goes at a few thousand to some 20,000.
      for (const pace of [2, 10, 25, 50]) {
        for (const queueMs of [0, 3_000, 20_000]) {
          const clock = { now: 0 };
          const pacing = new JobPacing(DEFAULT_PACING, { ingest: 20 }, () => clock.now);
          for (let job = 0; job < 3; job += 1) {
            const checks = simulate(pacing, clock, 'ingest X', records, pace, queueMs);
            const takes = queueMs + records / pace;
            expect(checks.length).toBeLessThanOrEqual(officialChecks(takes));
            // Each wait after the first is at least the official tool's 5 s, at most a minute.
            checks.slice(1).forEach((at, index) => {
              expect(at - checks[index]!).toBeGreaterThanOrEqual(5_000);
              expect(at - checks[index]!).toBeLessThanOrEqual(60_000);
            });
            // And the job is not left waiting long after it is done: 5 s, or two fifths of its time (a job
            // that sits in a queue before it starts looks slower than it is).
            expect(checks.at(-1)! - takes).toBeLessThanOrEqual(Math.max(5_000, takes * 0.4));
          }
        }
      }
    }
  });
});

describe('status checks against the local org', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startOrg();
  });
  afterAll(async () => {
    await org.stop();
  });

  it('asks a job that runs for a while a few times, and the next job of the kind about once', async () => {
    // Jobs of 30,000 records at 10,000 a second (3 s each); waits scaled down tenfold from the defaults
    // (first 25 ms, interval 500 ms) so the test is short: polling at the interval would take 7 checks.
    org.ctx.faults.bulkIngestRowsPerSecond = 10_000;
    try {
      const client = new OrgClient(connectTo(org), { bulkPacing: { first: 25, interval: 500, longest: 6_000 } });
      const records = (tag: string): Array<Record<string, unknown>> =>
        Array.from({ length: 30_000 }, (_, index) => ({
          External_Id__c: `x:paced-${tag}-${index}`,
          Network__c: 'x',
          Network_User_Id__c: `paced-${tag}-${index}`,
        }));
      // The checks a job took, and those polling at the interval would have taken in the time it ran.
      const checksOf = async (tag: string): Promise<{ checks: number; polling: number }> => {
        const before = client.apiCalls;
        const started = Date.now();
        const outcomes = await client.upsertBulk('Social_Identity__c', 'External_Id__c', records(tag));
        expect(outcomes.length).toBe(30_000);
        // create, upload, close, the checks, successful and failed results.
        return { checks: client.apiCalls - before - 5, polling: 1 + Math.ceil((Date.now() - started) / 500) };
      };
      const first = await checksOf('a');
      const second = await checksOf('b');
      // The first: a check at 750 ms (half of the 1.5 s the assumed 20 a ms says), some 7,500 of 30,000
      // done, the rest at that pace: one or two more. The second: at the pace seen, a tenth longer. (A
      // loaded machine slows the jobs down: then polling would take more checks still.)
      expect(first.checks).toBeGreaterThanOrEqual(2);
      expect(first.checks).toBeLessThanOrEqual(5);
      expect(second.checks).toBeLessThanOrEqual(3);
      expect(first.checks + second.checks).toBeLessThanOrEqual((first.polling + second.polling) / 2);
    } finally {
      org.ctx.faults.bulkIngestRowsPerSecond = 0;
    }
  });
});
