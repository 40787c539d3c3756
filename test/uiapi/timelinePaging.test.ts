// A timeline-like query over 5,000 interactions of one contact: every record is reachable with
// upperBound, record-connection paging stops at 4,000 with an error, totalCount is right, and the
// documented limits on `first` and `upperBound` are enforced.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MemoryStore } from '../../local-org/src/data/memoryStore.js';
import { connectionOf, create, graphql, interaction, newStore } from './uiApiOrg.js';

const TIMELINE = `
  query timeline($contactId: ID, $first: Int, $after: String, $upperBound: Int) {
    uiapi {
      query {
        Social_Interaction__c(
          where: { Contact__c: { eq: $contactId } }
          orderBy: { Posted_At__c: { order: DESC }, Id: { order: DESC } }
          first: $first
          after: $after
          upperBound: $upperBound
        ) {
          edges { node { Id Posted_At__c { value } Status__c { value displayValue } } cursor }
          pageInfo { hasNextPage endCursor }
          totalCount
        }
      }
    }
  }`;

const RECORDS = 5000;
let store: MemoryStore;
let contactId: string;

interface Page {
  ids: string[];
  times: string[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

type Refusal = { errors: Array<{ message: string; extensions: Record<string, unknown> }> };

async function page(variables: Record<string, unknown>, apiVersion = 62): Promise<Page | Refusal> {
  const body = await graphql(store, TIMELINE, { contactId, ...variables }, { apiVersion });
  if (body.errors.length > 0) {
    return { errors: body.errors };
  }
  const connection = connectionOf(body, 'Social_Interaction__c');
  return {
    ids: connection.edges.map((edge) => edge.node.Id!),
    times: connection.edges.map((edge) => String(edge.node.Posted_At__c!.value)),
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
    totalCount: connection.totalCount,
  };
}

function expectRefusal(result: Page | Refusal): Refusal['errors'][number] {
  if (!('errors' in result)) {
    throw new Error(`Expected an error, got a page of ${result.ids.length} records`);
  }
  return result.errors[0]!;
}

function expectPage(result: Page | Refusal): Page {
  if ('errors' in result) {
    throw new Error(`Expected a page, got errors: ${result.errors.map((error) => error.message).join('; ')}`);
  }
  return result;
}

beforeAll(() => {
  store = newStore();
  contactId = create(store, 'Contact', { LastName: 'Ruiz', FirstName: 'Ana' });
  const otherContact = create(store, 'Contact', { LastName: 'Other' });
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  for (let index = 0; index < RECORDS; index++) {
    // Two interactions per minute, so the Id tie-breaker decides the order within a pair.
    interaction(store, {
      Contact__c: contactId,
      Posted_At__c: new Date(start + Math.floor(index / 2) * 60_000).toISOString(),
    });
  }
  for (let index = 0; index < 25; index++) {
    interaction(store, { Contact__c: otherContact });
  }
});

describe('timeline paging over 5,000 records of one contact', () => {
  it('reaches every record with upperBound, newest first, without gaps or repeats', async () => {
    const ids: string[] = [];
    const times: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result = expectPage(await page({ first: 2000, after, upperBound: 10000 }));
      expect(result.totalCount).toBe(RECORDS);
      ids.push(...result.ids);
      times.push(...result.times);
      pages++;
      if (!result.hasNextPage) break;
      after = result.endCursor;
    }
    expect(pages).toBe(3);
    expect(ids).toHaveLength(RECORDS);
    expect(new Set(ids).size).toBe(RECORDS);
    const sorted = [...times].sort().reverse();
    expect(times).toEqual(sorted);
    // Within one minute the larger Id comes first (Id DESC).
    expect(ids[0]! > ids[1]!).toBe(true);
    expect(times[0]).toBe(new Date(Date.parse('2026-01-01T00:00:00.000Z') + 2499 * 60_000).toISOString());
  });

  it('stops record-connection paging at 4,000 records with an error naming the way out', async () => {
    const first = expectPage(await page({ first: 2000 }));
    expect(first.ids).toHaveLength(2000);
    expect(first.totalCount).toBe(RECORDS);
    const second = expectPage(await page({ first: 2000, after: first.endCursor }));
    expect(second.ids).toHaveLength(2000);
    // There is more, and saying so makes the refusal visible instead of a silently short list.
    expect(second.hasNextPage).toBe(true);
    const { message } = expectRefusal(await page({ first: 2000, after: second.endCursor }));
    expect(message).toContain('4000');
    expect(message).toContain('upperBound');
  });

  it('never returns record 4,001 without upperBound, even when a page straddles it', async () => {
    const first = expectPage(await page({ first: 1500 }));
    const second = expectPage(await page({ first: 1500, after: first.endCursor }));
    const third = expectPage(await page({ first: 1500, after: second.endCursor }));
    expect(third.ids).toHaveLength(1000);
    expect(expectRefusal(await page({ first: 1500, after: third.endCursor })).message).toContain('upperBound');
  });

  it('returns 10 records by default and the cursor format of the real API', async () => {
    const result = expectPage(await page({}));
    expect(result.ids).toHaveLength(10);
    expect(result.endCursor).toBe('djE6OQ==');
  });

  it('refuses first above 2000, upperBound with first below 200, and upperBound before v59.0', async () => {
    expect(expectRefusal(await page({ first: 2001 })).message).toMatch(/'first'.*2001.*2000/);
    expect(expectRefusal(await page({ first: 10, upperBound: 5000 })).message).toMatch(/'first'.*200 to 2000/);
    const oldVersion = expectRefusal(await page({ first: 200, upperBound: 5000 }, 58));
    expect(oldVersion.message).toContain('59.0');
    expect(oldVersion.extensions.ErrorType).toBe('DataFetchingException');
  });

  it('stops at upperBound when it is below the number of matching records', async () => {
    const first = expectPage(await page({ first: 200, upperBound: 300 }));
    expect(first.hasNextPage).toBe(true);
    const second = expectPage(await page({ first: 200, upperBound: 300, after: first.endCursor }));
    expect(second.ids).toHaveLength(100);
    expect(second.hasNextPage).toBe(false);
  });

  it('refuses a cursor it never gave out', async () => {
    expect(expectRefusal(await page({ first: 10, after: 'not-a-cursor' })).message).toContain('Invalid cursor');
  });
});
