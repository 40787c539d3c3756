// The UI API GraphQL field value types (StringValue, PicklistValue, DateTimeValue, ...) and their
// scalars. Which value type a field gets, and whether it can be filtered and sorted, depends only on
// its FieldSchema; filterTypes.ts builds the matching operator inputs.

import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLString,
  Kind,
  type ValueNode,
} from 'graphql';
import type { FieldSchema } from '../schema/model.js';
import { fieldValueView } from './fieldValue.js';
import type { RecordSource } from './recordSource.js';

/** A scalar that travels as a string (DateTime, Picklist, Url, ...). */
function textScalar(name: string, description: string): GraphQLScalarType {
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => value,
    parseValue: (value) => {
      if (typeof value !== 'string') {
        throw new TypeError(`${name} cannot represent a non-string value: ${JSON.stringify(value)}`);
      }
      return value;
    },
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.STRING) {
        throw new TypeError(`${name} cannot represent a non-string value`);
      }
      return node.value;
    },
  });
}

/** A scalar that travels as a number (Double, Long, Currency, Percent). */
function numberScalar(name: string): GraphQLScalarType {
  return new GraphQLScalarType({
    name,
    serialize: (value) => value,
    parseValue: (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new TypeError(`${name} cannot represent a non-numeric value: ${JSON.stringify(value)}`);
      }
      return value;
    },
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.INT && node.kind !== Kind.FLOAT) {
        throw new TypeError(`${name} cannot represent a non-numeric value`);
      }
      return Number(node.value);
    },
  });
}

export const scalars = {
  DateTime: textScalar('DateTime', 'An ISO 8601 instant, e.g. 2026-11-18T14:02:00.000Z'),
  Date: textScalar('Date', 'An ISO 8601 date, e.g. 2026-11-18'),
  Picklist: textScalar('Picklist', 'A picklist API value'),
  Url: textScalar('Url', 'A URL'),
  Email: textScalar('Email', 'An email address'),
  PhoneNumber: textScalar('PhoneNumber', 'A phone number'),
  TextArea: textScalar('TextArea', 'Text of a Text Area field'),
  LongTextArea: textScalar('LongTextArea', 'Text of a Long Text Area field'),
  Double: numberScalar('Double'),
  Long: numberScalar('Long'),
  Currency: numberScalar('Currency'),
  Percent: numberScalar('Percent'),
};

export interface ValueKind {
  typeName: string;
  scalar: GraphQLScalarType;
  /** Operator input type name, or undefined when the field type cannot be filtered or sorted. */
  operators?: string;
  /** Operators the type supports beyond eq/ne. */
  ordered: boolean;
  like: boolean;
  /** DateTime and Date operands are `{ value | literal | range }` inputs. */
  temporal?: 'DateTimeInput' | 'DateInput';
  format: boolean;
  /** The sort input when not OrderByClause: a real org sorts long text with AggregateOrderByStringClause. */
  orderBy?: 'AggregateOrderByStringClause';
}

