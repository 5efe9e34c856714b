import { type DbOrTx, enqueueEmail } from './outbox';
import { renderEmail } from './templates';

// A mail an event causes: queued in the event's own transaction (`tx`) with a dedupe key, so a
// retried webhook or a second caller never queues it twice.

/** Every admin hears of a flagged order (a notification each admin can turn off). */
export async function queueFlaggedOrderAlert(
  tx: DbOrTx,
  order: { id: string; orderNumber: string; reason: string },
): Promise<number> {
  const admins = await tx.user.findMany({
    where: { role: 'ADMIN' },
    select: { id: true, email: true, name: true },
  });
  let queued = 0;
  for (const admin of admins) {
    const result = await enqueueEmail(
      tx,
      renderEmail(
        'order-flagged',
        {
          to: admin.email,
          name: admin.name,
          userId: admin.id,
          orderNumber: order.orderNumber,
          reason: order.reason,
        },
        { dedupeKey: `order-flagged:${order.id}:${admin.id}` },
      ),
    );
    if (result.queued) queued++;
  }
  return queued;
}
