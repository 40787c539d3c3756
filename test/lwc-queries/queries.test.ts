// Static checks of every LWC GraphQL query: it parses, is one named operation, takes all input as
// declared variables (never interpolated), and asks only for fields of the data model contract.
import { describe, expect, it } from '@jest/globals';
import { Kind, parse, visit, type OperationDefinitionNode } from 'graphql';
import { findQueryDocuments } from './queryDocuments.js';

const documents = findQueryDocuments();

// Fields each query may read, from docs/data-model.md (plus Id and the standard fields used).
const CONTRACT: Record<string, string[]> = {
  Social_Interaction__c: [
    'Id',
    'Name',
    'External_Id__c',
    'Identity__c',
    'Identity__r',
    'Contact__c',
    'Contact__r',
    'Lead__c',
    'Account__c',
    'Case__c',
    'Case__r',
    'Network__c',
    'Direction__c',
    'Visibility__c',
    'Kind__c',
    'Body__c',
    'Permalink__c',
    'Posted_At__c',
    'Thread_Key__c',
    'In_Reply_To__c',
    'Sentiment__c',
    'Intent__c',
    'Status__c',
    // The version a status change is conditional on (updateRecord's ifUnmodifiedSince).
    'LastModifiedDate',
    'Status_Reason__c',
    'Response_Due_At__c',
    'First_Response_At__c',
    'Delivery_Status__c',
    'Delivery_Error__c',
    'Delivered_At__c',
    'Delivery_Attempts__c',
    'Delivery_Claimed_Until__c',
    'Contains_Personal_Data__c',
    'Edited_At__c',
    'Deleted_On_Network__c',
  ],
  Social_Identity__c: [
    'Id',
    'Name',
    'External_Id__c',
    'Network__c',
    'Network_User_Id__c',
    'Handle__c',
    'Display_Name__c',
    'Profile_URL__c',
    'Followers__c',
    'Contact__c',
    'Lead__c',
    'Lead__r',
    'Link_Status__c',
    'Link_Source__c',
    'Matched_By_Rule__c',
    'Linked_By__c',
    'Linked_At__c',
    'Link_Note__c',
    'Is_Advocate__c',
    'Advocate_Note__c',
  ],
  Social_Channel__c: [
    'Id',
    'Name',
    'Network_Key__c',
    'Enabled__c',
    'Icon__c',
    'Public_Reply_Limit__c',
    'Length_Counting__c',
    'Response_SLA_Minutes__c',
    'Supports_Private_Messages__c',
    'Profile_URL_Template__c',
    'Post_URL_Template__c',
    'Sort_Order__c',
    'Case_Origin__c',
  ],
  Case: ['Id', 'ContactId', 'Contact', 'CaseNumber', 'Status'],
  // A converted Lead's identities show on its Contact (Lead.IsConverted, Object Reference "Lead").
  Lead: ['Id', 'Name', 'IsConverted'],
};
// What a relationship field on the left points at (Contact: Case.ContactId's relationship).
const RELATIONSHIP_TARGET: Record<string, string> = {
  Identity__r: 'Social_Identity__c',
  Contact__r: 'Contact',
  Case__r: 'Case',
  Lead__r: 'Lead',
  Contact: 'Contact',
};
const CONNECTION_FIELDS = new Set(['edges', 'node', 'pageInfo', 'totalCount', 'hasNextPage', 'endCursor', 'cursor']);

describe('LWC GraphQL queries', () => {
  it('are found: one module per query, in the bundles that use them', () => {
    expect(documents.map((d) => `${d.bundle}/${d.exportName}`)).toEqual([
      'socialCaseContact/CASE_CONTACT_QUERY',
      'socialCatchUp/CATCH_UP_QUERY',
      'socialIdentities/IDENTITIES_QUERY',
      'socialIdentityLink/IDENTITY_LOOKUP_QUERY',
      'socialTimeline/HIDDEN_COUNT_QUERY',
      'socialTimeline/OLDEST_QUERY',
      'socialTimeline/PREFERENCE_QUERY',
      'socialTimeline/THREAD_MEMBERS_QUERY',
      'socialTimeline/TIMELINE_QUERY',
    ]);
  });

  describe.each(documents.map((d) => [d.file, d] as const))('%s', (_file, document) => {
    it('has no interpolation: input only as variables', () => {
      expect(document.text).not.toContain('${');
    });

    it('parses as one named query whose variables are all declared and used', () => {
      const ast = parse(document.text);
      const operations = ast.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      expect(operations).toHaveLength(1);
      const [operation] = operations as [OperationDefinitionNode];
      expect(operation.operation).toBe('query');
      expect(operation.name?.value).toMatch(/^social/);
      const declared = new Set((operation.variableDefinitions ?? []).map((v) => v.variable.name.value));
      const used = new Set<string>();
      visit(operation.selectionSet, { Variable: (node) => void used.add(node.name.value) });
      expect([...used].sort()).toEqual([...declared].sort());
    });

    it('reads only fields of the data model contract, wrapped as { value }', () => {
      const problems: string[] = [];
      const ast = parse(document.text);
      // Walk uiapi.query.<Object>(...) { edges { node { ... } } } and check each node field.
      visit(ast, {
        Field(field, _key, _parent, _path, ancestors) {
          const objectName = objectOf(ancestors);
          if (!objectName || CONNECTION_FIELDS.has(field.name.value)) return;
          const allowed = CONTRACT[objectName];
          if (allowed && !allowed.includes(field.name.value) && !['value', 'displayValue'].includes(field.name.value)) {
            problems.push(`${objectName}.${field.name.value}`);
          }
          if (
            allowed &&
            field.name.value !== 'Id' &&
            !RELATIONSHIP_TARGET[field.name.value] &&
            allowed.includes(field.name.value)
          ) {
            const subFields =
              field.selectionSet?.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '?')) ?? [];
            if (!subFields.includes('value')) problems.push(`${objectName}.${field.name.value} without { value }`);
          }
        },
      });
      expect(problems).toEqual([]);
    });
  });
});

/** The object whose node a field sits in: the nearest `node` or relationship ancestor decides. */
function objectOf(ancestors: readonly unknown[]): string | undefined {
  const fields = ancestors.filter((a): a is { kind: string; name: { value: string }; alias?: { value: string } } =>
    Boolean(a && typeof a === 'object' && (a as { kind?: string }).kind === Kind.FIELD),
  );
  let current: string | undefined;
  for (let i = 0; i < fields.length; i++) {
    const name = fields[i]?.name.value ?? '';
    if (CONTRACT[name] && fields[i + 1]?.name.value === 'edges') current = name;
    else if (RELATIONSHIP_TARGET[name]) current = RELATIONSHIP_TARGET[name];
  }
  const last = fields[fields.length - 1]?.name.value;
  return last === 'node' || (last && RELATIONSHIP_TARGET[last]) ? current : undefined;
}
