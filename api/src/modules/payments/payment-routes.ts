import { AppError, getReceiptPdf, getViewerByToken, handlePaymentEvent } from '@lms/core';
import type { Db } from '@lms/db';
import { toPaymentDomainEvent, WebhookSignatureError } from '@lms/payments';
import express, { type Router } from 'express';
import { bearerToken } from '../../context';
import { routeHandler, sendAttachment } from '../../http/downloads';
import type { Logger } from '../../logger';
import type { PaymentsRuntime } from '../../payments-runtime';

/**
 * Plain HTTP routes of payments:
 * - POST /webhooks/stripe: the raw body (never parsed JSON) is verified against the
 *   Stripe-Signature header (5-minute tolerance); bad or missing signature → 400 and nothing is
 *   written; the event is then recorded and processed at once (a few milliseconds) → 200; a
 *   processing failure → 500, so Stripe delivers it again. Odd amounts and events of the other
 *   Stripe mode (live vs test keys) are flagged and answered 200: retrying would not help.
 * - GET /receipts/:orderId.pdf: the receipt PDF, for the buyer or an admin (bearer token).
 */
export function paymentRoutes(options: { db: Db; log: Logger; payments: PaymentsRuntime }): Router {
  const { db, log, payments } = options;
  const router = express.Router();

  router.post(
    '/webhooks/stripe',
    express.raw({ type: 'application/json', limit: '1mb' }),
    async (req, res) => {
      const gateway = payments.gateway;
      if (!gateway) {
        res.status(503).json({ error: 'payments are not configured yet' });
        return;
      }
      let event: ReturnType<typeof gateway.constructWebhookEvent>;
      try {
        event = gateway.constructWebhookEvent(
          Buffer.isBuffer(req.body) ? req.body : (undefined as unknown as Buffer),
          req.headers['stripe-signature'],
        );
      } catch (error) {
        if (error instanceof WebhookSignatureError) {
          log.warn({ requestId: res.locals.requestId, reason: error.message }, 'webhook refused');
          res.status(400).json({ error: 'invalid signature' });
          return;
        }
        throw error;
      }
      try {
        // @lms/payments reads Stripe's wire format; core sees only the domain event.
        const result = await handlePaymentEvent({
          db,
          event: toPaymentDomainEvent(event),
          rawBody: (req.body as Buffer).toString('utf8'),
          livemode: gateway.livemode,
        });
        if (result.outcome.startsWith('flagged:') && !result.duplicate) {
          log.warn(
            { requestId: res.locals.requestId, eventId: event.id, outcome: result.outcome },
            'webhook event flagged for an admin',
          );
        }
        res
          .status(200)
          .json({ received: true, duplicate: result.duplicate, outcome: result.outcome });
      } catch (error) {
        log.error(
          { err: error, requestId: res.locals.requestId, eventId: event.id, type: event.type },
          'webhook processing failed; Stripe will retry',
        );
        res.status(500).json({ error: 'processing failed; retry later' });
      }
    },
  );

  router.get(
    '/receipts/:file',
    routeHandler(log, async (req, res) => {
      const viewer = await getViewerByToken({ db, token: bearerToken(req) });
      const file = String(req.params.file);
      if (!file.toLowerCase().endsWith('.pdf')) throw AppError.notFound('Order');
      const { fileName, pdf } = await getReceiptPdf({ db, viewer, orderId: file.slice(0, -4) });
      sendAttachment(res, fileName, 'application/pdf', pdf);
    }),
  );

  return router;
}
