// Runs one UI API GraphQL request (`{ query, variables, operationName }`) against the generated
// schema and answers as the real endpoint does: HTTP 200 with `{ data, errors }`, every error
// carrying `extensions.ErrorType` (InvalidSyntax, ValidationError, DataFetchingException).

import { GraphQLError, execute, parse, validate, type DocumentNode } from 'graphql';
import type { RecordStore } from '../data/store.js';
import { uiApiSchema } from './graphqlSchema.js';
import { uiApiRules } from './graphqlRules.js';

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphQLErrorView {
  message: string;
  locations: Array<{ line: number; column: number }>;
  path: Array<string | number> | null;
  extensions: Record<string, unknown>;
}

export interface GraphQLResponseBody {
  data: unknown;
  errors: GraphQLErrorView[];
}

export interface ExecutionOptions {
  store: RecordStore;
  apiVersion: number;
  now?: () => Date;
}

function errorView(error: GraphQLError, fallbackType: string): GraphQLErrorView {
  // A resolver that threw (a paging limit, a bad date) is a DataFetchingException, as in graphql-java.
  const type =
    (error.extensions?.ErrorType as string | undefined) ??
    (error.originalError ? 'DataFetchingException' : fallbackType);
  return {
    message: error.message,
    locations: error.locations ? [...error.locations] : [],
    path: error.path ? [...error.path] : null,
    extensions: { ...error.extensions, ErrorType: type, classification: type },
  };
}

export async function executeGraphQL(
  body: GraphQLRequestBody,
  options: ExecutionOptions,
): Promise<GraphQLResponseBody> {
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    return {
      data: null,
      errors: [
        errorView(
          new GraphQLError('The request has no "query" string. Send { "query": "...", "variables": {...} }.'),
          'InvalidSyntax',
        ),
      ],
    };
  }
  const variables =
    body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
  const operationName =
    typeof body.operationName === 'string' && body.operationName !== '' ? body.operationName : undefined;
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    if (error instanceof GraphQLError) {
      return { data: null, errors: [errorView(error, 'InvalidSyntax')] };
    }
    throw error;
  }
  const schema = uiApiSchema(options.store.schema);
  const validationErrors = validate(schema, document, uiApiRules);
  if (validationErrors.length > 0) {
    return { data: null, errors: validationErrors.map((error) => errorView(error, 'ValidationError')) };
  }
  const result = await execute({
    schema,
    document,
    variableValues: variables,
    operationName,
    contextValue: {
      store: options.store,
      apiVersion: options.apiVersion,
      rawVariables: variables,
      now: options.now ?? (() => new Date()),
    },
  });
  // Variable coercion errors and a missing operation surface here without data.
  const fallback = result.data ? 'DataFetchingException' : 'ValidationError';
  return { data: result.data ?? null, errors: (result.errors ?? []).map((error) => errorView(error, fallback)) };
}
