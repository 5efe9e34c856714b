import type { Db } from '@lms/db';
import { gradeAttempt } from './grade-attempt';

const TX_OPTIONS = { timeout: 15_000, maxWait: 15_000 };

export interface GradeExpiredAttemptOptions {
  db: Db;
  attemptId: string;
  now?: Date;
}

/**
 * Grades one open attempt whose deadline has passed, as of its deadline (the job the worker
 * runs at the deadline). Idempotent: an attempt already submitted, not yet expired, or gone is
 * left alone; two workers racing grade it once (gradeAttempt locks the enrolment and the row).
 * Returns whether this call graded it.
 */
export async function gradeExpiredAttempt(
  options: GradeExpiredAttemptOptions,
): Promise<{ graded: boolean }> {
  const now = options.now ?? new Date();
  const attempt = await options.db.quizAttempt.findUnique({
    where: { id: options.attemptId },
    select: { id: true, enrollmentId: true, status: true, deadlineAt: true },
  });
  if (attempt?.status !== 'IN_PROGRESS' || !attempt.deadlineAt) return { graded: false };
  if (attempt.deadlineAt > now) return { graded: false };
  const outcome = await options.db.$transaction(
    (tx) => gradeAttempt(tx, attempt.id, attempt.enrollmentId, now),
    TX_OPTIONS,
  );
  return { graded: outcome.graded };
}
