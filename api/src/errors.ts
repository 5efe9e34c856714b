import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isAppError } from '@lms/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from './context';
import type { Logger } from './logger';
import { isDatabaseUnavailable, serviceUnavailable } from './unavailable';

/** Apollo's own codes for request-level problems (parse, validation): safe to show as they are. */
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export const MASKED_MESSAGE =
  'Something went wrong on our side. Quote the request id if you contact support.';

/**
 * AppError → extensions.code (+ field errors / retry time). Anything else is a bug: masked,
 * since Apollo does not mask thrown messages by itself (the plugin below logs it).
 */
/**
 * Errors formatted from an AppError: their messages are written by us and may name what the
 * user typed on purpose ("E11.99 is not an ICD-10-CM code"), so the input guard leaves them be.
 */
export const domainErrorResponses = new WeakSet<GraphQLFormattedError>();

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  let original = unwrapResolverError(error);
  // An AppError thrown by a plugin (no field path, so not unwrapped above).
  if (error instanceof GraphQLError && isAppError(error.originalError))
    original = error.originalError;
  // No free connection or no database: retryable (HTTP 503 set by databaseUnavailablePlugin).
  if (isDatabaseUnavailable(original)) original = serviceUnavailable();
  if (isAppError(original)) {
    const response: GraphQLFormattedError = {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: original.code,
        ...(original.fieldErrors ? { fieldErrors: original.fieldErrors } : {}),
        ...(original.retryAfterSeconds !== undefined
          ? { retryAfterSeconds: original.retryAfterSeconds }
          : {}),
      },
    };
    domainErrorResponses.add(response);
    return response;
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CLIENT_CODES.has(code)) {
    return { ...formatted, extensions: { code } };
  }
  return {
    message: MASKED_MESSAGE,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Logs unexpected errors with the request id, and stamps that id on every error returned. */
export function requestIdPlugin(log: Logger): ApolloServerPlugin<Context> {
  // One listener object for every request (no per-request closures).
  const listeners: GraphQLRequestListener<Context> = {
    async didEncounterErrors({ errors, contextValue }) {
      for (const error of errors) {
        const original = unwrapResolverError(error);
        if (isAppError(original)) continue;
        const code = error.extensions?.code;
        if (typeof code === 'string' && APOLLO_CLIENT_CODES.has(code)) continue;
        log.error(
          { err: original, requestId: contextValue.requestId, path: error.path },
          'unhandled error in GraphQL',
        );
      }
    },
    async willSendResponse({ response, contextValue }) {
      if (response.body.kind !== 'single') return;
      for (const error of response.body.singleResult.errors ?? []) {
        (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
      }
    },
  };
  return {
    async requestDidStart() {
      return listeners;
    },
  };
}

/**
 * graphql-js appends "Did you mean …?" to validation and coercion messages, naming fields,
 * arguments, types and enum values: with introspection off (production) that would still reveal
 * the schema piece by piece, so production drops the suggestion.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/\s*Did you mean [\s\S]*$/, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
