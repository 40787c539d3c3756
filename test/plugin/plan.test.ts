// The plan from resolved matches and what the org holds: pure, no org. Rule order, ambiguity, reps'
// links, stale links, conflicts, and that a second run plans nothing.
import { describe, expect, it } from '@jest/globals';
import type { Identity } from '../../plugin/src/mappings/identity.js';
import { parseMapping } from '../../plugin/src/mappings/mappingFile/load.js';
import type { Rule } from '../../plugin/src/mappings/mappingFile/schema.js';
import { buildPlan, countOutcomes, type PlanInput } from '../../plugin/src/mappings/plan.js';
import {
  matchByRules,
  type ExistingIdentity,
  type OrgState,
  type Resolution,
} from '../../plugin/src/mappings/resolve.js';

const MAPPING = parseMapping(
  `version: 1
channels:
  - key: x
    name: X
rules:
  - name: same-email
    identity: email
    record: Contact.Email
    normalise: [lowercase, email-plus]
    action: link
  - name: same-handle
    identity: handle
    record: Contact.Twitter_Handle__c
    normalise: [strip-at, lowercase]
    action: suggest
sources:
  - name: export
    file: export.csv
    network: x
    columns: { userId: id, handle: handle, email: email }
removeStaleLinks: true
`,
  '/tmp/mapping.yaml',
).mapping;

let line = 1;
function identity(userId: string, attributes: Record<string, string> = {}): Identity {
  line += 1;
  return {
    externalId: `x:${userId}`,
    network: 'x',
    userId,
    ...(attributes.handle ? { handle: attributes.handle } : {}),
    row: { origin: { source: 'export', file: 'export.csv', line }, values: { network: 'x', userId, ...attributes } },
  };
}

function index(entries: Record<string, string[]>): Map<string, Set<string>> {
  return new Map(Object.entries(entries).map(([value, ids]) => [value, new Set(ids)]));
}

const [emailRule, handleRule] = MAPPING.rules as [Rule, Rule];
const ANA = '003000000000001AAA';
const ANA_TWIN = '003000000000002AAA';
const JORDAN = '003000000000003AAA';

function planFor(
  identities: Identity[],
  resolutions: Resolution[],
  existing: ExistingIdentity[] = [],
  stale: ExistingIdentity[] = [],
) {
  const org: OrgState = {
    resolutions: new Map(identities.map((item, position) => [item, resolutions[position]!])),
    identities: new Map(existing.map((record) => [record.External_Id__c, record])),
    staleLinks: stale,
    mappingLinks: stale,
    channels: new Map([
      [
        'x',
        {
          Id: 'a00000000000001AAA',
          Network_Key__c: 'x',
          Name: 'X',
          Enabled__c: true,
          Supports_Private_Messages__c: false,
          // The org's default, written when the channel was created without the setting.
          Length_Counting__c: 'Characters',
        },
      ],
    ]),
  };
  const input: PlanInput = {
    mapping: MAPPING,
    items: identities.map((item) => ({ kind: 'identity' as const, identity: item })),
    org,
    now: '2026-01-01T00:00:00.000Z',
  };
  return buildPlan(input);
}

describe('matching rules', () => {
  const indexes = new Map<Rule, Map<string, Set<string>>>([
    [emailRule, index({ 'ana@example.com': [ANA], 'shared@example.com': [ANA, ANA_TWIN] })],
    [handleRule, index({ ana_ruiz: [JORDAN], jlee: [JORDAN] })],
  ]);

  it('lets an earlier rule win over a later one', () => {
    const result = matchByRules(
      identity('1', { email: 'Ana+Social@example.com', handle: 'ana_ruiz' }),
      MAPPING.rules,
      indexes,
      {},
    );
    expect(result).toEqual({
      kind: 'match',
      target: { object: 'Contact', id: ANA },
      rule: 'same-email',
      action: 'link',
    });
  });

  it('falls through to the next rule when the first finds nothing', () => {
    const result = matchByRules(
      identity('2', { email: 'nobody@example.com', handle: '@JLee' }),
      MAPPING.rules,
      indexes,
      {},
    );
    expect(result).toEqual({
      kind: 'match',
      target: { object: 'Contact', id: JORDAN },
      rule: 'same-handle',
      action: 'suggest',
    });
  });

  it('marks an identity matching two Contacts ambiguous, even when a later rule would match one', () => {
    const result = matchByRules(
      identity('3', { email: 'shared@example.com', handle: 'jlee' }),
      MAPPING.rules,
      indexes,
      {},
    );
    expect(result).toEqual({
      kind: 'ambiguous',
      rule: 'same-email',
      candidates: [
        { object: 'Contact', id: ANA },
        { object: 'Contact', id: ANA_TWIN },
      ],
    });
  });

  it('skips rules limited to other networks', () => {
    const limited: Rule = { ...emailRule, networks: ['instagram'] };
    expect(
      matchByRules(
        identity('4', { email: 'ana@example.com' }),
        [limited],
        new Map([[limited, indexes.get(emailRule)!]]),
        {},
      ),
    ).toEqual({
      kind: 'unmatched',
    });
  });
});

