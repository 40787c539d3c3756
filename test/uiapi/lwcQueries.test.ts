// Every GraphQL query the LWCs send (each `<name>Query.js` gql export, found by helper E's reader)
// runs against the schema generated from force-app: a field, filter or argument the UI API would
// refuse fails here, since jest's `gql` mock never looks at the query text.
import { describe, expect, it } from '@jest/globals';
import { validate, parse } from 'graphql';
import { uiApiRules } from '../../local-org/src/uiapi/graphqlRules.js';
import { uiApiSchema } from '../../local-org/src/uiapi/graphqlSchema.js';
import { findQueryDocuments } from '../lwc-queries/queryDocuments.js';
import { forceAppOrgSchema, graphql, interaction, newStore, create } from './uiApiOrg.js';

const documents = findQueryDocuments();

describe('LWC GraphQL queries against the generated UI API schema', () => {
  it('finds the component queries', () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((document) => [`${document.file} ${document.exportName}`, document] as const))(
    '%s validates',
    (_name, document) => {
      const errors = validate(uiApiSchema(forceAppOrgSchema()), parse(document.text), uiApiRules);
      expect(errors.map((error) => error.message)).toEqual([]);
    },
  );

  it.each(documents.map((document) => [`${document.file} ${document.exportName}`, document] as const))(
    '%s runs without errors',
    async (_name, document) => {
      const store = newStore();
      const contactId = create(store, 'Contact', { LastName: 'Ruiz' });
      interaction(store, { Contact__c: contactId });
      const body = await graphql(store, document.text, {});
      expect(body.errors).toEqual([]);
    },
  );
});
