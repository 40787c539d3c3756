// The UI API GraphQL input types shared by every object's filter and orderBy: the operator inputs
// per field type (StringOperators, DateTimeOperators with `{ value | literal | range }` operands,
// ...), OrderByClause with ResultOrder and NullOrder, and the date literals.

import { GraphQLEnumType, GraphQLInputObjectType, GraphQLInt, GraphQLList, type GraphQLInputType } from 'graphql';
import type { FieldSchema } from '../schema/model.js';
import { scalars, valueKind } from './valueTypes.js';

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
      'n_days_ago',
      'last_n_weeks',
      'next_n_weeks',
      'n_weeks_ago',
      'last_n_months',
      'next_n_months',
      'n_months_ago',
      'last_n_years',
      'next_n_years',
      'n_years_ago',
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
