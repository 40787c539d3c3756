// Validation the UI API adds to standard GraphQL validation, with the wording of graphql-java (the
// engine behind the real endpoint): unknown fields name the field, its type and where it sits; at
// most 10 record connections (subqueries) per query; no variables in @skip/@include.

import {
  FieldsOnCorrectTypeRule,
  GraphQLError,
  Kind,
  getNamedType,
  specifiedRules,
  type ASTNode,
  type ASTVisitor,
  type FieldNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export const MAX_SUBQUERIES = 10;

/** Tags a validation error with the real API's `extensions.ErrorType`. */
export function validationError(message: string, nodes: ASTNode | ASTNode[]): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { ErrorType: 'ValidationError' } });
}

function responsePath(ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>, node: FieldNode): string {
  const names = ancestors
    .filter((ancestor): ancestor is FieldNode => !Array.isArray(ancestor) && (ancestor as ASTNode).kind === Kind.FIELD)
    .map((field) => field.name.value);
  return [...names, node.name.value].join('/');
}

/** Replaces graphql-js's "Cannot query field" with `Field 'X' in type 'T' is undefined`. */
const UndefinedFieldRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Field(node, _key, _parent, _path, ancestors) {
    const parentType = context.getParentType();
    if (parentType && !context.getFieldDef()) {
      context.reportError(
        validationError(
          `Validation error (FieldUndefined@[${responsePath(ancestors, node)}]) : Field '${node.name.value}' in type '${parentType.name}' is undefined`,
          node,
        ),
      );
    }
  },
});

const SubqueryLimitRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const connections: FieldNode[] = [];
  return {
    Field(node) {
      const type = context.getType();
      if (type && getNamedType(type).name.endsWith('Connection')) {
        connections.push(node);
      }
    },
    Document: {
      leave() {
        if (connections.length > MAX_SUBQUERIES) {
          context.reportError(
            validationError(
              `The query has ${connections.length} record connections (subqueries); the UI API allows at most ${MAX_SUBQUERIES}. Split it into several queries.`,
              connections.slice(MAX_SUBQUERIES),
            ),
          );
        }
      },
    },
  };
};

const NoVariablesInSkipIncludeRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Directive(node) {
    if (node.name.value !== 'skip' && node.name.value !== 'include') {
      return;
    }
    const condition = node.arguments?.find((argument) => argument.name.value === 'if');
    if (condition?.value.kind === Kind.VARIABLE) {
      context.reportError(
        validationError(
          `Variables are not supported in @${node.name.value} (found $${condition.value.name.value}); write true or false, or send a different query.`,
          node,
        ),
      );
    }
  },
});

export const uiApiRules: readonly ValidationRule[] = [
  ...specifiedRules.filter((rule) => rule !== FieldsOnCorrectTypeRule),
  UndefinedFieldRule,
  SubqueryLimitRule,
  NoVariablesInSkipIncludeRule,
];
