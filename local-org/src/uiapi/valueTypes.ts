// The UI API GraphQL building blocks shared by every object: field value types (StringValue,
// PicklistValue, DateTimeValue, ...), their scalars, the filter operator inputs per field type and
// the ordering and paging types. Which one a field gets depends only on its FieldSchema.

import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLString,
  Kind,
  type GraphQLInputType,
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

interface ValueKind {
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
    ordered: false,
    like: false,
    format: false,
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
    operators: 'IDOperators',
    ordered: true,
    like: true,
    format: false,
  },
};

/** Long Text Area fields (Text Area longer than 255) cannot be filtered or sorted, as in SOQL. */
export function valueKind(field: Pick<FieldSchema, 'type' | 'length'>): ValueKind {
  if (field.type === 'textarea' && field.length > 255) {
    return KINDS.longtextarea!;
  }
  if (field.type === 'id') {
    return KINDS.reference!;
  }
  return KINDS[field.type] ?? KINDS.string!;
}

export function isFilterable(field: Pick<FieldSchema, 'type' | 'length'>): boolean {
  return valueKind(field).operators !== undefined;
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

export const ResultOrder = new GraphQLEnumType({ name: 'ResultOrder', values: { ASC: {}, DESC: {} } });
export const NullOrder = new GraphQLEnumType({ name: 'NullOrder', values: { FIRST: {}, LAST: {} } });
export const OrderByClause = new GraphQLInputObjectType({
  name: 'OrderByClause',
  fields: { order: { type: ResultOrder }, nulls: { type: NullOrder } },
});

/** The date literals of SOQL that the GraphQL API exposes as an enum. */
export const DateLiteral = new GraphQLEnumType({
  name: 'DateLiteral',
  values: Object.fromEntries(
    [
      'TODAY',
      'YESTERDAY',
      'TOMORROW',
      'THIS_WEEK',
      'LAST_WEEK',
      'NEXT_WEEK',
      'THIS_MONTH',
      'LAST_MONTH',
      'NEXT_MONTH',
      'THIS_YEAR',
      'LAST_YEAR',
      'NEXT_YEAR',
      'LAST_90_DAYS',
      'NEXT_90_DAYS',
    ].map((name) => [name, {}]),
  ),
});

/** Relative ranges: `range: { last_n_days: 7 }` means SOQL's LAST_N_DAYS:7. */
export const DateRangeInput = new GraphQLInputObjectType({
  name: 'DateFunctionInput',
  fields: Object.fromEntries(
    [
      'last_n_days',
      'next_n_days',
      'last_n_weeks',
      'next_n_weeks',
      'last_n_months',
      'next_n_months',
      'last_n_years',
      'next_n_years',
    ].map((name) => [name, { type: GraphQLInt }]),
  ),
});

const temporalInputs = {
  DateTimeInput: new GraphQLInputObjectType({
    name: 'DateTimeInput',
    fields: { value: { type: scalars.DateTime }, literal: { type: DateLiteral }, range: { type: DateRangeInput } },
  }),
  DateInput: new GraphQLInputObjectType({
    name: 'DateInput',
    fields: { value: { type: scalars.Date }, literal: { type: DateLiteral }, range: { type: DateRangeInput } },
  }),
};

const operatorTypes = new Map<string, GraphQLInputObjectType>();

/** `StringOperators { eq ne like lt gt lte gte in nin }` and its siblings, per field type. */
export function operatorType(field: Pick<FieldSchema, 'type' | 'length'>): GraphQLInputObjectType | undefined {
  const kind = valueKind(field);
  if (!kind.operators) {
    return undefined;
  }
  let type = operatorTypes.get(kind.operators);
  if (!type) {
    const operand: GraphQLInputType = kind.temporal ? temporalInputs[kind.temporal] : kind.scalar;
    const fields: Record<string, { type: GraphQLInputType }> = { eq: { type: operand }, ne: { type: operand } };
    if (kind.ordered) {
      Object.assign(fields, {
        lt: { type: operand },
        gt: { type: operand },
        lte: { type: operand },
        gte: { type: operand },
      });
    }
    if (kind.like) {
      fields.like = { type: kind.scalar };
    }
    if (kind.typeName !== 'BooleanValue') {
      Object.assign(fields, { in: { type: new GraphQLList(operand) }, nin: { type: new GraphQLList(operand) } });
    }
    type = new GraphQLInputObjectType({ name: kind.operators, fields });
    operatorTypes.set(kind.operators, type);
  }
  return type;
}

export const PageInfo = new GraphQLObjectType({
  name: 'PageInfo',
  fields: {
    hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    startCursor: { type: GraphQLString },
    endCursor: { type: GraphQLString },
  },
});
