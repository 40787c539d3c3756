// When to ask a Bulk API 2.0 job's state. Every status check is an API call, so a check should come
// about when the job is done, and not much later. What the client knows:
// - before the first check, how many records the job has, and how fast this org worked through the
//   previous job of the run (none yet: an assumed rate, and a short first wait);
// - at each check, numberRecordsProcessed ("the number of records already processed", Bulk API 2.0
//   Developer Guide, Get Job Info), which tells how much is left and at what pace.
// Never tighter than the official tool: `sf data upsert bulk` checks as soon as it has closed the job,
// then every 5 s (plugin-data's bulkIngest: job.poll(5000, …)); here the first check waits at least
// `first`, and every later one at least `interval` (5 s by default).

export interface PacingSettings {
  /** Shortest wait before the first check. */
  first: number;
  /** Shortest wait between later checks, and the wait when a check tells nothing of the pace. */
  interval: number;
  /** Longest wait of all, however long the job is expected to run. */
  longest: number;
}

export const DEFAULT_PACING: PacingSettings = { first: 250, interval: 5_000, longest: 60_000 };

/** A job being waited for: made when it is closed (or created, for a query job). */
export interface JobWait {
  readonly records: number;
  readonly startedAt: number;
  /** The wait before the next check. */
  next: number;
  /** The last check that found records processed: when, and how many. */
  seen?: { at: number; processed: number };
  /** The last check that found none processed. */
  idleUntil?: number;
}

/** A kind of job's pace: measured between two checks, or only known to be at least this (a job found done). */
interface Pace {
  recordsPerMs: number;
  measured: boolean;
}

export class JobPacing {
  /** Records a millisecond, by kind of job, as seen on this org's jobs so far. */
  private readonly paces = new Map<string, Pace>();

  public constructor(
    private readonly settings: PacingSettings,
    /** Records a millisecond assumed for a kind before a job of it has shown its pace. */
    private readonly assumed: Readonly<Record<string, number>>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The wait before a job's first check. With a pace measured on an earlier job of the kind, a tenth
   * longer than that pace says the job takes. Else, by the pace assumed (or the least an earlier job of
   * the kind went at): as long as it says for a job that takes an interval or less; for a longer one,
   * half that (at least the interval): the check then finds about half the job done, which tells the
   * pace, and the next comes about at its end, while an org faster than that is not kept waiting long.
   * At most `longest` either way.
   */
  public start(kind: string, records: number): JobWait {
    const pace = this.paceOf(kind);
    const expected = records / pace.recordsPerMs;
    const wait = pace.measured
      ? expected * 1.1
      : expected <= this.settings.interval
        ? expected
        : Math.max(this.settings.interval, expected / 2);
    return { records, startedAt: this.now(), next: clamp(wait, this.settings.first, this.settings.longest) };
  }

  /**
   * After a check found the job still running: the wait before the next one. From two checks that saw
   * records processed, the rest at the pace between them. From the first such check, the rest at the
   * pace measured on an earlier job of the kind, or else at the pace since the job may have started (its
   * close, or the last check that found nothing processed) but no longer than that time again: a job may
   * sit in a queue before it starts, which that pace cannot tell, and a second look tells the pace. When
   * no record is processed yet, the interval.
   */
  public checked(kind: string, wait: JobWait, processed: number | undefined): void {
    const now = this.now();
    if (processed === undefined || processed <= 0 || processed >= wait.records) {
      // Nothing processed yet: the job started, if at all, after this check.
      if (processed === 0) wait.idleUntil = now;
      wait.next = this.settings.interval;
      return;
    }
    const seen = wait.seen;
    wait.seen = { at: now, processed };
    const left = wait.records - processed;
    if (seen !== undefined && processed > seen.processed && now > seen.at) {
      const recordsPerMs = (processed - seen.processed) / (now - seen.at);
      this.paces.set(kind, { recordsPerMs, measured: true });
      wait.next = clamp(left / recordsPerMs, this.settings.interval, this.settings.longest);
      return;
    }
    const pace = this.paces.get(kind);
    if (pace?.measured === true) {
      wait.next = clamp(left / pace.recordsPerMs, this.settings.interval, this.settings.longest);
      return;
    }
    const running = now - (wait.idleUntil ?? wait.startedAt);
    // The job went at least this fast (it ran no longer than that): what the next job of the kind expects.
    const atLeast = processed / running;
    if (atLeast > (pace?.recordsPerMs ?? 0)) this.paces.set(kind, { recordsPerMs: atLeast, measured: true });
    wait.next = clamp(Math.min(left / atLeast, running), this.settings.interval, this.settings.longest);
  }

  /**
   * A check found the job done. It ended at some time before the check, so it went at least this fast:
   * a pace above the one known (or assumed) is kept for the next job of the kind, measured if that one
   * was (the check came when it said); a slower one says nothing (a short job's first check comes late
   * by design).
   */
  public finished(kind: string, wait: JobWait): void {
    const elapsed = this.now() - wait.startedAt;
    if (wait.records <= 0 || elapsed <= 0) return;
    const atLeast = wait.records / elapsed;
    const pace = this.paceOf(kind);
    if (atLeast > pace.recordsPerMs) this.paces.set(kind, { recordsPerMs: atLeast, measured: pace.measured });
  }

  private paceOf(kind: string): Pace {
    return this.paces.get(kind) ?? { recordsPerMs: this.assumed[kind.split(' ')[0]!] ?? 1, measured: false };
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.round(Math.min(high, Math.max(low, value)));
}
