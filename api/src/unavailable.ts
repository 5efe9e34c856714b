import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '@lms/core';
import { GraphQLError } from 'graphql';

/**
 * The database cannot serve right now (pool exhausted, server down or restarting, too many
 * connections, a statement cut by statement_timeout): the request itself was fine, so the answer
 * is 503 with Retry-After and SERVICE_UNAVAILABLE, which clients may retry, never a 500.
 */

export const RETRY_AFTER_SECONDS = 5;
export const UNAVAILABLE_MESSAGE =
  'The service is busy or briefly unavailable. Please try again in a few seconds.';

/** Prisma's codes for "cannot reach / timed out / closed / too many connections". */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
/** What @prisma/adapter-pg reports for connection failures. */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** PostgreSQL SQLSTATEs: connection exceptions, shutdown/restart, too many connections, timeout. */
const POSTGRES_CODE = /^(08\w{3}|57P0[123]|53300|57014)$/;
/**
 * Errors pg and its pool throw as plain Errors (the adapter passes them through unconverted),
 * and Prisma's P2028 when a transaction could not get a connection within its wait (P2028 also
 * covers real bugs, such as using an expired transaction, so only this message counts).
 */
const MESSAGES =
  /timeout exceeded when trying to connect|Unable to start a transaction in the given time|Connection terminated|ECONNREFUSED|Can't reach database server|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|too many clients/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const value = current as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      originalError?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof value.code === 'string') {
      if (PRISMA_CODES.has(value.code) || POSTGRES_CODE.test(value.code)) return true;
    }
    if (typeof value.kind === 'string') {
      if (ADAPTER_KINDS.has(value.kind)) return true;
      if (value.kind === 'postgres' && POSTGRES_CODE.test(String(value.code))) return true;
    }
    if (typeof value.message === 'string' && MESSAGES.test(value.message)) return true;
    queue.push(value.cause, value.originalError, value.meta?.driverAdapterError);
  }
  return false;
}

export function serviceUnavailable(): AppError {
  return new AppError('SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE, {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}

/** For the context function: Apollo answers with the status and headers it carries. */
export function serviceUnavailableError(): GraphQLError {
  const appError = serviceUnavailable();
  return new GraphQLError(appError.message, {
    originalError: appError,
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/** A resolver hit the unavailable database: the whole response becomes 503 + Retry-After. */
export function databaseUnavailablePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  // One listener object for every request (no per-request closures).
  const listeners: GraphQLRequestListener<TContext> = {
    async didEncounterErrors({ errors, response }) {
      if (!errors.some((error) => isDatabaseUnavailable(unwrapResolverError(error)))) return;
      response.http.status = 503;
      response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
    },
  };
  return {
    async requestDidStart() {
      return listeners;
    },
  };
}
