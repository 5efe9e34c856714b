import { providerTimeZone } from '../time/provider-day';
import { type DbOrTx, type EnqueueResult, enqueueEmail } from './outbox';
import { renderEmail } from './templates';

// A mail an event causes: queued in the event's own transaction (`tx`) with a dedupe key, so a
// retried webhook or a second caller never queues it twice.

/** The receipt of a paid order, with its PDF (transactional: always sent). */
export async function queueReceipt(tx: DbOrTx, orderId: string): Promise<EnqueueResult> {
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
  return enqueueEmail(
    tx,
    renderEmail(
      'receipt',
      {
        to: order.user.email,
        name: order.user.name,
        userId: order.user.id,
        orderId: order.id,
        orderNumber: order.orderNumber,
        courseTitle: order.version.title,
        totalCents: order.amountPaidCents ?? order.amountCents,
        currency: order.currency,
        paidAt: order.paidAt ?? new Date(),
        timeZone: order.user.timeZone ?? providerTimeZone(),
      },
      { dedupeKey: `receipt:${order.id}`, attachments: [{ type: 'receipt', orderId: order.id }] },
    ),
  );
}
