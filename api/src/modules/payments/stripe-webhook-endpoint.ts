import type { IncomingMessage, ServerResponse } from 'node:http';
import { handlePaymentEvent } from '@lms/core';
import type { Db } from '@lms/db';
import { toPaymentDomainEvent, WebhookSignatureError } from '@lms/payments';
import express from 'express';
import type { RequestListener } from '../../http/graphql-handler';
import { tagRequest } from '../../http/request-tag';
import { writeJson, writeJsonError } from '../../http-errors';
import type { Logger } from '../../logger';
import type { PaymentsRuntime } from '../../payments-runtime';

/**
 * True for what Express's `router.post('/webhooks/stripe')` matched: a POST to that path in any
 * case, with an optional trailing slash and any query string.
 */
export function isStripeWebhookRequest(req: IncomingMessage): boolean {
  const url = req.url;
  if (req.method !== 'POST' || !url) return false;
  const question = url.indexOf('?');
  const path = question < 0 ? url : url.slice(0, question);
  return path.length <= 17 && /^\/webhooks\/stripe\/?$/i.test(path);
}

/** The raw body, at most 1 MB, when it is JSON (body-parser's own `raw`; else no body). */
const readRawJson = express.raw({ type: 'application/json', limit: '1mb' });

/**
 * POST /webhooks/stripe, a node:http request listener in front of Express (ARCHITECTURE.md,
 * "Stripe webhooks served in front of Express"):
 * - the request id and access log (`tagRequest`), then the raw body (never parsed JSON), which
 *   is verified against the Stripe-Signature header (5-minute tolerance); a bad or missing
 *   signature → 400 and nothing is written; a body over 1 MB → 413;
 * - the event is then recorded and processed at once (a few milliseconds) → 200; a processing
 *   failure → 500, so Stripe delivers it again. Odd amounts and events of the other Stripe mode
 *   (live vs test keys) are flagged and answered 200: retrying would not help.
 */
export function stripeWebhookEndpoint(options: {
  db: Db;
  log: Logger;
  payments: PaymentsRuntime;
}): RequestListener {
  const { db, log, payments } = options;

  async function answer(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const gateway = payments.gateway;
    if (!gateway) {
      writeJson(res, 503, { error: 'payments are not configured yet' });
      return;
    }
    const body = (req as { body?: unknown }).body;
    // No body unless it is JSON: an empty one fails the signature check.
    const rawBody = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    let event: ReturnType<typeof gateway.constructWebhookEvent>;
    try {
      event = gateway.constructWebhookEvent(rawBody, req.headers['stripe-signature']);
    } catch (error) {
      if (error instanceof WebhookSignatureError) {
        log.warn({ requestId, reason: error.message }, 'webhook refused');
        writeJson(res, 400, { error: 'invalid signature' });
        return;
      }
      throw error;
    }
    try {
      // @lms/payments reads Stripe's wire format; core sees only the domain event.
      const result = await handlePaymentEvent({
        db,
        event: toPaymentDomainEvent(event),
        rawBody: rawBody.toString('utf8'),
        livemode: gateway.livemode,
      });
      if (result.outcome.startsWith('flagged:') && !result.duplicate) {
        log.warn(
          { requestId, eventId: event.id, outcome: result.outcome },
          'webhook event flagged for an admin',
        );
      }
      writeJson(res, 200, { received: true, duplicate: result.duplicate, outcome: result.outcome });
    } catch (error) {
      log.error(
        { err: error, requestId, eventId: event.id, type: event.type },
        'webhook processing failed; Stripe will retry',
      );
      writeJson(res, 500, { error: 'processing failed; retry later' });
    }
  }

  return (req, res) => {
    const requestId = tagRequest(req, res, log);
    readRawJson(req as express.Request, res as express.Response, (bodyError?: unknown) => {
      if (bodyError) {
        writeJsonError(log, res, bodyError, requestId);
        return;
      }
      answer(req, res, requestId).catch((error: unknown) =>
        writeJsonError(log, res, error, requestId),
      );
    });
  };
}
