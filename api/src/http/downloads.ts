import { isAppError } from '@lms/core';
import type { Request, Response } from 'express';
import type { Logger } from '../logger';

/** HTTP status for each AppError code on the plain (non-GraphQL) routes. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Wraps a plain route handler that calls one core use case: an AppError becomes its HTTP status
 * with a JSON `{ error: { code, message, fieldErrors } }`; anything else is logged and masked.
 */
export function routeHandler(log: Logger, fn: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (error) {
      if (isAppError(error)) {
        res.status(STATUS[error.code] ?? 400).json({
          error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors },
        });
        return;
      }
      log.error({ err: error, requestId: res.locals.requestId, path: req.path }, 'route failed');
      res
        .status(500)
        .json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong.' } });
    }
  };
}

/** Sends a private file download (never cached, never sniffed). */
export function sendAttachment(
  res: Response,
  filename: string,
  contentType: string,
  body: Buffer | string,
) {
  res.setHeader('content-type', contentType);
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.send(body);
}
