import type { OrderStatus, Prisma } from '@lms/db';
import type { DbOrTx } from '../db/tx';

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
