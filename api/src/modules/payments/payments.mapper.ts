import type { OrderView } from '@lms/core';
import type { Order } from './payments.types';

const WITH_RECEIPT = new Set(['PAID', 'REFUND_PENDING', 'REFUNDED']);

export function toOrder(view: OrderView): Order {
  return {
    id: view.id,
    orderNumber: view.orderNumber,
    status: view.status,
    courseId: view.courseId,
    courseSlug: view.courseSlug,
    courseTitle: view.courseTitle,
    price: { amountCents: view.amountCents, currency: view.currency },
    amountPaid:
      view.amountPaidCents === null
        ? null
        : { amountCents: view.amountPaidCents, currency: view.currency },
    discount: { amountCents: view.discountCents, currency: view.currency },
    buyerName: view.buyerName,
    buyerEmail: view.buyerEmail,
    billToName: view.billToName,
    billToEmployer: view.billToEmployer,
    memberId: view.memberId,
    createdAt: view.createdAt,
    paidAt: view.paidAt,
    refundRequestedAt: view.refundRequestedAt,
    refundedAt: view.refundedAt,
    refundReason: view.refundReason,
    flaggedReason: view.flaggedReason,
    receiptPath:
      WITH_RECEIPT.has(view.status) && view.paidAt && view.amountPaidCents !== null
        ? `/receipts/${view.id}.pdf`
        : null,
  };
}
