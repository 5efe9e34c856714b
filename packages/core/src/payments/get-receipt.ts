import type { Db } from '@lms/db';
import { formatReceiptDate, type ReceiptInput, renderReceiptPdf } from '@lms/payments';
import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';
import { providerTimeZone } from '../time/provider-day';
import { getOrder } from './get-order';

export interface Receipt extends ReceiptInput {
  orderId: string;
  fileName: string;
}

const WITH_RECEIPT = new Set(['PAID', 'REFUND_PENDING', 'REFUNDED']);

/** The receipt of a paid (or since refunded) order: its buyer or an admin; others NOT_FOUND. */
export async function getReceipt(options: {
  db: Db;
  viewer: Viewer | null;
  orderId: string;
}): Promise<Receipt> {
  const order = await getOrder(options);
  if (!WITH_RECEIPT.has(order.status) || !order.paidAt || order.amountPaidCents === null) {
    throw new AppError('NOT_FOUND', 'This order has no receipt (it was not paid).');
  }
  // Dated in the buyer's zone (the provider's when they chose none), whoever downloads it.
  const timeZone = order.buyerTimeZone ?? providerTimeZone();
  const statusLine =
    order.status === 'REFUNDED' && order.refundedAt
      ? `Refunded on ${formatReceiptDate(order.refundedAt, timeZone)}`
      : order.status === 'REFUND_PENDING'
        ? 'Paid (refund in progress)'
        : 'Paid';
  return {
    orderId: order.id,
    fileName: `receipt-${order.orderNumber}.pdf`,
    orderNumber: order.orderNumber,
    paidAt: order.paidAt,
    timeZone,
    courseTitle: order.courseTitle,
    courseVersionLabel: `version ${order.versionNumber}`,
    subtotalCents: order.amountCents,
    discountCents: order.discountCents,
    totalCents: order.amountPaidCents,
    currency: order.currency,
    buyerName: order.buyerName,
    buyerEmail: order.buyerEmail,
    billToName: order.billToName,
    billToEmployer: order.billToEmployer,
    memberId: order.memberId,
    statusLine,
    paymentReference: order.stripePaymentIntentId,
  };
}

/** The receipt as PDF bytes. */
export async function getReceiptPdf(options: {
  db: Db;
  viewer: Viewer | null;
  orderId: string;
}): Promise<{ fileName: string; pdf: Buffer }> {
  const receipt = await getReceipt(options);
  return { fileName: receipt.fileName, pdf: await renderReceiptPdf(receipt) };
}
