import { AppError, getReceiptPdf, getViewerByToken } from '@lms/core';
import type { Db } from '@lms/db';
import express, { type Router } from 'express';
import { bearerToken } from '../../context';
import { routeHandler, sendAttachment } from '../../http/downloads';
import type { Logger } from '../../logger';

/**
 * Plain HTTP routes of payments (POST /webhooks/stripe is served in front of Express:
 * `stripeWebhookEndpoint`):
 * - GET /receipts/:orderId.pdf: the receipt PDF, for the buyer or an admin (bearer token).
 */
export function paymentRoutes(options: { db: Db; log: Logger }): Router {
  const { db, log } = options;
  const router = express.Router();

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
