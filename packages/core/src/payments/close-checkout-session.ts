import type { CheckoutSessionDetails } from '@lms/payments';
import type { DbOrTx } from '../db/tx';
import type { PaymentOutcome } from './fulfil-checkout-session';
import { lockOrder } from './sql';

/**
 * A checkout that ended without payment: `checkout.session.expired` (EXPIRED) or
 * `checkout.session.async_payment_failed` (FAILED). Only a PENDING order changes; a paid or
 * refunded one is never moved back.
 */
export async function closeCheckoutSession(
  tx: DbOrTx,
  options: { session: CheckoutSessionDetails; status: 'EXPIRED' | 'FAILED'; now?: Date },
): Promise<PaymentOutcome> {
  const locked = await lockOrder(tx, { sessionId: options.session.id });
  if (!locked) return { orderId: null, outcome: 'not an order of this LMS: ignored' };
  const changed = await tx.order.updateMany({
    where: { id: locked.id, status: 'PENDING' },
    data:
      options.status === 'FAILED'
        ? { status: 'FAILED', failedAt: options.now ?? new Date() }
        : { status: 'EXPIRED' },
  });
  return {
    orderId: locked.id,
    outcome: changed.count ? options.status.toLowerCase() : 'order already settled: unchanged',
  };
}
