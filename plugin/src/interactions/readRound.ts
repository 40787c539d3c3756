// The import's reads from the org. Each step collects its queries in a round and sends the round
// through OrgClient.queryMany (mappings/org.ts): five query operations per composite call, which
// counts as one API call, the SOQL in the request body, so an IN list is as long as the 100,000
// characters of a SOQL statement allow (mappings/soql.ts bodyInListQueries) rather than the 16 KB of
// a request URI. Reads of different steps that do not depend on each other share a round, so they
// also share composite calls.
import type { OrgClient } from '../org/client.js';
import { bodyInListQueries } from '../org/soql.js';

/** A query operation answers at most 2,000 records; the rest are next pages, one operation each. */
export const RECORDS_PER_PAGE = 2_000;

export class ReadRound {
  private readonly queries: string[] = [];
  private readonly sinks: Array<((record: Record<string, unknown>) => void) | undefined> = [];
  private results: Array<Array<Record<string, unknown>>> | undefined;

  /**
   * Queries `${before} IN (…)${after}` for every value (none for no values), as many values a query
   * as the SOQL length allows: the fewest operations when most values find nothing. See add.
   */
  public inList<T>(before: string, values: Iterable<string>, after = ''): () => T[] {
    return this.add<T>(bodyInListQueries(before, values, after));
  }

  /**
   * Like inList, but each record goes to `sink` as its page arrives and none is kept: for a read of every
   * post of a file, which would otherwise be held whole until the round ends.
   */
  public inListInto<T>(before: string, values: Iterable<string>, sink: (record: T) => void): void {
    const queries = bodyInListQueries(before, values);
    this.add<T>(queries);
    this.sinks.length = this.queries.length;
    this.sinks.fill(sink as (record: Record<string, unknown>) => void, this.queries.length - queries.length);
  }

  /**
   * Like inList, for values that each find one record (the ids of records the org is known to hold): a
   * page's worth of values a query, so each query is answered in one operation rather than in a
   * first page and a next one. A value that finds more than one record still gets them all.
   */
  public eachFound<T>(before: string, values: Iterable<string>): () => T[] {
    const all = [...new Set(values)];
    const queries: string[] = [];
    for (let start = 0; start < all.length; start += RECORDS_PER_PAGE) {
      queries.push(...bodyInListQueries(before, all.slice(start, start + RECORDS_PER_PAGE)));
    }
    return this.add<T>(queries);
  }

  /**
   * Adds queries to the round. The returned function hands over their records once the round has run,
   * and only once: the round lets go of them, so a large read is not held twice.
   */
  public add<T>(queries: readonly string[]): () => T[] {
    if (this.results !== undefined) throw new Error('ReadRound: a query was added after the round ran');
    const from = this.queries.length;
    this.queries.push(...queries);
    const to = this.queries.length;
    let taken = false;
    return () => {
      if (this.results === undefined) throw new Error('ReadRound: records asked for before the round ran');
      if (taken) throw new Error('ReadRound: records asked for twice');
      taken = true;
      const records = this.results.slice(from, to).flat() as T[];
      this.results.fill([], from, to);
      return records;
    };
  }

  /** Sends every query added so far; a round without queries costs nothing. */
  public async run(org: OrgClient): Promise<void> {
    this.results = this.queries.length > 0 ? await org.queryMany(this.queries, this.sinks) : [];
  }
}
