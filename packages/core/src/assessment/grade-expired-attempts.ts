import type { Db } from '@lms/db';
import { gradeExpiredAttempt } from './grade-expired-attempt';

export interface GradeExpiredAttemptsOptions {
  db: Db;
  now?: Date;
  limit?: number;
}

/**
 * The safety net behind the per-attempt job: grades every open attempt past its deadline (a
 * bounded batch per run), each as of its own deadline. Returns how many this call graded.
 */
export async function gradeExpiredAttempts(
  options: GradeExpiredAttemptsOptions,
): Promise<{ graded: number }> {
  const now = options.now ?? new Date();
  const expired = await options.db.quizAttempt.findMany({
    where: { status: 'IN_PROGRESS', deadlineAt: { lte: now } },
    orderBy: { deadlineAt: 'asc' },
    take: options.limit ?? 100,
    select: { id: true },
  });
  let graded = 0;
  for (const attempt of expired) {
    if ((await gradeExpiredAttempt({ db: options.db, attemptId: attempt.id, now })).graded)
      graded += 1;
  }
  return { graded };
}
