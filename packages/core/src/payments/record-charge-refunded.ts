import { recordAudit } from '../audit/record-audit';
import type { DbOrTx } from '../db/tx';
import { endEnrollment } from '../learning/end-enrollment';
import { type PaymentOutcome, REFUND_AWAITING_PAYMENT } from './fulfil-checkout-session';
import { lockOrder, lockPaymentIntent } from './sql';

/**
 * Stripe confirms a refund (`charge.refunded`). A full refund ends the order REFUNDED and, if
 * this purchase granted the enrolment (and no other paid order does), ends that enrolment with
 * the reason "refunded" through endEnrollment (which also revokes what the enrolment earned).
 * A refund of a payment not seen yet is recorded (by the caller's PaymentEvent row) so that the
 * later fulfilment refuses to enrol. Partial refunds change nothing here.
 */
export async function recordChargeRefunded(
  tx: DbOrTx,
  options: { paymentIntentId: string | null; fullyRefunded: boolean; now?: Date },
): Promise<PaymentOutcome> {
  const now = options.now ?? new Date();
  const { paymentIntentId } = options;
  if (!paymentIntentId)
    return { orderId: null, outcome: 'refund without a payment intent: ignored' };
  await lockPaymentIntent(tx, paymentIntentId);
  const locked = await lockOrder(tx, { paymentIntentId });
  if (!locked) {
    return {
      orderId: null,
      outcome: options.fullyRefunded
        ? REFUND_AWAITING_PAYMENT
        : 'partial refund of an unknown payment: ignored',
    };
  }
  const order = await tx.order.findUniqueOrThrow({
    where: { id: locked.id },
    select: {
      id: true,
      orderNumber: true,
      userId: true,
      courseId: true,
      status: true,
      fulfilledAt: true,
      refundReason: true,
      refundRequestedById: true,
    },
  });
  if (!options.fullyRefunded) {
    return { orderId: order.id, outcome: 'partial refund: access kept' };
  }
  if (order.status === 'REFUNDED') return { orderId: order.id, outcome: 'already refunded' };

  let enrollmentEnded = false;
  if (order.fulfilledAt && (order.status === 'PAID' || order.status === 'REFUND_PENDING')) {
    const otherPurchase = await tx.order.findFirst({
      where: {
        userId: order.userId,
        courseId: order.courseId,
        id: { not: order.id },
        status: { in: ['PAID', 'REFUND_PENDING'] },
        fulfilledAt: { not: null },
      },
      select: { id: true },
    });
    if (!otherPurchase) {
      enrollmentEnded = await endEnrollment(tx, {
        userId: order.userId,
        courseId: order.courseId,
        reason: 'refunded',
        now,
      });
    }
  }
  await tx.order.update({
    where: { id: order.id },
    data: {
      status: 'REFUNDED',
      refundedAt: now,
      refundReason: order.refundReason ?? 'Refunded in Stripe.',
    },
  });
  await recordAudit(tx, {
    actorId: order.refundRequestedById,
    action: 'order.refund.complete',
    targetType: 'Order',
    targetId: order.id,
    details: { orderNumber: order.orderNumber, enrollmentEnded },
  });
  return {
    orderId: order.id,
    outcome: enrollmentEnded ? 'refunded: enrolment ended' : 'refunded',
  };
}
