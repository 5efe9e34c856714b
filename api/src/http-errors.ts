import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MASKED_MESSAGE } from './errors';
import type { Logger } from './logger';

/**
 * JSON answers for what goes wrong before a route or GraphQL sees the request (a body that is
 * not JSON or too large, a malformed URL, no such path). Express's own handler would answer an
 * HTML page with the stack trace and install paths outside production.
 */

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
}

function describe(error: unknown): { status: number; code: string; message: string } {
  const { status: raw, statusCode, type } = (error ?? {}) as HttpError;
  const status = Number(raw ?? statusCode);
  if (type === 'entity.parse.failed') {
    return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' };
  }
  if (type === 'entity.too.large') {
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is too large (at most 1 MB).',
    };
  }
  if (status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', message: 'The request could not be read.' };
  }
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: MASKED_MESSAGE };
}

function logIfUnexpected(log: Logger, error: unknown, status: number, requestId: unknown) {
  if (status >= 500) log.error({ err: error, requestId }, 'unhandled error in HTTP middleware');
}

/** A JSON answer of a node:http listener (what Express's `res.status(status).json` sends). */
export function writeJson(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(value));
}

type ErrorBody = (error: { code: string; message: string; requestId: string }) => unknown;

/** A node:http listener's error answer. One already under way cannot be: its connection is cut. */
function writeError(
  log: Logger,
  res: ServerResponse,
  error: unknown,
  requestId: string,
  body: ErrorBody,
): void {
  if (res.headersSent) {
    log.error({ err: error, requestId }, 'error after the response began');
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  const { status, code, message } = describe(error);
  logIfUnexpected(log, error, status, requestId);
  writeJson(res, status, body({ code, message, requestId }));
}

const graphqlShape: ErrorBody = ({ code, message, requestId }) => ({
  errors: [{ message, extensions: { code, requestId } }],
});

/** For /graphql: the GraphQL response shape, so GraphQL clients read it like any error. */
export function writeGraphqlError(
  log: Logger,
  res: ServerResponse,
  error: unknown,
  requestId: string,
): void {
  writeError(log, res, error, requestId, graphqlShape);
}

/** For the other node:http listeners (/webhooks/stripe): the shape of `jsonErrors`. */
export function writeJsonError(
  log: Logger,
  res: ServerResponse,
  error: unknown,
  requestId: string,
): void {
  writeError(log, res, error, requestId, (error) => ({ error }));
}

/** Every other path: `{ error: { code, message, requestId } }`. */
export function jsonErrors(log: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, code, message } = describe(error);
    const requestId = res.locals.requestId;
    logIfUnexpected(log, error, status, requestId);
    res.status(status).json({ error: { code, message, requestId } });
  };
}

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({
    error: { code: 'NOT_FOUND', message: 'No such path.', requestId: res.locals.requestId },
  });
};
