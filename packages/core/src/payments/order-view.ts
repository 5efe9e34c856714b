import type { OrderStatus, Prisma } from '@lms/db';
import {
  type PaymentGateway,
  PaymentProviderUnavailableError,
  PaymentRequestError,
} from '@lms/payments';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';

/** An order as the learner (their own) and admins see it. Money is integer cents. */
export interface OrderView {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  userId: string;
  buyerName: string;
  buyerEmail: string;
  /** The buyer's IANA time zone (null: not set); receipts are dated in it. */
  buyerTimeZone: string | null;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  versionId: string;
  versionNumber: number;
  amountCents: number;
  currency: string;
  amountPaidCents: number | null;
  discountCents: number;
  billToName: string | null;
  billToEmployer: string | null;
  memberId: string | null;
  createdAt: Date;
  paidAt: Date | null;
  fulfilledAt: Date | null;
  refundRequestedAt: Date | null;
  refundedAt: Date | null;
  refundReason: string | null;
  flaggedReason: string | null;
  stripeCheckoutSessionId: string | null;
  stripePaymentIntentId: string | null;
}

export const orderViewSelect = {
  id: true,
  orderNumber: true,
  status: true,
  userId: true,
  courseId: true,
  versionId: true,
  amountCents: true,
  currency: true,
  amountPaidCents: true,
  discountCents: true,
  billToName: true,
  billToEmployer: true,
  memberId: true,
  createdAt: true,
  paidAt: true,
  fulfilledAt: true,
  refundRequestedAt: true,
  refundedAt: true,
  refundReason: true,
  flaggedReason: true,
  stripeCheckoutSessionId: true,
  stripePaymentIntentId: true,
  user: { select: { name: true, email: true, timeZone: true } },
  course: { select: { slug: true } },
  version: { select: { title: true, number: true } },
} as const satisfies Prisma.OrderSelect;

type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderViewSelect }>;

export function toOrderView(row: OrderRow): OrderView {
  const { user, course, version, ...order } = row;
  return {
    ...order,
    buyerName: user.name,
    buyerEmail: user.email,
    buyerTimeZone: user.timeZone,
    courseSlug: course.slug,
    courseTitle: version.title,
    versionNumber: version.number,
  };
}

export async function loadOrderView(tx: DbOrTx, id: string): Promise<OrderView> {
  return toOrderView(await tx.order.findUniqueOrThrow({ where: { id }, select: orderViewSelect }));
}

/** The payment port, or "try again" when the process has none configured (yet). */
export function requireGateway(gateway: PaymentGateway | null | undefined): PaymentGateway {
  if (!gateway) throw paymentsUnavailable();
  return gateway;
}

export function paymentsUnavailable(cause?: unknown): AppError {
  const error = new AppError(
    'SERVICE_UNAVAILABLE',
    'The payment service is not reachable right now. Nothing was charged. Please try again in a minute.',
  );
  if (cause) (error as Error).cause = cause;
  return error;
}

/**
 * Runs one payment-provider call: an outage (5xx, 429, timeout, refused connection) becomes the
 * "try again" AppError; other provider refusals stay as they are for the caller to map.
 */
export async function callProvider<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) throw paymentsUnavailable(error);
    throw error;
  }
}

export { PaymentRequestError };
