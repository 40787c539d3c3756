// Generates the UI API GraphQL schema from the org schema (force-app's objects plus the standard
// ones), with the real API's type names: `query { uiapi { query { Social_Interaction__c(where:
// Social_Interaction__c_Filter, orderBy: Social_Interaction__c_OrderBy, first, after, upperBound)
// { edges { node { Id Body__c { value } Contact__r { Name { value } } } cursor } pageInfo totalCount } } } }`.
// A query naming a field force-app does not have therefore fails validation.

import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLInputFieldConfig,
} from 'graphql';
import { findObject, type FieldSchema, type ObjectSchema, type OrgSchema } from '../schema/model.js';
import { parseDateTime } from '../data/fieldValues.js';
import { fieldValueView } from './fieldValue.js';
import { parentOf } from './recordFilter.js';
import { resolveConnection, type ConnectionArgs } from './recordConnection.js';
import { indexedCandidates } from './indexedFilter.js';
import { PagingError } from './recordPaging.js';
import type { RecordSource, UiApiContext } from './recordSource.js';
import { idOperatorsType, orderByClause, operatorType } from './filterTypes.js';
import { scalars, valueKind, valueType } from './valueTypes.js';

/** The same PageInfo type serves every connection, as in the real schema. */
const PageInfo = new GraphQLObjectType({
  name: 'PageInfo',
  fields: {
    hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    startCursor: { type: GraphQLString },
    endCursor: { type: GraphQLString },
  },
});

interface ObjectTypes {
  record: GraphQLObjectType<RecordSource, UiApiContext>;
  filter: GraphQLInputObjectType;
  orderBy: GraphQLInputObjectType;
  connection: GraphQLObjectType;
}

const cache = new WeakMap<OrgSchema, GraphQLSchema>();

/** The schema for an org schema; built once per OrgSchema object. */
export function uiApiSchema(orgSchema: OrgSchema): GraphQLSchema {
  let schema = cache.get(orgSchema);
  if (!schema) {
    schema = buildSchema(orgSchema);
    cache.set(orgSchema, schema);
  }
  return schema;
}

const systemValue = (type: FieldSchema['type']) => valueType({ type, length: 0 });

function buildSchema(orgSchema: OrgSchema): GraphQLSchema {
  const types = new Map<string, ObjectTypes>();
  const objects = [...orgSchema.objects.values()];
  const typesOf = (name: string): ObjectTypes | undefined => {
    const object = findObject(orgSchema, name);
    return object ? types.get(object.name) : undefined;
  };

  // `Id: { inq: { Contact: {...}, ApiName: "AccountId" } }`: a semi-join on any object's filter.
  const joinInput: GraphQLInputObjectType = new GraphQLInputObjectType({
    name: 'JoinInput',
    fields: () => ({
      ApiName: { type: GraphQLString },
      ...Object.fromEntries([...types].map(([name, entry]) => [name, { type: entry.filter }])),
    }),
  });
  const idOperators = idOperatorsType(joinInput);

  const recordInterface: GraphQLInterfaceType = new GraphQLInterfaceType({
    name: 'Record',
    fields: {
      Id: { type: new GraphQLNonNull(GraphQLID) },
      ApiName: { type: new GraphQLNonNull(GraphQLString) },
      WeakEtag: { type: new GraphQLNonNull(scalars.Long) },
      DisplayValue: { type: GraphQLString },
      LastModifiedById: { type: systemValue('reference') },
      LastModifiedDate: { type: systemValue('datetime') },
      SystemModstamp: { type: systemValue('datetime') },
    },
    resolveType: (source: RecordSource) => source.objectName,
  });

  for (const object of objects) {
    const record: GraphQLObjectType<RecordSource, UiApiContext> = new GraphQLObjectType<RecordSource, UiApiContext>({
      name: object.name,
      interfaces: [recordInterface],
      fields: () => recordFields(object, recordInterface, typesOf),
    });
    const filter: GraphQLInputObjectType = new GraphQLInputObjectType({
      name: `${object.name}_Filter`,
      fields: () => filterFields(object, filter, typesOf, idOperators),
    });
    const orderBy = new GraphQLInputObjectType({
      name: `${object.name}_OrderBy`,
      fields: () => orderByFields(object, typesOf),
    });
    const edge = new GraphQLObjectType({
      name: `${object.name}Edge`,
      fields: { node: { type: record }, cursor: { type: new GraphQLNonNull(GraphQLString) } },
    });
    const connection = new GraphQLObjectType({
      name: `${object.name}Connection`,
      fields: {
        edges: { type: new GraphQLList(edge) },
        pageInfo: { type: new GraphQLNonNull(PageInfo) },
        totalCount: { type: new GraphQLNonNull(GraphQLInt) },
        pageResultCount: { type: new GraphQLNonNull(GraphQLInt) },
      },
    });
    types.set(object.name, { record, filter, orderBy, connection });
  }

  const recordQuery = new GraphQLObjectType<unknown, UiApiContext>({
    name: 'RecordQuery',
    fields: Object.fromEntries(
      objects.map((object) => {
        const objectTypes = types.get(object.name)!;
        const field: GraphQLFieldConfig<unknown, UiApiContext, ConnectionArgs> = {
          type: objectTypes.connection,
          args: connectionArgs(objectTypes),
          resolve: (_source, args, context, info) =>
            resolveConnection(
              object,
              indexedCandidates(context.store, object, args.where) ?? context.store.list(object.name),
              args,
              context,
              info,
            ),
        };
        return [object.name, field];
      }),
    ),
  });
  const uiapi = new GraphQLObjectType({
    name: 'UIAPI',
    fields: { query: { type: new GraphQLNonNull(recordQuery), resolve: () => ({}) } },
  });
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: { uiapi: { type: new GraphQLNonNull(uiapi), resolve: () => ({}) } },
  });
  return new GraphQLSchema({ query, types: [...types.values()].map((entry) => entry.record) });
}

