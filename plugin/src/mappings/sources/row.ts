// What a source reader yields: one row of a CSV/NDJSON export or one explicit pair, with where it came
// from, as raw values keyed by identity attribute (the source's column mapping already applied).
import type { RecordReference } from '../mappingFile/schema.js';

export interface RowOrigin {
  /** The source's name in the mapping file. */
  source: string;
  /** The file the row is in, as shown to the user (the mapping file for pairs). */
  file: string;
  /** 1-based line where the row starts (quoted newlines make a row span several lines). */
  line: number;
}

export interface SourceRow {
  origin: RowOrigin;
  /** Raw values by identity attribute name (userId, handle, email, …); a missing column is absent. */
  values: Record<string, string>;
  /** Only for explicit pairs: the record the admin named. */
  pair?: { object: 'Contact' | 'Lead'; reference: RecordReference };
}

/** A row that can be read but not used, with the reason and what to do. */
export interface RejectedRow {
  origin: RowOrigin;
  values: Record<string, string>;
  reason: string;
}

export type ReadResult = { kind: 'row'; row: SourceRow } | { kind: 'rejected'; rejected: RejectedRow };
