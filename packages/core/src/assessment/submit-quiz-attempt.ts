import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { type CompletionOutcome } from '../learning/completion';
import { loadLearnerAttempt, ownAttempt, TX_OPTIONS } from './attempt-access';
import { type LearnerAttempt } from './attempt-views';
import { gradeAttempt } from './grade-attempt';

/**
 * Submits and grades an attempt (once: a repeated or concurrent submission answers the same
 * result). Submitting after the deadline is allowed; answers saved after it do not count.
 */
export async function submitQuizAttempt(options: {
  db: Db;
  viewer: Viewer | null;
  attemptId: string;
  now?: Date;
}): Promise<LearnerAttempt & { completion: CompletionOutcome | null }> {
  const now = options.now ?? new Date();
  const attempt = await ownAttempt(options.db, options.viewer, options.attemptId, { active: true });
  const outcome = await options.db.$transaction(
    (tx) => gradeAttempt(tx, attempt.id, attempt.enrollmentId, now),
    TX_OPTIONS,
  );
  return {
    ...(await loadLearnerAttempt(options.db, attempt.id, now)),
    completion: outcome.completion,
  };
}
