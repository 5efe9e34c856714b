import type { CheckoutSessionDetails } from '@lms/payments';
import { recordAudit } from '../audit/record-audit';
import { NEEDS_PRISMA, type PrismaWriteTx, type WriteTx } from '../db/hot-transaction';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { grantEnrollmentRow } from '../learning/sql';
import { queueFlaggedOrderAlert } from '../mail/queue-flagged-order-alert';
import { queueReceiptOf } from '../mail/queue-receipt';
import { lockOrderForFulfilment, settleOrder } from './sql';

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
 *
 * The paid path is raw SQL (`tx.sql`), so the webhook runs it hot; a flagged order writes an
 * audit entry and alerts the admins through Prisma (`tx.prisma`): on the hot path that branch
 * answers NEEDS_PRISMA before it writes, and `writeTransaction` runs it again in Prisma's.
 */
export async function fulfilCheckoutSession(
  tx: PrismaWriteTx,
  options: { session: CheckoutSessionDetails; now?: Date },
): Promise<PaymentOutcome>;
export async function fulfilCheckoutSession(
  tx: WriteTx,
  options: { session: CheckoutSessionDetails; now?: Date },
): Promise<PaymentOutcome | typeof NEEDS_PRISMA>;
export async function fulfilCheckoutSession(
  tx: WriteTx,
  options: { session: CheckoutSessionDetails; now?: Date },
): Promise<PaymentOutcome | typeof NEEDS_PRISMA> {
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
  // Locks the payment intent (when there is one), then the order, in one statement.
  let order = await lockOrderForFulfilment(
    tx.sql,
    { sessionId: session.id },
    {
      paymentIntentId,
      refundAwaitingPayment: REFUND_AWAITING_PAYMENT,
    },
  );
  if (!order && session.orderId && isUuid(session.orderId)) {
    // The session was created but its id never reached the order (a crash in between).
    order = await lockOrderForFulfilment(
      tx.sql,
      { id: session.orderId },
      {
        paymentIntentId,
        refundAwaitingPayment: REFUND_AWAITING_PAYMENT,
      },
    );
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
    if (!tx.prisma) return NEEDS_PRISMA;
    await settleOrder(tx.sql, order.id, {
      ...paid,
      discountCents: 0,
      status: 'FLAGGED',
      flaggedReason: mismatch,
    });
    await recordAudit(tx.prisma, {
      actorId: null,
      action: 'order.flag',
      targetType: 'Order',
      targetId: order.id,
      details: { orderNumber: order.orderNumber, reason: mismatch },
    });
    await queueFlaggedOrderAlert(tx.prisma, {
      id: order.id,
      orderNumber: order.orderNumber,
      reason: mismatch,
    });
    return { orderId: order.id, outcome: 'flagged: amount or currency mismatch; not enrolled' };
  }
  const discountCents = (subtotal ?? 0) - (total ?? 0);

  if (order.refundedEarlier) {
    await settleOrder(tx.sql, order.id, {
      ...paid,
      discountCents,
      status: 'REFUNDED',
      refundedAt: now,
      refundReason: 'Refunded in Stripe before the payment was confirmed here.',
    });
    return { orderId: order.id, outcome: 'refunded before fulfilment: not enrolled' };
  }

  if (order.otherOrderNumber) {
    if (!tx.prisma) return NEEDS_PRISMA;
    const reason = `Duplicate payment: order ${order.otherOrderNumber} already gives access to this course. Refund one of them.`;
    await settleOrder(tx.sql, order.id, {
      ...paid,
      discountCents,
      status: 'FLAGGED',
      flaggedReason: reason,
    });
    await queueFlaggedOrderAlert(tx.prisma, {
      id: order.id,
      orderNumber: order.orderNumber,
      reason,
    });
    return { orderId: order.id, outcome: 'flagged: duplicate payment' };
  }

  const settled = await settleOrder(tx.sql, order.id, {
    ...paid,
    discountCents,
    status: 'PAID',
    fulfilledAt: now,
  });
  // grantEnrollment's statement (its answer, the enrolment, is not needed here).
  const granted = await grantEnrollmentRow(tx.sql, {
    userId: order.userId,
    courseId: order.courseId,
    source: 'PURCHASE',
    now,
  });
  if (!granted.found) throw AppError.notFound('Course');
  // The receipt (with its PDF) commits with the payment: a rolled-back fulfilment sends nothing.
  await queueReceiptOf(tx.sql, settled);
  return { orderId: order.id, outcome: 'paid: enrolled' };
}
