import { unwrapResolverError } from '@apollo/server/errors';
import { isAppError } from '@lms/core';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';

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

/**
 * AppError → extensions.code (+ field errors / retry time). Anything else is a bug: logged
 * with the request id and masked, since Apollo does not mask thrown messages by itself.
 */
export function createFormatError(getRequestId: () => string | undefined, log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = getRequestId();
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: original.code,
          requestId,
          ...(original.fieldErrors ? { fieldErrors: original.fieldErrors } : {}),
          ...(original.retryAfterSeconds !== undefined
            ? { retryAfterSeconds: original.retryAfterSeconds }
            : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && APOLLO_CLIENT_CODES.has(code)) {
      return { ...formatted, extensions: { code, requestId } };
    }
    log.error({ err: original, requestId, path: formatted.path }, 'unhandled error in GraphQL');
    return {
      message: `Something went wrong on our side. Quote request id ${requestId} if you contact support.`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
