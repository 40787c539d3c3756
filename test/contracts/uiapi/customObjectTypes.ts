// Writes the UI API GraphQL types of force-app's custom objects, read straight from their object
// and field XML, by the pattern Salesforce documents and a real org's generated types show
// ([AFV] in uiApiBase.graphql: Property__c_Filter, Application__c_OrderBy): one record type
// implementing Record, `<Object>_Filter` with an operator input per field, `<Object>_OrderBy`,
// `<Object>Edge` and `<Object>Connection` ([PG]), and a RecordQuery field per object taking
// `first`, `after`, `where`, `orderBy` and `upperBound` ([QR], [UB]). Nothing here reads the local org.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** How one metadata field type appears in the GraphQL schema: value type, operators, sort clause. */
interface GraphQLFieldShape {
  value: string;
  operators: string;
  orderBy: string;
}

// Metadata API field type -> UI API GraphQL shape. [AFV]: Number fields are Double whatever their
// scale (Bedrooms__c: DoubleOperators), long text sorts with AggregateOrderByStringClause
// (Employment__c), lookups are IdOperators plus a relationship filter (Property__r).
const FIELD_SHAPES: Record<string, GraphQLFieldShape> = {
  Text: { value: 'StringValue', operators: 'StringOperators', orderBy: 'OrderByClause' },
  AutoNumber: { value: 'StringValue', operators: 'StringOperators', orderBy: 'OrderByClause' },
  TextArea: { value: 'TextAreaValue', operators: 'TextAreaOperators', orderBy: 'OrderByClause' },
  LongTextArea: {
    value: 'LongTextAreaValue',
    operators: 'LongTextAreaOperators',
    orderBy: 'AggregateOrderByStringClause',
  },
  Url: { value: 'UrlValue', operators: 'UrlOperators', orderBy: 'OrderByClause' },
  Email: { value: 'EmailValue', operators: 'EmailOperators', orderBy: 'OrderByClause' },
  Phone: { value: 'PhoneNumberValue', operators: 'PhoneNumberOperators', orderBy: 'OrderByClause' },
  Picklist: { value: 'PicklistValue', operators: 'PicklistOperators', orderBy: 'OrderByClause' },
  Checkbox: { value: 'BooleanValue', operators: 'BooleanOperators', orderBy: 'OrderByClause' },
  Number: { value: 'DoubleValue', operators: 'DoubleOperators', orderBy: 'OrderByClause' },
  Date: { value: 'DateValue', operators: 'DateOperators', orderBy: 'OrderByClause' },
  DateTime: { value: 'DateTimeValue', operators: 'DateTimeOperators', orderBy: 'OrderByClause' },
  Lookup: { value: 'IDValue', operators: 'IdOperators', orderBy: 'OrderByClause' },
  MasterDetail: { value: 'IDValue', operators: 'IdOperators', orderBy: 'OrderByClause' },
};

/** The standard objects uiApiBase.graphql defines, in RecordQuery order. */
export const STANDARD_OBJECTS = ['Account', 'Case', 'Contact', 'Lead', 'User'];

interface CustomFieldXml {
  name: string;
  type: string;
  referenceTo?: string;
  relationshipName?: string;
}

interface CustomObjectXml {
  name: string;
  nameFieldType: string;
  fields: CustomFieldXml[];
}

const parser = new XMLParser({ ignoreAttributes: true });

function readObject(objectDir: string, name: string): CustomObjectXml {
  const object = parser.parse(readFileSync(join(objectDir, `${name}.object-meta.xml`), 'utf8')).CustomObject;
  const fieldsDir = join(objectDir, 'fields');
  const fields = existsSync(fieldsDir)
    ? readdirSync(fieldsDir)
        .filter((file) => file.endsWith('.field-meta.xml'))
        .sort()
        .map((file) => {
          const field = parser.parse(readFileSync(join(fieldsDir, file), 'utf8')).CustomField;
          return {
            name: String(field.fullName),
            type: String(field.type),
            referenceTo: field.referenceTo,
            relationshipName: field.relationshipName,
          };
        })
    : [];
  return { name, nameFieldType: String(object.nameField?.type ?? 'Text'), fields };
}

export function readCustomObjects(objectsDir: string): CustomObjectXml[] {
  return readdirSync(objectsDir)
    .filter((name) => name.endsWith('__c'))
    .sort()
    .map((name) => readObject(join(objectsDir, name), name));
}

function shapeOf(object: string, field: CustomFieldXml): GraphQLFieldShape {
  const shape = FIELD_SHAPES[field.type];
  if (!shape) {
    throw new Error(
      `${object}.${field.name}: field type ${field.type} has no UI API GraphQL shape in customObjectTypes.ts; add it from the documentation`,
    );
  }
  return shape;
}

