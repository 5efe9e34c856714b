import type { Tx } from './tx';

/**
 * Serialises the work that must happen once per enrolment (grading an attempt, evaluating
 * completion, issuing its certificates) by locking the enrolment row.
 *
 * NO KEY UPDATE, not UPDATE: it serialises these callers all the same, but does not conflict
 * with the KEY SHARE locks that inserts referencing the enrolment (lesson progress, attempts)
 * take; FOR UPDATE deadlocked two lessons completed at once.
 *
 * Lock order, everywhere: the course (authoring) before the enrolment, the enrolment before an
 * attempt, an order before its enrolment.
 */
export async function lockEnrollment(tx: Tx, enrollmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Enrollment" WHERE "id" = ${enrollmentId}::uuid FOR NO KEY UPDATE`;
}
