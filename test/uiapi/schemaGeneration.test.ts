// The GraphQL schema generated from an org schema: from a hand-made OrgSchema (every field type
// gets its UI API value type and operators) and from force-app's real objects.
import { describe, expect, it } from '@jest/globals';
import { GraphQLInputObjectType, GraphQLObjectType, getNamedType, type GraphQLSchema } from 'graphql';
import { defineField, picklist, systemField } from '../../local-org/src/schema/fieldDefinition.js';
import type { FieldSchema, FieldType, ObjectSchema, OrgSchema } from '../../local-org/src/schema/model.js';
import { systemFields } from '../../local-org/src/schema/standardObjects.js';
import { uiApiSchema } from '../../local-org/src/uiapi/graphqlSchema.js';
import { forceAppOrgSchema } from './uiApiOrg.js';

function object(name: string, keyPrefix: string, fields: FieldSchema[]): ObjectSchema {
  const all = [...systemFields({ owned: false }), ...fields];
  return {
    name,
    label: name,
    labelPlural: `${name}s`,
    keyPrefix,
    custom: true,
    fields: new Map(all.map((field) => [field.name.toLowerCase(), field])),
    childRelationships: [],
  };
}

function handMadeSchema(): OrgSchema {
  const parent = object('Parent__c', 'a01', [defineField('Name', 'string', { nameField: true })]);
  const child = object('Child__c', 'a02', [
    defineField('Text__c', 'string'),
    defineField('Notes__c', 'textarea', { length: 255 }),
    defineField('Story__c', 'textarea', { length: 32768 }),
    defineField('Site__c', 'url'),
    defineField('Mail__c', 'email'),
    defineField('Phone__c', 'phone'),
    defineField('Choice__c', 'picklist', { picklistValues: picklist(['A_B', 'C']) }),
    defineField('Flag__c', 'boolean'),
    defineField('Amount__c', 'double'),
    defineField('Count__c', 'int'),
    defineField('Price__c', 'currency'),
    defineField('Share__c', 'percent'),
    defineField('Day__c', 'date'),
    defineField('At__c', 'datetime'),
    defineField('Parent__c', 'reference', { referenceTo: ['Parent__c'], relationshipName: 'Parent__r' }),
    systemField('Number__c', 'string', { autoNumber: true }),
  ]);
  parent.childRelationships = [
    { childObject: 'Child__c', field: 'Parent__c', relationshipName: 'Children__r', cascadeDelete: false },
  ];
  return { objects: new Map([parent, child].map((entry) => [entry.name.toLowerCase(), entry])) };
}

