// Finds identities listed more than once with different targets. Such rows are all rejected, each
// naming the other lines, because neither target can be trusted over the other.
import type { Identity } from './identity.js';

export interface Conflict {
  externalId: string;
  /** Every row of the identity, in input order. */
  rows: Identity[];
}

/**
 * Groups identities by external id and keeps the groups whose rows disagree on the target.
 * `targetOf` says what each row points at (a pair's record reference, or the record a rule resolved);
 * undefined when it points at nothing.
 */
export function findConflicts(
  identities: Iterable<Identity>,
  targetOf: (identity: Identity) => string | undefined,
): Conflict[] {
  return conflictsAmong(groupByExternalId(identities), targetOf);
}

/** Identities by external id, each group in input order. */
export function groupByExternalId(identities: Iterable<Identity>): Map<string, Identity[]> {
  const groups = new Map<string, Identity[]>();
  for (const identity of identities) {
    const group = groups.get(identity.externalId);
    if (group === undefined) groups.set(identity.externalId, [identity]);
    else group.push(identity);
  }
  return groups;
}

/** The groups (groupByExternalId) whose rows disagree on the target. */
export function conflictsAmong(
  groups: ReadonlyMap<string, Identity[]>,
  targetOf: (identity: Identity) => string | undefined,
): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const [externalId, rows] of groups) {
    if (rows.length < 2) continue;
    // A row without a target (no rule matched it) agrees with any other row.
    const targets = new Set(rows.map(targetOf).filter((target) => target !== undefined));
    if (targets.size > 1) conflicts.push({ externalId, rows });
  }
  return conflicts;
}

/** "x:123 is also listed at a.csv:4 (Contact 003…) and mapping.yaml:31 (Contact 003…)": the reason for one row. */
export function conflictReason(conflict: Conflict, row: Identity, describe: (identity: Identity) => string): string {
  const others = conflict.rows
    .filter((other) => other !== row)
    .map((other) => `${other.row.origin.file}:${other.row.origin.line} (${describe(other)})`);
  return `identity ${conflict.externalId} is listed here (${describe(row)}) and at ${others.join(', ')} with a different target; keep one of the rows`;
}

/** A pair's target as a comparable string: "Contact 003…" or "Contact Email=ana@example.com". */
export function pairTarget(identity: Identity): string | undefined {
  const pair = identity.row.pair;
  if (pair === undefined) return undefined;
  if (typeof pair.reference === 'string') return `${pair.object} ${pair.reference}`;
  const [field, value] = Object.entries(pair.reference)[0]!;
  return `${pair.object} ${field}=${value}`;
}