const KINDS: Record<string, ValueKind> = {
  string: {
    typeName: 'StringValue',
    scalar: GraphQLString as GraphQLScalarType,
    operators: 'StringOperators',
    ordered: true,
    like: true,
    format: false,
  },
  textarea: {
    typeName: 'TextAreaValue',
    scalar: scalars.TextArea,
    operators: 'TextAreaOperators',
    ordered: true,
    like: true,
    format: false,
  },
  longtextarea: {
    typeName: 'LongTextAreaValue',
    scalar: scalars.LongTextArea,
    operators: 'LongTextAreaOperators',
    ordered: true,
    like: true,
    format: false,
    orderBy: 'AggregateOrderByStringClause',
  },
  url: {
    typeName: 'UrlValue',
    scalar: scalars.Url,
    operators: 'UrlOperators',
    ordered: true,
    like: true,
    format: false,
  },
  email: {
    typeName: 'EmailValue',
    scalar: scalars.Email,
    operators: 'EmailOperators',
    ordered: true,
    like: true,
    format: false,
  },
  phone: {
    typeName: 'PhoneNumberValue',
    scalar: scalars.PhoneNumber,
    operators: 'PhoneNumberOperators',
    ordered: true,
    like: true,
    format: false,
  },
  picklist: {
    typeName: 'PicklistValue',
    scalar: scalars.Picklist,
    operators: 'PicklistOperators',
    ordered: true,
    like: true,
    format: false,
  },
  boolean: {
    typeName: 'BooleanValue',
    scalar: GraphQLBoolean as GraphQLScalarType,
    operators: 'BooleanOperators',
    ordered: false,
    like: false,
    format: false,
  },
  double: {
    typeName: 'DoubleValue',
    scalar: scalars.Double,
    operators: 'DoubleOperators',
    ordered: true,
    like: false,
    format: true,
  },
  int: {
    typeName: 'IntValue',
    scalar: GraphQLInt as GraphQLScalarType,
    operators: 'IntegerOperators',
    ordered: true,
    like: false,
    format: true,
  },
  currency: {
    typeName: 'CurrencyValue',
    scalar: scalars.Currency,
    operators: 'CurrencyOperators',
    ordered: true,
    like: false,
    format: true,
  },
  percent: {
    typeName: 'PercentValue',
    scalar: scalars.Percent,
    operators: 'PercentOperators',
    ordered: true,
    like: false,
    format: true,
  },
  date: {
    typeName: 'DateValue',
    scalar: scalars.Date,
    operators: 'DateOperators',
    ordered: true,
    like: false,
    temporal: 'DateInput',
    format: true,
  },
  datetime: {
    typeName: 'DateTimeValue',
    scalar: scalars.DateTime,
    operators: 'DateTimeOperators',
    ordered: true,
    like: false,
    temporal: 'DateTimeInput',
    format: true,
  },
  reference: {
    typeName: 'IDValue',
    scalar: GraphQLID as GraphQLScalarType,
    operators: 'IdOperators',
    ordered: true,
    like: false,
    format: false,
  },
};

/**
 * Long Text Area fields (Text Area longer than 255) are filterable and sortable in the GraphQL
 * schema a real org generates (LongTextAreaOperators; test/contracts/uiapi/uiApiBase.graphql).
 */
export function valueKind(field: Pick<FieldSchema, 'type' | 'length'>): ValueKind {
  if (field.type === 'textarea' && field.length > 255) {
    return KINDS.longtextarea!;
  }
  if (field.type === 'id') {
    return KINDS.reference!;
  }
  return KINDS[field.type] ?? KINDS.string!;
}

/** Filterable and sortable as SOQL and object info say: never a long text field. */
export function isFilterable(field: Pick<FieldSchema, 'type' | 'length'>): boolean {
  const kind = valueKind(field);
  return kind.operators !== undefined && kind !== KINDS.longtextarea;
}

const valueTypes = new Map<string, GraphQLObjectType>();

/** The value type of a field: `{ value, displayValue, label }` (+ `format` for dates and numbers). */
export function valueType(field: Pick<FieldSchema, 'type' | 'length'>): GraphQLObjectType {
  const kind = valueKind(field);
  let type = valueTypes.get(kind.typeName);
  if (!type) {
    type = new GraphQLObjectType<{ field: FieldSchema; record: RecordSource['record'] }>({
      name: kind.typeName,
      fields: {
        value: {
          type: kind.scalar,
          resolve: (source) => fieldValueView(source.field, source.record[source.field.name]).value,
        },
        displayValue: {
          type: GraphQLString,
          resolve: (source) => fieldValueView(source.field, source.record[source.field.name]).displayValue,
        },
        label: { type: GraphQLString, resolve: (source) => source.field.label },
        ...(kind.format ? { format: { type: GraphQLString, resolve: () => null } } : {}),
      },
    });
    valueTypes.set(kind.typeName, type);
  }
  return type;
}
