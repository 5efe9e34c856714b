import type { IncomingMessage, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { type FormValue, parseStripeForm } from '../form-encoding';
import type { Charges } from './charges';
import type { CheckoutSessions } from './checkout-sessions';
import { authKey, header, readBody } from './http';
import { HttpError, randomId } from './stripe-params';
import type { ApiRequestRecord, EventRequest, FailureMode } from './types';
import type { Webhooks } from './webhooks';

interface IdempotentResult {
  fingerprint: string;
  status: number;
  body: string;
}

type ActiveFailure = Required<Pick<FailureMode, 'delayMs'>> & FailureMode & { left: number };

/**
 * Stripe's REST API under `/v1/`: test-mode keys only, form-encoded bodies, idempotency keys
 * (replayed answers, a different body refused), Stripe's error shape, and simulated outages.
 */
export class RestApi {
  readonly requests: ApiRequestRecord[] = [];
  private readonly idempotency = new Map<string, IdempotentResult>();
  private failure: ActiveFailure | null = null;

  constructor(
    private readonly sessions: CheckoutSessions,
    private readonly charges: Charges,
    private readonly webhooks: Webhooks,
    private readonly publicBaseUrl: () => string,
  ) {}

  setFailureMode(mode: FailureMode | null): void {
    if (!mode) {
      this.failure = null;
      return;
    }
    const status =
      mode.status ?? (mode.delayMs !== undefined && mode.delayMs > 0 ? undefined : 500);
    this.failure = {
      ...mode,
      status,
      delayMs: mode.delayMs ?? 0,
      left: mode.times ?? Number.POSITIVE_INFINITY,
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const requestId = `req_${randomId(14)}`;
    const apiVersion = header(req, 'stripe-version') ?? Stripe.API_VERSION;
    const idempotencyKey = req.method === 'POST' ? header(req, 'idempotency-key') : null;
    const send = (status: number, body: string, replayed = false) => {
      this.requests.push({
        method: req.method ?? 'GET',
        path,
        idempotencyKey,
        status,
        replayed,
        at: new Date(),
      });
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': requestId,
        'stripe-version': apiVersion,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
      res.end(body);
    };
    const sendError = (error: HttpError) =>
      send(error.status, errorBody(error, `${this.publicBaseUrl()}/logs/${requestId}`));

    const rawBody = await readBody(req);

    if (this.failure && this.failure.left > 0) {
      this.failure.left -= 1;
      const { delayMs, status } = this.failure;
      if (this.failure.left <= 0) this.failure = null;
      if (delayMs > 0) await this.webhooks.sleep(delayMs);
      if (res.destroyed || this.webhooks.isStopped) return;
      if (status !== undefined) {
        return sendError(
          new HttpError(status, 'api_error', 'The emulator is simulating a Stripe outage.'),
        );
      }
    }

    const key = authKey(req);
    if (!key) {
      return sendError(
        new HttpError(
          401,
          'invalid_request_error',
          'You did not provide an API key. Use a Bearer sk_test_... key.',
        ),
      );
    }
    if (!/^(sk|rk)_test_/.test(key)) {
      return sendError(
        new HttpError(
          401,
          'invalid_request_error',
          'Invalid API Key provided: the Stripe emulator only accepts test-mode keys (sk_test_...).',
        ),
      );
    }

    const fingerprint = `${req.method} ${path} ${rawBody}`;
    if (idempotencyKey) {
      const saved = this.idempotency.get(idempotencyKey);
      if (saved) {
        if (saved.fingerprint !== fingerprint) {
          return sendError(
            new HttpError(
              400,
              'idempotency_error',
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            ),
          );
        }
        return send(saved.status, saved.body, true);
      }
    }

    let status = 200;
    let body: string;
    try {
      const contentType = header(req, 'content-type') ?? '';
      if (rawBody && !contentType.startsWith('application/x-www-form-urlencoded')) {
        throw new HttpError(
          400,
          'invalid_request_error',
          'Request bodies must be application/x-www-form-urlencoded.',
        );
      }
      const params = parseStripeForm(rawBody);
      const request = { id: requestId, idempotency_key: idempotencyKey };
      body = JSON.stringify(this.route(req.method ?? 'GET', path, params, apiVersion, request));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      status = error.status;
      body = errorBody(error);
    }
    // Stripe saves the result (success or 4xx) of a request that started executing.
    if (idempotencyKey) this.idempotency.set(idempotencyKey, { fingerprint, status, body });
    send(status, body);
  }

  private route(
    method: string,
    path: string,
    params: Record<string, FormValue>,
    apiVersion: string,
    request: EventRequest,
  ): unknown {
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      return this.sessions.create(params, apiVersion);
    }
    let match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) {
      return this.sessions.find(decodeURIComponent(match[1] as string)).session;
    }
    match = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === 'POST' && match) {
      return this.sessions.expireOpen(decodeURIComponent(match[1] as string), request);
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return this.charges.refund(params, request);
    }
    throw new HttpError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${method}: ${path}). The Stripe emulator implements only what the LMS uses.`,
    );
  }
}

function errorBody(error: HttpError, requestLogUrl?: string): string {
  return JSON.stringify({
    error: {
      type: error.type,
      message: error.message,
      ...(error.extra.code ? { code: error.extra.code } : {}),
      ...(error.extra.param ? { param: error.extra.param } : {}),
      ...(requestLogUrl ? { request_log_url: requestLogUrl } : {}),
    },
  });
}
