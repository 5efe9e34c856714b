import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';

/** A client's own request id is kept when it is short and plain; anything else gets a new one. */
const CLIENT_REQUEST_ID = /^[\w.-]{1,100}$/;

/**
 * The request id of every response (`X-Request-Id`: the client's, when plain, or a new UUID)
 * and its access-log line when the response is finished. Used by the GraphQL listener and by
 * Express's first middleware alike.
 */
export function tagRequest(req: IncomingMessage, res: ServerResponse, log: Logger): string {
  const incoming = req.headers['x-request-id'];
  const requestId =
    typeof incoming === 'string' && CLIENT_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', requestId);
  // No timer and no listener when the access log is off (LOG_LEVEL above info).
  if (!log.isLevelEnabled('info')) return requestId;
  const started = process.hrtime.bigint();
  // Express's `originalUrl` is the URL as received, before any mount point strips it.
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url;
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log.info({ requestId, method: req.method, url, status: res.statusCode, ms }, 'request');
  });
  return requestId;
}
