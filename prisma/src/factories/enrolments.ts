import type { EnrollmentSource, EnrollmentStatus, OrderStatus, Prisma } from '../generated/client';

type Client = Prisma.TransactionClient;

async function latestVersionId(db: Client, courseId: string): Promise<string> {
  const course = await db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { latestPublishedVersionId: true, draftVersionId: true },
  });
  const versionId = course.latestPublishedVersionId ?? course.draftVersionId;
  if (!versionId) throw new Error(`course ${courseId} has no version to enrol in`);
  return versionId;
}

export interface EnrollmentSpec {
  userId: string;
  courseId: string;
  /** Default: the course's latest published version. */
  versionId?: string;
  /** Default GRANT (as an administrator grants a course). */
  source?: EnrollmentSource;
  status?: EnrollmentStatus;
}

/** Enrols a user straight in the database (no order, no checks): the row a grant makes. */
export async function createEnrollment(db: Client, spec: EnrollmentSpec) {
  return db.enrollment.create({
    data: {
      userId: spec.userId,
      courseId: spec.courseId,
      versionId: spec.versionId ?? (await latestVersionId(db, spec.courseId)),
      source: spec.source ?? 'GRANT',
      status: spec.status,
    },
  });
}

export interface OrderSpec {
  userId: string;
  courseId: string;
  /** Default: the course's latest published version. */
  versionId?: string;
  /** Default 0. */
  amountCents?: number;
  /** Default PAID (paid now). */
  status?: OrderStatus;
  memberId?: string;
  /** The Checkout Session the order was sent to (fulfilment finds the order by it). */
  stripeCheckoutSessionId?: string;
  billToName?: string;
  billToEmployer?: string;
}

/** An order straight in the database, without a Stripe session (a receipt's bill-to, a report). */
export async function createOrder(db: Client, spec: OrderSpec) {
  const status = spec.status ?? 'PAID';
  return db.order.create({
    data: {
      userId: spec.userId,
      courseId: spec.courseId,
      versionId: spec.versionId ?? (await latestVersionId(db, spec.courseId)),
      amountCents: spec.amountCents ?? 0,
      currency: 'usd',
      status,
      memberId: spec.memberId,
      stripeCheckoutSessionId: spec.stripeCheckoutSessionId,
      billToName: spec.billToName,
      billToEmployer: spec.billToEmployer,
      paidAt: ['PAID', 'REFUND_PENDING', 'REFUNDED'].includes(status) ? new Date() : null,
    },
  });
}