describe('plan', () => {
  it('links, suggests, never links an ambiguous identity, and leaves the unmatched unlinked', () => {
    const rows = [identity('10'), identity('11'), identity('12'), identity('13')];
    const plan = planFor(rows, [
      { kind: 'match', target: { object: 'Contact', id: ANA }, rule: 'same-email', action: 'link' },
      { kind: 'match', target: { object: 'Contact', id: JORDAN }, rule: 'same-handle', action: 'suggest' },
      {
        kind: 'ambiguous',
        rule: 'same-email',
        candidates: [
          { object: 'Contact', id: ANA },
          { object: 'Contact', id: ANA_TWIN },
        ],
      },
      { kind: 'unmatched' },
    ]);
    expect(plan.rows.map((row) => row.outcome)).toEqual(['linked', 'suggested', 'ambiguous', 'unmatched']);
    expect(plan.identityWrites[0]!.fields).toMatchObject({
      Contact__c: ANA,
      Link_Status__c: 'Linked',
      Link_Source__c: 'Mapping',
      Matched_By_Rule__c: 'same-email',
      Linked_At__c: '2026-01-01T00:00:00.000Z',
    });
    expect(plan.identityWrites[1]!.fields).toMatchObject({ Contact__c: JORDAN, Link_Status__c: 'Suggested' });
    const ambiguous = plan.identityWrites[plan.rows[2]!.write!]!.fields;
    expect(ambiguous.Contact__c).toBeUndefined();
    expect(ambiguous).toMatchObject({
      Link_Status__c: 'Unlinked',
      Link_Note__c: expect.stringContaining(`${ANA}, ${ANA_TWIN}`),
    });
    expect(plan.identityWrites[plan.rows[3]!.write!]!.fields).toMatchObject({
      External_Id__c: 'x:13',
      Link_Status__c: 'Unlinked',
    });
    expect(plan.channelWrites).toEqual([]);
  });

  it('plans nothing when the org already holds what the mapping says (second run)', () => {
    const rows = [identity('20', { handle: 'ana_ruiz' }), identity('21')];
    const existing: ExistingIdentity[] = [
      {
        Id: 'a01000000000020AAA',
        External_Id__c: 'x:20',
        Name: '@ana_ruiz (x)',
        Network__c: 'x',
        Network_User_Id__c: '20',
        Handle__c: 'ana_ruiz',
        Contact__c: ANA.slice(0, 15),
        Lead__c: null,
        Link_Status__c: 'Linked',
        Link_Source__c: 'Mapping',
        Matched_By_Rule__c: 'same-email',
        Link_Note__c: null,
      },
      {
        Id: 'a01000000000021AAA',
        External_Id__c: 'x:21',
        Name: '21 (x)',
        Network__c: 'x',
        Network_User_Id__c: '21',
        Link_Status__c: 'Unlinked',
        Link_Source__c: null,
        Contact__c: null,
        Lead__c: null,
      },
    ];
    const plan = planFor(
      rows,
      [
        { kind: 'match', target: { object: 'Contact', id: ANA }, rule: 'same-email', action: 'link' },
        { kind: 'unmatched' },
      ],
      existing,
    );
    expect(plan.identityWrites).toEqual([]);
    expect(countOutcomes(plan.rows)).toMatchObject({ unchanged: 1, unmatched: 1, linked: 0 });
  });

  it('relinks a link the mapping made when the rule now finds another record', () => {
    const rows = [identity('30')];
    const existing: ExistingIdentity[] = [
      {
        Id: 'a01000000000030AAA',
        External_Id__c: 'x:30',
        Name: '30 (x)',
        Network__c: 'x',
        Network_User_Id__c: '30',
        Contact__c: ANA,
        Link_Status__c: 'Linked',
        Link_Source__c: 'Mapping',
        Matched_By_Rule__c: 'same-email',
      },
    ];
    const plan = planFor(
      rows,
      [{ kind: 'match', target: { object: 'Contact', id: JORDAN }, rule: 'same-email', action: 'link' }],
      existing,
    );
    expect(plan.rows[0]!.outcome).toBe('relinked');
    expect(plan.identityWrites[0]!.fields).toEqual({ Contact__c: JORDAN, Linked_At__c: '2026-01-01T00:00:00.000Z' });
  });

  it("never changes a rep's link or a rejected suggestion", () => {
    const rows = [identity('40'), identity('41')];
    const existing: ExistingIdentity[] = [
      {
        Id: 'a01000000000040AAA',
        External_Id__c: 'x:40',
        Name: '40 (x)',
        Network__c: 'x',
        Network_User_Id__c: '40',
        Contact__c: JORDAN,
        Link_Status__c: 'Linked',
        Link_Source__c: 'Rep',
      },
      {
        Id: 'a01000000000041AAA',
        External_Id__c: 'x:41',
        Name: '41 (x)',
        Network__c: 'x',
        Network_User_Id__c: '41',
        Link_Status__c: 'Rejected',
        Link_Source__c: 'Mapping',
        Link_Note__c: 'not the same person',
      },
    ];
    const match: Resolution = {
      kind: 'match',
      target: { object: 'Contact', id: ANA },
      rule: 'same-email',
      action: 'link',
    };
    const plan = planFor(rows, [match, match], existing);
    expect(plan.rows.map((row) => row.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(plan.rows[0]!.reason).toMatch(/linked by Rep .*does not override/);
    expect(plan.rows[1]!.reason).toMatch(/a rep rejected the link/);
    expect(plan.identityWrites).toEqual([]);
  });

  it('removes links the mapping made that it no longer supports, and only those', () => {
    const rows = [identity('50')];
    const existing: ExistingIdentity[] = [
      {
        Id: 'a01000000000050AAA',
        External_Id__c: 'x:50',
        Name: '50 (x)',
        Network__c: 'x',
        Network_User_Id__c: '50',
        Contact__c: ANA,
        Link_Status__c: 'Linked',
        Link_Source__c: 'Mapping',
        Matched_By_Rule__c: 'same-email',
      },
    ];
    const stale: ExistingIdentity = {
      Id: 'a01000000000099AAA',
      External_Id__c: 'x:99',
      Contact__c: JORDAN,
      Link_Status__c: 'Linked',
      Link_Source__c: 'Mapping',
    };
    const plan = planFor(rows, [{ kind: 'unmatched' }], existing, [stale]);
    expect(plan.rows[0]!.outcome).toBe('unlinked');
    expect(plan.identityWrites[0]!.fields).toMatchObject({
      Contact__c: null,
      Link_Status__c: 'Unlinked',
      Matched_By_Rule__c: null,
    });
    expect(plan.staleUnlinks).toHaveLength(1);
    expect(plan.staleUnlinks[0]!.write).toMatchObject({
      externalId: 'x:99',
      fields: { Contact__c: null, Link_Status__c: 'Unlinked' },
    });
  });

  it('rejects every row of an identity whose rows resolve to different records, naming the lines', () => {
    const first = identity('60', { email: 'ana@example.com' });
    const second = identity('60', { email: 'jordan@example.com' });
    const third = identity('60');
    const plan = planFor(
      [first, second, third],
      [
        { kind: 'match', target: { object: 'Contact', id: ANA }, rule: 'same-email', action: 'link' },
        { kind: 'match', target: { object: 'Contact', id: JORDAN }, rule: 'same-email', action: 'link' },
        { kind: 'unmatched' },
      ],
    );
    expect(plan.rows.map((row) => row.outcome)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(plan.rows[0]!.reason).toContain(`export.csv:${second.row.origin.line} (Contact ${JORDAN})`);
    expect(plan.identityWrites).toEqual([]);
  });

  it('gives duplicate rows that agree one write and one outcome each', () => {
    const first = identity('70', { email: 'ana@example.com' });
    const second = identity('70');
    const plan = planFor(
      [first, second],
      [
        { kind: 'match', target: { object: 'Contact', id: ANA }, rule: 'same-email', action: 'link' },
        { kind: 'unmatched' },
      ],
    );
    expect(plan.rows.map((row) => [row.outcome, row.write])).toEqual([
      ['linked', 0],
      ['linked', 0],
    ]);
    expect(plan.identityWrites).toHaveLength(1);
  });
});