// [QR] Every record type carries the Record interface's fields; custom objects also have an
// owner and the audit fields ([AFV] Application__c_Filter: CreatedById, CreatedDate, OwnerId).
const RECORD_INTERFACE_FIELDS = [
  'Id: ID!',
  'ApiName: String!',
  'WeakEtag: Long!',
  'DisplayValue: String',
  'LastModifiedById: IDValue',
  'LastModifiedDate: DateTimeValue',
  'SystemModstamp: DateTimeValue',
];
const AUDIT_FIELDS: [string, GraphQLFieldShape][] = [
  ['CreatedById', FIELD_SHAPES.Lookup!],
  ['CreatedDate', FIELD_SHAPES.DateTime!],
  ['OwnerId', FIELD_SHAPES.Lookup!],
];

function relationshipOf(field: CustomFieldXml, known: Set<string>): { name: string; target: string } | undefined {
  if (field.type !== 'Lookup' && field.type !== 'MasterDetail') return undefined;
  const target = String(field.referenceTo ?? '');
  return known.has(target) ? { name: field.name.replace(/__c$/, '__r'), target } : undefined;
}

// [QR] A parent's child relationship is a connection field named `<relationshipName>__r` for a
// custom lookup, taking the same paging and filter arguments as a RecordQuery field.
function childRelationships(object: CustomObjectXml, all: CustomObjectXml[]): string[] {
  return all.flatMap((child) =>
    child.fields
      .filter((field) => field.relationshipName && String(field.referenceTo) === object.name)
      .map(
        (field) =>
          `${field.relationshipName}__r(first: Int, after: String, where: ${child.name}_Filter, orderBy: ${child.name}_OrderBy): ${child.name}Connection`,
      ),
  );
}

function objectSdl(object: CustomObjectXml, known: Set<string>, all: CustomObjectXml[]): string {
  const nameShape = FIELD_SHAPES[object.nameFieldType] ?? FIELD_SHAPES.Text!;
  const record = [...RECORD_INTERFACE_FIELDS, `Name: ${nameShape.value}`];
  const filter = [`and: [${object.name}_Filter]`, `or: [${object.name}_Filter]`, `not: ${object.name}_Filter`];
  const orderBy: string[] = [];
  filter.push('Id: IdOperators', `Name: ${nameShape.operators}`);
  orderBy.push('Id: OrderByClause', `Name: ${nameShape.orderBy}`);
  for (const [name, shape] of AUDIT_FIELDS) {
    record.push(`${name}: ${shape.value}`);
    filter.push(`${name}: ${shape.operators}`);
    orderBy.push(`${name}: ${shape.orderBy}`);
  }
  filter.push(
    'LastModifiedById: IdOperators',
    'LastModifiedDate: DateTimeOperators',
    'SystemModstamp: DateTimeOperators',
  );
  orderBy.push('LastModifiedById: OrderByClause', 'LastModifiedDate: OrderByClause', 'SystemModstamp: OrderByClause');
  for (const field of object.fields) {
    const shape = shapeOf(object.name, field);
    record.push(`${field.name}: ${shape.value}`);
    filter.push(`${field.name}: ${shape.operators}`);
    orderBy.push(`${field.name}: ${shape.orderBy}`);
    const relationship = relationshipOf(field, known);
    if (relationship) {
      record.push(`${relationship.name}: ${relationship.target}`);
      filter.push(`${relationship.name}: ${relationship.target}_Filter`);
      orderBy.push(`${relationship.name}: ${relationship.target}_OrderBy`);
    }
  }
  record.push(...childRelationships(object, all));
  const block = (lines: string[]) => lines.map((line) => `  ${line}`).join('\n');
  return [
    `type ${object.name} implements Record {\n${block(record)}\n}`,
    `input ${object.name}_Filter {\n${block(filter)}\n}`,
    `input ${object.name}_OrderBy {\n${block(orderBy)}\n}`,
  ].join('\n');
}

// [PG] <Object>Connection { edges, pageInfo, totalCount, pageResultCount } and <Object>Edge { node, cursor }.
function connectionSdl(name: string): string {
  return [
    `type ${name}Edge {\n  node: ${name}\n  cursor: String!\n}`,
    `type ${name}Connection {\n  edges: [${name}Edge]\n  pageInfo: PageInfo!\n  totalCount: Int!\n  pageResultCount: Int!\n}`,
  ].join('\n');
}

/** The SDL that uiApiBase.graphql needs added for these custom objects. */
export function customObjectSdl(objects: CustomObjectXml[]): string {
  const names = [...STANDARD_OBJECTS, ...objects.map((object) => object.name)];
  const known = new Set(names);
  // [QR] RecordQuery: one connection field per object; [UB] upperBound from API v59.0.
  const recordQuery = names
    .map(
      (name) =>
        `  ${name}(first: Int, after: String, where: ${name}_Filter, orderBy: ${name}_OrderBy, upperBound: Int): ${name}Connection`,
    )
    .join('\n');
  return [
    ...objects.map((object) => objectSdl(object, known, objects)),
    ...names.map(connectionSdl),
    `type RecordQuery {\n${recordQuery}\n}`,
    `extend input JoinInput {\n${objects.map((object) => `  ${object.name}: ${object.name}_Filter`).join('\n')}\n}`,
  ].join('\n\n');
}
