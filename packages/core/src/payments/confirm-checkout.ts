import type { Db } from '@lms/db';
import type { PaymentGateway } from '@lms/payments';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { prismaWriteTx } from '../db/hot-transaction';
import { AppError } from '../errors/app-error';
import { fulfilCheckoutSession } from './fulfil-checkout-session';
import { callProvider, requireGateway } from './gateway';
import { loadOrderView, type OrderView } from './order-view';

export interface CheckoutConfirmation {
  order: OrderView;
  /** True when the buyer now has an active enrolment in the course. */
  enrolled: boolean;
}

/**
 * The success page: the buyer's browser returns with the session id. The session is read from
 * the provider (never trusted from the browser) and handed to the one fulfilment use case, so
 * the enrolment shows at once even when the webhook has not arrived yet.
 */
export async function confirmCheckout(options: {
  db: Db;
  gateway: PaymentGateway | null;
  viewer: Viewer | null;
  sessionId: string;
}): Promise<CheckoutConfirmation> {
  const buyer = requireViewer(options.viewer);
  const sessionId = options.sessionId.trim();
  if (!/^cs_[A-Za-z0-9_]{1,250}$/.test(sessionId)) throw AppError.notFound('Order');
  const { db } = options;
  const order = await db.order.findUnique({
    where: { stripeCheckoutSessionId: sessionId },
    select: { id: true, userId: true, courseId: true, status: true },
  });
  if (!order || order.userId !== buyer.id) throw AppError.notFound('Order');
  if (order.status === 'PENDING' || order.status === 'EXPIRED' || order.status === 'FAILED') {
    const gateway = requireGateway(options.gateway);
    const session = await callProvider(() => gateway.retrieveCheckoutSession(sessionId));
    await db.$transaction((tx) => fulfilCheckoutSession(prismaWriteTx(tx), { session }));
  }
  const [view, enrollment] = await Promise.all([
    loadOrderView(db, order.id),
    db.enrollment.findFirst({
      where: { userId: buyer.id, courseId: order.courseId, supersededAt: null },
      select: { status: true },
    }),
  ]);
  return { order: view, enrolled: enrollment?.status === 'ACTIVE' };
}
