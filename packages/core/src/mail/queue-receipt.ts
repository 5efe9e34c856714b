import type { SqlTx } from '@lms/db';
import { providerTimeZone } from '../time/provider-day';
import { type DbOrTx, type EnqueueResult, enqueueTransactionalEmail } from './outbox';
import { renderEmail } from './templates';

// A mail an event causes: queued in the event's own transaction (`tx`) with a dedupe key, so a
// retried webhook or a second caller never queues it twice.

/** What a receipt shows of its order (as `settleOrder` returns it). */
export interface ReceiptOrder {
  id: string;
  orderNumber: string;
  currency: string;
  amountPaidCents: number | null;
  amountCents: number;
  paidAt: Date | null;
  userId: string;
  email: string;
  name: string;
  timeZone: string | null;
  courseTitle: string;
}

/**
 * The receipt of a paid order, with its PDF (transactional: always sent). Given the order's id
 * it reads the order (Prisma); given the order as the settling statement returned it, see
 * `queueReceiptOf`.
 */
export async function queueReceipt(
  tx: DbOrTx,
  orderOrId: string | ReceiptOrder,
): Promise<EnqueueResult> {
  const order = typeof orderOrId === 'string' ? await readReceiptOrder(tx, orderOrId) : orderOrId;
  return queueReceiptOf(tx, order);
}

/** The receipt of an order as the settling statement returned it: one statement, raw SQL. */
export async function queueReceiptOf(tx: SqlTx, order: ReceiptOrder): Promise<EnqueueResult> {
  return enqueueTransactionalEmail(
    tx,
    renderEmail(
      'receipt',
      {
        to: order.email,
        name: order.name,
        userId: order.userId,
        orderId: order.id,
        orderNumber: order.orderNumber,
        courseTitle: order.courseTitle,
        totalCents: order.amountPaidCents ?? order.amountCents,
        currency: order.currency,
        paidAt: order.paidAt ?? new Date(),
        timeZone: order.timeZone ?? providerTimeZone(),
      },
      { dedupeKey: `receipt:${order.id}`, attachments: [{ type: 'receipt', orderId: order.id }] },
    ),
  );
}

async function readReceiptOrder(tx: DbOrTx, orderId: string): Promise<ReceiptOrder> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      orderNumber: true,
      currency: true,
      amountPaidCents: true,
      amountCents: true,
      paidAt: true,
      user: { select: { id: true, email: true, name: true, timeZone: true } },
      version: { select: { title: true } },
    },
  });
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    currency: order.currency,
    amountPaidCents: order.amountPaidCents,
    amountCents: order.amountCents,
    paidAt: order.paidAt,
    userId: order.user.id,
    email: order.user.email,
    name: order.user.name,
    timeZone: order.user.timeZone,
    courseTitle: order.version.title,
  };
}
