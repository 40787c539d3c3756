// What a deploy reports when the org's daily API allowance runs out before it could plan: every row it
// read is accounted for, rejected rows as rejected (that needs no org), every other one as failed with
// NOT_ATTEMPTED and the reason, so the results folder still holds each input row exactly once.
import type { DailyLimitError } from '../org/errors.js';
import type { PlannedRow } from './plan.js';
import type { SourceItem } from './sources/read.js';

export function notAttemptedRows(items: Iterable<SourceItem>, error: DailyLimitError): PlannedRow[] {
  const rows: PlannedRow[] = [];
  for (const item of items) {
    if (item.kind === 'rejected') {
      const { origin, values, reason } = item.rejected;
      rows.push({ origin, values, outcome: 'rejected', reason });
    } else {
      const { identity } = item;
      rows.push({
        origin: identity.row.origin,
        values: identity.row.values,
        externalId: identity.externalId,
        outcome: 'failed',
        reason: error.notAttempted,
      });
    }
  }
  return rows;
}
