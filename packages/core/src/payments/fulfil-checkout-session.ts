import { Prisma } from '@lms/db';
import type { CheckoutSessionDetails } from '@lms/payments';
import { recordAudit } from '../audit/record-audit';
import { isUuid } from '../db/ids';
import type { DbOrTx } from '../db/tx';
import { grantEnrollment } from '../learning/enroll-in-course';
import { queueFlaggedOrderAlert, queueReceipt } from '../mail/notifications';
import { lockPaymentIntent } from './order-view';

export interface PaymentOutcome {
  /** The order the event or session belongs to; null when it is not one of ours. */
  orderId: string | null;
  /** A short description, stored on the PaymentEvent. */
  outcome: string;
}

/** Outcome of a full refund that arrived before the payment it refunds was seen. */
export const REFUND_AWAITING_PAYMENT = 'refund recorded before its payment was seen';

const SETTLED = new Set(['PAID', 'REFUND_PENDING', 'REFUNDED', 'FLAGGED']);

/**
 * THE fulfilment of a paid Checkout Session, keyed by its id: called by the webhook
 * (checkout.session.completed / async_payment_succeeded) and by the success page, inside the
 * caller's transaction. Exactly once: the payment intent and the order row are locked, and an
 * order that is already settled is left as it is. The session's amounts must match the order
 * (currency; amount_subtotal = the price; 0 ≤ amount_total ≤ subtotal, the difference being a
 * promotion) or the order is FLAGGED for an admin and nobody is enrolled. A payment refunded
 * before it was seen ends REFUNDED without an enrolment. Otherwise the order becomes PAID and
 * grantEnrollment(source PURCHASE) runs in the same transaction.
 */
export async function fulfilCheckoutSession(
  tx: DbOrTx,
  options: { session: CheckoutSessionDetails; now?: Date },
): Promise<PaymentOutcome> {
  const { session } = options;
  const now = options.now ?? new Date();
  if (session.status !== 'complete') {
    return { orderId: session.orderId, outcome: `session ${session.status}: nothing to fulfil` };
  }
  const free = session.paymentStatus === 'no_payment_required' && session.amountTotal === 0;
  if (session.paymentStatus !== 'paid' && !free) {
    return { orderId: session.orderId, outcome: 'payment not settled yet (async payment)' };
  }
  const paymentIntentId = session.paymentIntentId;
  if (paymentIntentId) await lockPaymentIntent(tx, paymentIntentId);

  let order = await lockOrderForFulfilment(tx, { sessionId: session.id }, paymentIntentId);
  if (!order && session.orderId && isUuid(session.orderId)) {
    // The session was created but its id never reached the order (a crash in between).
    order = await lockOrderForFulfilment(tx, { id: session.orderId }, paymentIntentId);
  }
  if (!order) return { orderId: null, outcome: 'not an order of this LMS: ignored' };
  if (order.stripeCheckoutSessionId && order.stripeCheckoutSessionId !== session.id) {
    return { orderId: order.id, outcome: 'session does not belong to this order: ignored' };
  }
  if (SETTLED.has(order.status)) {
    return { orderId: order.id, outcome: `already ${order.status.toLowerCase()}` };
  }

  // PENDING, or EXPIRED / FAILED while the money was taken after all: settle it now.
  const subtotal = session.amountSubtotal;
  const total = session.amountTotal;
  const currency = session.currency?.toLowerCase() ?? null;
  const paid = {
    stripeCheckoutSessionId: session.id,
    stripePaymentIntentId: paymentIntentId,
    paidAt: now,
    // Only a plausible amount is stored (the column refuses negatives); an odd one is flagged.
    amountPaidCents: Number.isSafeInteger(total) && (total ?? -1) >= 0 ? total : null,
  };

  let mismatch: string | null = null;
  if (currency !== order.currency) {
    mismatch = `Currency ${currency ?? 'missing'} does not match the order's ${order.currency}.`;
  } else if (subtotal !== order.amountCents) {
    mismatch = `Amount before discounts ${subtotal ?? 'missing'} does not match the price ${order.amountCents}.`;
  } else if (total === null || !Number.isSafeInteger(total) || total < 0 || total > subtotal) {
    mismatch = `Amount paid ${total ?? 'missing'} is not between 0 and the price ${order.amountCents}.`;
  }
  if (mismatch) {
    await settle(tx, order.id, {
      ...paid,
      discountCents: 0,
      status: 'FLAGGED',
      flaggedReason: mismatch,
    });
    await recordAudit(tx, {
      actorId: null,
      action: 'order.flag',
      targetType: 'Order',
      targetId: order.id,
      details: { orderNumber: order.orderNumber, reason: mismatch },
    });
    await queueFlaggedOrderAlert(tx, {
      id: order.id,
      orderNumber: order.orderNumber,
      reason: mismatch,
    });
    return { orderId: order.id, outcome: 'flagged: amount or currency mismatch; not enrolled' };
  }
  const discountCents = (subtotal ?? 0) - (total ?? 0);

  if (order.refundedEarlier) {
    await settle(tx, order.id, {
      ...paid,
      discountCents,
      status: 'REFUNDED',
      refundedAt: now,
      refundReason: 'Refunded in Stripe before the payment was confirmed here.',
    });
    return { orderId: order.id, outcome: 'refunded before fulfilment: not enrolled' };
  }

  if (order.otherOrderNumber) {
    const reason = `Duplicate payment: order ${order.otherOrderNumber} already gives access to this course. Refund one of them.`;
    await settle(tx, order.id, {
      ...paid,
      discountCents,
      status: 'FLAGGED',
      flaggedReason: reason,
    });
    await queueFlaggedOrderAlert(tx, { id: order.id, orderNumber: order.orderNumber, reason });
    return { orderId: order.id, outcome: 'flagged: duplicate payment' };
  }

  await settle(tx, order.id, { ...paid, discountCents, status: 'PAID', fulfilledAt: now });
  await grantEnrollment(tx, {
    userId: order.userId,
    courseId: order.courseId,
    source: 'PURCHASE',
    now,
  });
  // The receipt (with its PDF) commits with the payment: a rolled-back fulfilment sends nothing.
  await queueReceipt(tx, order.id);
  return { orderId: order.id, outcome: 'paid: enrolled' };
}