function connectionArgs(types: ObjectTypes): GraphQLFieldConfigArgumentMap {
  return {
    first: { type: GraphQLInt },
    after: { type: GraphQLString },
    where: { type: types.filter },
    orderBy: { type: types.orderBy },
    upperBound: { type: GraphQLInt },
  };
}

/** The object a lookup's relationship is typed as: its one target, or the Record interface when polymorphic. */
function relationshipTarget(
  field: FieldSchema,
  typesOf: (name: string) => ObjectTypes | undefined,
): ObjectTypes | 'polymorphic' | undefined {
  if (!field.relationshipName) {
    return undefined;
  }
  const targets = field.referenceTo.map(typesOf).filter((types): types is ObjectTypes => types !== undefined);
  if (targets.length === 0) {
    return undefined;
  }
  return field.referenceTo.length === 1 ? targets[0] : 'polymorphic';
}

function recordFields(
  object: ObjectSchema,
  recordInterface: GraphQLInterfaceType,
  typesOf: (name: string) => ObjectTypes | undefined,
): Record<string, GraphQLFieldConfig<RecordSource, UiApiContext>> {
  const nameField = [...object.fields.values()].find((field) => field.nameField);
  const fields: Record<string, GraphQLFieldConfig<RecordSource, UiApiContext>> = {
    Id: { type: new GraphQLNonNull(GraphQLID), resolve: (source) => source.record.Id },
    ApiName: { type: new GraphQLNonNull(GraphQLString), resolve: (source) => source.objectName },
    WeakEtag: {
      type: new GraphQLNonNull(scalars.Long),
      resolve: (source) => parseDateTime(String(source.record.SystemModstamp ?? ''))?.getTime() ?? 0,
    },
    DisplayValue: {
      type: GraphQLString,
      resolve: (source) =>
        nameField ? (fieldValueView(nameField, source.record[nameField.name]).value as string | null) : null,
    },
  };
  for (const field of object.fields.values()) {
    if (field.name === 'Id') {
      continue;
    }
    fields[field.name] = { type: valueType(field), resolve: (source) => ({ field, record: source.record }) };
    const target = relationshipTarget(field, typesOf);
    if (target && field.relationshipName) {
      fields[field.relationshipName] = {
        type: target === 'polymorphic' ? recordInterface : target.record,
        resolve: (source, _args, context) => {
          const parent = parentOf(context.store, field, source.record);
          return parent ? { objectName: parent.object.name, record: parent.record } : null;
        },
      };
    }
  }
  for (const child of object.childRelationships ?? []) {
    const childTypes = typesOf(child.childObject);
    const childObject = childTypes ? child.childObject : undefined;
    if (!childTypes || !childObject || fields[child.relationshipName]) {
      continue;
    }
    const field: GraphQLFieldConfig<RecordSource, UiApiContext, ConnectionArgs> = {
      type: childTypes.connection,
      args: connectionArgs(childTypes),
      resolve: (source, args, context, info) => {
        if (args.after && (source.pageSize ?? 1) > 1) {
          throw new PagingError(
            `Paging ${child.relationshipName} with 'after' needs its parent ${object.name} query limited to one record (it returned ${source.pageSize}). ` +
              `Filter the parent by Id, or page the parent and the children in separate queries.`,
          );
        }
        const schema = findObject(context.store.schema, childObject)!;
        // By the lookup's index, not a scan of every child record (the store indexes lookups).
        const children = context.store.findByExternalId(childObject, child.field, source.record.Id);
        return resolveConnection(schema, children, args, context, info);
      },
    };
    fields[child.relationshipName] = field as GraphQLFieldConfig<RecordSource, UiApiContext>;
  }
  return fields;
}

function filterFields(
  object: ObjectSchema,
  self: GraphQLInputObjectType,
  typesOf: (name: string) => ObjectTypes | undefined,
  idOperators: GraphQLInputObjectType,
): Record<string, GraphQLInputFieldConfig> {
  const fields: Record<string, GraphQLInputFieldConfig> = {
    and: { type: new GraphQLList(self) },
    or: { type: new GraphQLList(self) },
    not: { type: self },
  };
  for (const field of object.fields.values()) {
    const operators = valueKind(field).operators === idOperators.name ? idOperators : operatorType(field);
    if (operators) {
      fields[field.name] = { type: operators };
    }
    const target = relationshipTarget(field, typesOf);
    if (target && target !== 'polymorphic' && field.relationshipName) {
      fields[field.relationshipName] = { type: target.filter };
    }
  }
  return fields;
}

function orderByFields(
  object: ObjectSchema,
  typesOf: (name: string) => ObjectTypes | undefined,
): Record<string, GraphQLInputFieldConfig> {
  const fields: Record<string, GraphQLInputFieldConfig> = {};
  for (const field of object.fields.values()) {
    const clause = orderByClause(field);
    if (clause) {
      fields[field.name] = { type: clause };
    }
    const target = relationshipTarget(field, typesOf);
    if (target && target !== 'polymorphic' && field.relationshipName) {
      fields[field.relationshipName] = { type: target.orderBy };
    }
  }
  return fields;
}
