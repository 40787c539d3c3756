// The UI API GraphQL input types shared by every object's filter and orderBy: the operator inputs
// per field type (StringOperators, DateTimeOperators with `{ value | literal | range }` operands,
// ...), OrderByClause with ResultOrder and NullOrder, and the date literals.

import {
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  type GraphQLInputType,
} from 'graphql';
import type { FieldSchema } from '../schema/model.js';
import { scalars, valueKind } from './valueTypes.js';

export const ResultOrder = new GraphQLEnumType({ name: 'ResultOrder', values: { ASC: {}, DESC: {} } });
export const NullOrder = new GraphQLEnumType({ name: 'NullOrder', values: { FIRST: {}, LAST: {} } });
export const OrderByClause = new GraphQLInputObjectType({
  name: 'OrderByClause',
  fields: { order: { type: ResultOrder }, nulls: { type: NullOrder } },
});

// A real org sorts long text fields with this clause, whose enums have names of their own.
const ResultsOrder = new GraphQLEnumType({ name: 'ResultsOrder', values: { ASC: {}, DESC: {} } });
const NullsOrder = new GraphQLEnumType({ name: 'NullsOrder', values: { FIRST: {}, LAST: {} } });
const AggregateOrderByStringFunction = new GraphQLEnumType({
  name: 'AggregateOrderByStringFunction',
  values: { COUNT: {}, COUNT_DISTINCT: {}, MAX: {}, MIN: {} },
});
export const AggregateOrderByStringClause = new GraphQLInputObjectType({
  name: 'AggregateOrderByStringClause',
  fields: {
    function: { type: AggregateOrderByStringFunction },
    nulls: { type: NullsOrder },
    order: { type: ResultsOrder },
  },
});

/** The sort input of a field: OrderByClause, or AggregateOrderByStringClause for long text. */
export function orderByClause(field: Pick<FieldSchema, 'type' | 'length'>): GraphQLInputObjectType | undefined {
  const kind = valueKind(field);
  if (!kind.operators) return undefined;
  return kind.orderBy === 'AggregateOrderByStringClause' ? AggregateOrderByStringClause : OrderByClause;
}

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
      'THIS_QUARTER',
      'LAST_QUARTER',
      'NEXT_QUARTER',
      'THIS_FISCAL_QUARTER',
      'LAST_FISCAL_QUARTER',
      'NEXT_FISCAL_QUARTER',
      'THIS_FISCAL_YEAR',
      'LAST_FISCAL_YEAR',
      'NEXT_FISCAL_YEAR',
    ].map((name) => [name, {}]),
  ),
});

/**
 * Relative ranges: `range: { last_n_days: 7 }` means SOQL's LAST_N_DAYS:7. The real schema names
 * this input DateRange and has 21 of them (test/contracts/uiapi/uiApiBase.graphql, [AFV]).
 */
export const DateRangeInput = new GraphQLInputObjectType({
  name: 'DateRange',
  fields: Object.fromEntries(
    ['days', 'weeks', 'months', 'quarters', 'years', 'fiscal_quarters', 'fiscal_years']
      .flatMap((unit) => [`last_n_${unit}`, `next_n_${unit}`, `n_${unit}_ago`])
      .map((name) => [name, { type: GraphQLInt }]),
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

/**
 * IdOperators of one schema: the ordered operators plus `inq`/`ninq`, whose JoinInput names every
 * object of that schema, so unlike the other operator inputs it is built per schema.
 */
export function idOperatorsType(joinInput: GraphQLInputObjectType): GraphQLInputObjectType {
  const operand = GraphQLID;
  return new GraphQLInputObjectType({
    name: 'IdOperators',
    fields: {
      eq: { type: operand },
      ne: { type: operand },
      lt: { type: operand },
      gt: { type: operand },
      lte: { type: operand },
      gte: { type: operand },
      in: { type: new GraphQLList(operand) },
      nin: { type: new GraphQLList(operand) },
      inq: { type: joinInput },
      ninq: { type: joinInput },
    },
  });
}

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
