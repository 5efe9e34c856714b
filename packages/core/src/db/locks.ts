import type { DbOrTx, SqlTx, Tx } from './tx';

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
export async function lockEnrollment(tx: SqlTx, enrollmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Enrollment" WHERE "id" = ${enrollmentId}::uuid FOR NO KEY UPDATE`;
}

/**
 * Serialises edits of one course (its draft, instructors, publication): a row lock on the
 * course, taken first (see the lock order above). The pool or a transaction: outside a
 * transaction the lock ends with the statement.
 */
export async function lockCourse(tx: DbOrTx, courseId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Course" WHERE "id" = ${courseId}::uuid FOR UPDATE`;
}

/**
 * Serialises what must happen once per learner at a time (confirming the certificate name,
 * issuing the certificates it held back, asking for a name correction): a row lock on the user.
 */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
}
