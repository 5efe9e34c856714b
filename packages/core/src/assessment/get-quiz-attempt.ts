import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { loadLearnerAttempt, ownAttempt, TX_OPTIONS } from './attempt-access';
import { type LearnerAttempt } from './attempt-views';
import { gradeAttempt } from './grade-attempt';

/** One of the viewer's attempts; an open one past its deadline is submitted first. */
export async function getQuizAttempt(options: {
  db: Db;
  viewer: Viewer | null;
  attemptId: string;
  now?: Date;
}): Promise<LearnerAttempt> {
  const now = options.now ?? new Date();
  const attempt = await ownAttempt(options.db, options.viewer, options.attemptId);
  if (attempt.status === 'IN_PROGRESS' && attempt.deadlineAt && attempt.deadlineAt <= now) {
    await options.db.$transaction(
      (tx) => gradeAttempt(tx, attempt.id, attempt.enrollmentId, now),
      TX_OPTIONS,
    );
  }
  return loadLearnerAttempt(options.db, attempt.id, now);
}