interface LockedOrder {
  id: string;
  orderNumber: string;
  userId: string;
  courseId: string;
  status: string;
  amountCents: number;
  currency: string;
  stripeCheckoutSessionId: string | null;
  /** A full refund of this payment was recorded before the payment was seen. */
  refundedEarlier: boolean;
  /** Another purchase that already gives this learner access to the course. */
  otherOrderNumber: string | null;
}

/**
 * Locks the order (FOR UPDATE) and reads, in the same statement, what fulfilment decides on:
 * one round trip on the hot path of every payment webhook.
 */
async function lockOrderForFulfilment(
  tx: DbOrTx,
  where: { sessionId: string } | { id: string },
  paymentIntentId: string | null,
): Promise<LockedOrder | null> {
  const condition =
    'id' in where
      ? Prisma.sql`o."id" = ${where.id}::uuid`
      : Prisma.sql`o."stripeCheckoutSessionId" = ${where.sessionId}`;
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT o."id", o."orderNumber", o."userId", o."courseId", o."status"::text AS "status",
           o."amountCents", o."currency", o."stripeCheckoutSessionId",
           EXISTS (SELECT 1 FROM "PaymentEvent" e
                    WHERE e."type" = 'charge.refunded' AND e."paymentIntentId" = ${paymentIntentId}
                      AND e."processedAt" IS NOT NULL AND e."outcome" = ${REFUND_AWAITING_PAYMENT})
             AS "refundedEarlier",
           (SELECT p."orderNumber" FROM "Order" p
             WHERE p."userId" = o."userId" AND p."courseId" = o."courseId" AND p."id" <> o."id"
               AND p."status" IN ('PAID', 'REFUND_PENDING') AND p."fulfilledAt" IS NOT NULL
             LIMIT 1) AS "otherOrderNumber"
      FROM "Order" o WHERE ${condition} FOR UPDATE OF o`;
  return rows[0] ?? null;
}

/** One UPDATE of the settled columns (raw SQL: this runs on every payment webhook). */
async function settle(
  tx: DbOrTx,
  orderId: string,
  data: {
    status: 'PAID' | 'FLAGGED' | 'REFUNDED';
    stripeCheckoutSessionId: string;
    stripePaymentIntentId: string | null;
    paidAt: Date;
    amountPaidCents: number | null;
    discountCents: number;
    fulfilledAt?: Date;
    refundedAt?: Date;
    refundReason?: string;
    flaggedReason?: string;
  },
): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Order" SET
      "status" = ${data.status}::"OrderStatus",
      "stripeCheckoutSessionId" = ${data.stripeCheckoutSessionId},
      "stripePaymentIntentId" = ${data.stripePaymentIntentId},
      "paidAt" = ${data.paidAt},
      "amountPaidCents" = ${data.amountPaidCents},
      "discountCents" = ${data.discountCents},
      "fulfilledAt" = ${data.fulfilledAt ?? null},
      "refundedAt" = ${data.refundedAt ?? null},
      "refundReason" = ${data.refundReason ?? null},
      "flaggedReason" = ${data.flaggedReason ?? null},
      "updatedAt" = now()
    WHERE "id" = ${orderId}::uuid`;
}