function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type`);
  return type;
}

function inputType(schema: GraphQLSchema, name: string): GraphQLInputObjectType {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLInputObjectType)) throw new Error(`${name} is not an input type`);
  return type;
}

describe('schema generation from a hand-made org schema', () => {
  const schema = uiApiSchema(handMadeSchema());
  const child = objectType(schema, 'Child__c');
  const filter = inputType(schema, 'Child__c_Filter');
  const orderBy = inputType(schema, 'Child__c_OrderBy');

  // Long text filters and sorts as in a real org's generated schema (test/contracts/uiapi).
  const expected: Array<[string, FieldType | 'longtextarea', string, string | undefined, string | undefined]> = [
    ['Text__c', 'string', 'StringValue', 'StringOperators', 'OrderByClause'],
    ['Notes__c', 'textarea', 'TextAreaValue', 'TextAreaOperators', 'OrderByClause'],
    ['Story__c', 'longtextarea', 'LongTextAreaValue', 'LongTextAreaOperators', 'AggregateOrderByStringClause'],
    ['Site__c', 'url', 'UrlValue', 'UrlOperators', 'OrderByClause'],
    ['Mail__c', 'email', 'EmailValue', 'EmailOperators', 'OrderByClause'],
    ['Phone__c', 'phone', 'PhoneNumberValue', 'PhoneNumberOperators', 'OrderByClause'],
    ['Choice__c', 'picklist', 'PicklistValue', 'PicklistOperators', 'OrderByClause'],
    ['Flag__c', 'boolean', 'BooleanValue', 'BooleanOperators', 'OrderByClause'],
    ['Amount__c', 'double', 'DoubleValue', 'DoubleOperators', 'OrderByClause'],
    ['Count__c', 'int', 'IntValue', 'IntegerOperators', 'OrderByClause'],
    ['Price__c', 'currency', 'CurrencyValue', 'CurrencyOperators', 'OrderByClause'],
    ['Share__c', 'percent', 'PercentValue', 'PercentOperators', 'OrderByClause'],
    ['Day__c', 'date', 'DateValue', 'DateOperators', 'OrderByClause'],
    ['At__c', 'datetime', 'DateTimeValue', 'DateTimeOperators', 'OrderByClause'],
    ['Parent__c', 'reference', 'IDValue', 'IdOperators', 'OrderByClause'],
    ['Number__c', 'string', 'StringValue', 'StringOperators', 'OrderByClause'],
  ];

  it.each(expected)('%s (%s) reads as %s and filters with %s', (name, _type, valueTypeName, operators, sort) => {
    expect(getNamedType(child.getFields()[name]!.type).name).toBe(valueTypeName);
    if (operators) {
      expect(getNamedType(filter.getFields()[name]!.type).name).toBe(operators);
      expect(getNamedType(orderBy.getFields()[name]!.type).name).toBe(sort);
    } else {
      expect(filter.getFields()[name]).toBeUndefined();
      expect(orderBy.getFields()[name]).toBeUndefined();
    }
  });

  it('types Id as a plain ID and adds the Record interface fields', () => {
    expect(String(child.getFields().Id!.type)).toBe('ID!');
    expect(child.getInterfaces().map((type) => type.name)).toEqual(['Record']);
    expect(Object.keys(child.getFields())).toEqual(expect.arrayContaining(['ApiName', 'WeakEtag', 'DisplayValue']));
  });

  it('adds parent relationships to fields, filters and orderBy, and child relationships as connections', () => {
    expect(String(child.getFields().Parent__r!.type)).toBe('Parent__c');
    expect(String(filter.getFields().Parent__r!.type)).toBe('Parent__c_Filter');
    expect(String(orderBy.getFields().Parent__r!.type)).toBe('Parent__c_OrderBy');
    const children = objectType(schema, 'Parent__c').getFields().Children__r!;
    expect(String(children.type)).toBe('Child__cConnection');
    expect(children.args.map((arg) => arg.name)).toEqual(['first', 'after', 'where', 'orderBy', 'upperBound']);
  });

  it('offers each object under uiapi.query as a connection with the paging arguments', () => {
    const recordQuery = objectType(schema, 'RecordQuery');
    expect(Object.keys(recordQuery.getFields())).toEqual(['Parent__c', 'Child__c']);
    const connection = objectType(schema, 'Child__cConnection');
    expect(Object.keys(connection.getFields())).toEqual(['edges', 'pageInfo', 'totalCount', 'pageResultCount']);
    expect(Object.keys(objectType(schema, 'Child__cEdge').getFields())).toEqual(['node', 'cursor']);
    expect(Object.keys(inputType(schema, 'DateTimeOperators').getFields())).toEqual([
      'eq',
      'ne',
      'lt',
      'gt',
      'lte',
      'gte',
      'in',
      'nin',
    ]);
    expect(Object.keys(inputType(schema, 'StringOperators').getFields())).toEqual([
      'eq',
      'ne',
      'lt',
      'gt',
      'lte',
      'gte',
      'like',
      'in',
      'nin',
    ]);
    expect(Object.keys(inputType(schema, 'DateTimeInput').getFields())).toEqual(['value', 'literal', 'range']);
  });
});

describe('schema generation from force-app', () => {
  const schema = uiApiSchema(forceAppOrgSchema());

  it('has every field of the three custom objects, with force-app API names', () => {
    const interaction = objectType(schema, 'Social_Interaction__c').getFields();
    for (const name of [
      'External_Id__c',
      'Identity__c',
      'Contact__c',
      'Status__c',
      'Posted_At__c',
      'Delivery_Status__c',
      'Thread_Key__c',
    ]) {
      expect(interaction[name]).toBeDefined();
    }
    expect(getNamedType(interaction.Body__c!.type).name).toBe('LongTextAreaValue');
    expect(getNamedType(interaction.Status__c!.type).name).toBe('PicklistValue');
    expect(String(interaction.Contact__r!.type)).toBe('Contact');
    expect(String(interaction.Identity__r!.type)).toBe('Social_Identity__c');
    expect(objectType(schema, 'Social_Channel__c').getFields().Network_Key__c).toBeDefined();
  });

  it('lets a contact reach its interactions and identities as child relationships', () => {
    const contact = objectType(schema, 'Contact').getFields();
    const children = Object.entries(contact)
      .filter(([, field]) => getNamedType(field.type).name.endsWith('Connection'))
      .map(([name, field]) => `${name}:${getNamedType(field.type).name}`);
    expect(children).toEqual(expect.arrayContaining(['Social_Interactions__r:Social_Interaction__cConnection']));
    expect(children.some((entry) => entry.endsWith(':Social_Identity__cConnection'))).toBe(true);
  });

  it('types polymorphic lookups (Task.Who) as the Record interface', () => {
    expect(String(objectType(schema, 'Task').getFields().Who!.type)).toBe('Record');
  });

  it('is built once per org schema', () => {
    expect(uiApiSchema(forceAppOrgSchema())).toBe(schema);
  });
});
