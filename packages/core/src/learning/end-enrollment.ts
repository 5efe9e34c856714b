import { revokeEnrollmentCertificates } from '../certificates/revocation';
import type { DbOrTx } from '../db/tx';
import { currentEnrollmentWhere } from './enroll-in-course';

export interface EndEnrollmentOptions {
  userId: string;
  courseId: string;
  reason: string;
  now?: Date;
}

/**
 * Ends an enrolment for a reason (a refund, say): access stops; the history stays. Every live
 * certificate of the enrolment is revoked with the same reason (a refunded course earns no credit).
 */
export async function endEnrollment(tx: DbOrTx, options: EndEnrollmentOptions): Promise<boolean> {
  const now = options.now ?? new Date();
  const ended = await tx.enrollment.updateMany({
    where: {
      ...currentEnrollmentWhere(options.userId, options.courseId),
      status: { not: 'ENDED' },
    },
    data: { status: 'ENDED', endedAt: now, endedReason: options.reason },
  });
  const enrollment = await tx.enrollment.findFirst({
    where: currentEnrollmentWhere(options.userId, options.courseId),
    select: { id: true },
  });
  if (enrollment) {
    await revokeEnrollmentCertificates(tx, {
      enrollmentId: enrollment.id,
      reason: options.reason,
      now,
    });
  }
  return ended.count > 0;
}
