import { type DbOrTx, type EnqueueResult, enqueueEmail } from './outbox';
import { renderEmail } from './templates';

// A mail an event causes: queued in the event's own transaction (`tx`) with a dedupe key, so a
// retried webhook or a second caller never queues it twice.

/** Enrolment confirmation (a notification: the learner can turn it off). */
export async function queueEnrolmentConfirmation(
  tx: DbOrTx,
  enrollmentId: string,
): Promise<EnqueueResult> {
  const enrollment = await tx.enrollment.findUniqueOrThrow({
    where: { id: enrollmentId },
    select: {
      courseId: true,
      user: { select: { id: true, email: true, name: true } },
      version: { select: { title: true } },
    },
  });
  const { user } = enrollment;
  return enqueueEmail(
    tx,
    renderEmail(
      'enrolment-confirmation',
      {
        to: user.email,
        name: user.name,
        userId: user.id,
        courseTitle: enrollment.version.title,
        courseId: enrollment.courseId,
      },
      { dedupeKey: `enrolment:${enrollmentId}` },
    ),
  );
}
