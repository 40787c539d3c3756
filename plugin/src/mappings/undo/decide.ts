// What undoing one record of a deploy means, decided from what the deploy wrote (its results folder)
// and what the org holds now. Pure (no I/O), so every case is tested without an org.
// A record is reverted only while it still holds exactly what the deploy wrote: anything else means a
// rep or a later deploy changed it since, and undo leaves it alone and says which field differs. A
// record that already holds what it held before the deploy is unchanged, which makes undo idempotent.
import { sameValue } from '../plan.js';

export const UNDO_OUTCOMES = ['restored', 'unlinked', 'deleted', 'unchanged', 'changedSince', 'failed'] as const;
export type UndoOutcome = (typeof UNDO_OUTCOMES)[number];

/** One write of the deploy: the record, whether the deploy created it, what it wrote and what it replaced. */
export interface DeployedWrite {
  kind: 'identity' | 'channel';
  /** External_Id__c or Network_Key__c: how undo writes it back (an upsert, like the deploy). */
  key: string;
  id?: string;
  created: boolean;
  after: Record<string, unknown>;
  /** Values before the deploy (updated records only). */
  before?: Record<string, unknown>;
}

export type UndoAction =
  | { outcome: 'restored' | 'unlinked'; fields: Record<string, unknown>; reason: string }
  | { outcome: 'deleted'; reason: string }
  | { outcome: 'unchanged' | 'changedSince'; reason: string };

/** What a created identity holds once undone without --delete-created: no link, and a note why. */
export const UNDONE_LINK: Readonly<Record<string, unknown>> = {
  Contact__c: null,
  Lead__c: null,
  Link_Status__c: 'Unlinked',
  Link_Source__c: null,
  Matched_By_Rule__c: null,
  Linked_At__c: null,
  Link_Note__c: 'Link removed by sf social mappings undo',
};

/** Field values as the org compares them: ids on 15 characters, numbers, booleans and date-times by value. */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  if (sameValue(a, b)) return true;
  const time = (value: unknown): number =>
    typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)
      ? Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'))
      : Number.NaN;
  const [x, y] = [time(a), time(b)];
  return !Number.isNaN(x) && x === y;
}

/** The fields whose current value is not the one given, as "Field is X now, the deploy set Y". */
function differences(
  expected: Record<string, unknown>,
  current: Record<string, unknown>,
  what: 'the deploy' | 'before the deploy',
): string[] {
  return Object.entries(expected)
    .filter(([field, value]) => !sameFieldValue(value, current[field]))
    .map(([field, value]) => {
      const then =
        what === 'the deploy'
          ? isEmpty(value)
            ? 'the deploy cleared it'
            : `the deploy set ${JSON.stringify(value)}`
          : `before the deploy it was ${isEmpty(value) ? 'empty' : JSON.stringify(value)}`;
      return `${field} is ${isEmpty(current[field]) ? 'empty' : JSON.stringify(current[field])} now, ${then}`;
    });
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function isUnlinked(current: Record<string, unknown>): boolean {
  return (
    isEmpty(current.Contact__c) &&
    isEmpty(current.Lead__c) &&
    (isEmpty(current.Link_Status__c) || current.Link_Status__c === 'Unlinked')
  );
}

export function decideUndo(
  write: DeployedWrite,
  current: Record<string, unknown> | undefined,
  options: { deleteCreated: boolean },
): UndoAction {
  const { after: written } = write;
  if (current === undefined) {
    return write.created && options.deleteCreated
      ? { outcome: 'unchanged', reason: 'created by the deploy and already deleted' }
      : { outcome: 'changedSince', reason: 'no longer in the org: deleted since the deploy; left as it is' };
  }
  const changed = differences(written, current, 'the deploy');
  if (write.created) {
    const identity = write.kind === 'identity';
    // Once an earlier undo unlinked it, what it holds is undo's own doing: deleting it later is still undo's call.
    const undoneBefore = identity && changed.every((line) => LINK_FIELDS.some((field) => line.startsWith(`${field} `)));
    if (changed.length > 0 && !(undoneBefore && isUnlinked(current)))
      return { outcome: 'changedSince', reason: `${changed.join('; ')}: changed since the deploy, left as it is` };
    if (options.deleteCreated) return { outcome: 'deleted', reason: 'created by the deploy' };
    if (!identity) return { outcome: 'unchanged', reason: 'created by the deploy; kept (--delete-created deletes it)' };
    if (isUnlinked(current))
      return { outcome: 'unchanged', reason: 'created by the deploy, not linked; kept (--delete-created deletes it)' };
    const fields = Object.fromEntries(
      Object.entries(UNDONE_LINK).filter(([field, value]) => !sameFieldValue(value, current[field])),
    );
    return {
      outcome: 'unlinked',
      fields,
      reason: 'created by the deploy; kept without its link (--delete-created deletes it)',
    };
  }
  const before = write.before ?? {};
  if (changed.length === 0)
    return { outcome: 'restored', fields: before, reason: 'set back to its values before the deploy' };
  if (differences(before, current, 'before the deploy').length === 0)
    return { outcome: 'unchanged', reason: 'already holds its values from before the deploy' };
  return { outcome: 'changedSince', reason: `${changed.join('; ')}: changed since the deploy, left as it is` };
}

const LINK_FIELDS = Object.keys(UNDONE_LINK);
