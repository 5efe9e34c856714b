import type { Db } from '@lms/db';
import { type PaymentGateway, PaymentRequestError } from '@lms/payments';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { endEnrollment } from '../learning/end-enrollment';
import { callProvider, requireGateway } from './gateway';
import { loadOrderView, type OrderView } from './order-view';
import { lockOrder } from './sql';

const refundSchema = z.object({
  orderId: z.uuid({ error: 'Unknown order.' }),
  reason: z
    .string()
    .trim()
    .min(3, 'Give a reason (at least 3 characters).')
    .max(500, 'The reason is at most 500 characters.'),
});

/**
 * An admin refunds an order in full, with a reason. The refund is asked of Stripe with an
 * idempotency key per order (a retried click never refunds twice); the order is REFUND_PENDING
 * until Stripe confirms with `charge.refunded`, which ends the enrolment (recordChargeRefunded).
 * A Stripe outage answers "try again" and writes nothing.
 */
export async function refundOrder(options: {
  db: Db;
  gateway: PaymentGateway | null;
  viewer: Viewer | null;
  orderId: string;
  reason: string;
  now?: Date;
}): Promise<OrderView> {
  const admin = requireAdmin(options.viewer);
  const { orderId, reason } = parseInput(refundSchema, {
    orderId: options.orderId,
    reason: options.reason,
  });
  const { db } = options;
  const now = options.now ?? new Date();
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      orderNumber: true,
      status: true,
      stripePaymentIntentId: true,
      fulfilledAt: true,
      userId: true,
      courseId: true,
    },
  });
  if (!order) throw AppError.notFound('Order');
  if (order.status === 'REFUNDED')
    throw new AppError('CONFLICT', 'This order is already refunded.');
  if (!['PAID', 'FLAGGED', 'REFUND_PENDING'].includes(order.status)) {
    throw new AppError('CONFLICT', 'Only paid or flagged orders can be refunded.');
  }

  if (!order.stripePaymentIntentId) {
    if (order.status === 'FLAGGED') {
      throw new AppError('CONFLICT', 'No payment was taken for this order: nothing to refund.');
    }
    // Paid in full by a promotion code: nothing to return at Stripe; end the access now.
    await db.$transaction(async (tx) => {
      await lockOrder(tx, { id: order.id });
      const ended = order.fulfilledAt
        ? await endEnrollment(tx, {
            userId: order.userId,
            courseId: order.courseId,
            reason: 'refunded',
            now,
          })
        : false;
      await tx.order.update({
        where: { id: order.id },
        data: {
          status: 'REFUNDED',
          refundReason: reason,
          refundRequestedAt: now,
          refundRequestedById: admin.id,
          refundedAt: now,
        },
      });
      await recordAudit(tx, {
        actorId: admin.id,
        action: 'order.refund.complete',
        targetType: 'Order',
        targetId: order.id,
        details: { orderNumber: order.orderNumber, reason, enrollmentEnded: ended },
      });
    });
    return loadOrderView(db, order.id);
  }

  const gateway = requireGateway(options.gateway);
  const paymentIntentId = order.stripePaymentIntentId;
  let refund: { id: string; status: string } | null = null;
  try {
    refund = await callProvider(() =>
      gateway.refundPayment({
        paymentIntentId,
        reason: 'requested_by_customer',
        idempotencyKey: `refund:${order.id}`,
      }),
    );
  } catch (error) {
    // Refunded in the Stripe dashboard already: charge.refunded settles the order.
    if (!(error instanceof PaymentRequestError && error.code === 'charge_already_refunded')) {
      throw error;
    }
  }

  await db.$transaction(async (tx) => {
    await lockOrder(tx, { id: order.id });
    await tx.order.updateMany({
      where: { id: order.id, status: { in: ['PAID', 'FLAGGED'] } },
      data: { status: 'REFUND_PENDING' },
    });
    await tx.order.update({
      where: { id: order.id },
      data: { refundReason: reason, refundRequestedAt: now, refundRequestedById: admin.id },
    });
    await recordAudit(tx, {
      actorId: admin.id,
      action: 'order.refund.request',
      targetType: 'Order',
      targetId: order.id,
      details: {
        orderNumber: order.orderNumber,
        reason,
        refundId: refund?.id ?? null,
        providerStatus: refund?.status ?? 'already refunded',
      },
    });
  });
  return loadOrderView(db, order.id);
}
