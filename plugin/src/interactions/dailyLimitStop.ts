// Once the org's daily API allowance is used up nothing more is sent: every row not yet written is
// reported NOT_ATTEMPTED, the results are written, and the command says how to resume. The stages of an
// import share one of these, so a stage after the stop does its bookkeeping without calling the org.
import { DailyLimitError } from '../org/errors.js';

export class DailyLimitStop {
  public stoppedBy: DailyLimitError | undefined;

  /** Runs `step`; after the daily limit (now or earlier) returns `instead` and remembers why. */
  public async until<T>(step: () => Promise<T>, instead: T): Promise<T> {
    if (this.stoppedBy) return instead;
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof DailyLimitError)) throw error;
      this.stoppedBy = error;
      return instead;
    }
  }

  /** The reason on every row the stop left unsent (only asked once stopped). */
  public get notAttempted(): string {
    return this.stoppedBy!.notAttempted;
  }
}
