import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { NEEDS_PRISMA, tryHotTransaction } from '../db/hot-transaction';
import type { Tx } from '../db/tx';
import { type CompletionOutcome } from '../learning/completion';
import { checkOwnedAttempt, loadLearnerAttempt, TX_OPTIONS } from './attempt-access';
import { type LearnerAttempt } from './attempt-views';
import { gradeAttempt } from './grade-attempt';
import { loadSubmission } from './sql';

/**
 * Submits and grades an attempt (once: a repeated or concurrent submission answers the same
 * result). Submitting after the deadline is allowed; answers saved after it do not count.
 *
 * Reads the attempt, its owner and what grading needs in one statement before the transaction
 * (hot-read path, no locks); the transaction (a hot-write one: raw SQL on a pg connection) then
 * locks, writes the grade if no answer was saved in between (else grades again from a read
 * under the lock), and checks completion (ARCHITECTURE.md, "Quiz submission reads before it
 * locks").
 */
export async function submitQuizAttempt(options: {
  db: Db;
  viewer: Viewer | null;
  attemptId: string;
  now?: Date;
}): Promise<LearnerAttempt & { completion: CompletionOutcome | null }> {
  const now = options.now ?? new Date();
  const submission = await checkOwnedAttempt(options.viewer, options.attemptId, (id) =>
    loadSubmission(options.db, id),
  );
  const attempt = submission.attempt;
  // The learner's view is read before COMMIT, on the transaction's connection: a burst of
  // submissions queues once for the pool, not twice.
  const grade = async (tx: Tx) => {
    const outcome = await gradeAttempt(tx, attempt.id, attempt.enrollmentId, now, submission);
    return { ...(await loadLearnerAttempt(tx, attempt.id, now)), completion: outcome.completion };
  };
  if (attempt.status === 'SUBMITTED') {
    return { ...(await loadLearnerAttempt(options.db, attempt.id, now)), completion: null };
  }
  // Raw SQL throughout (grading, completion, certificates, their email) runs on a pg
  // connection; a path that meets a model call is rolled back and run in Prisma's transaction.
  const hot = await tryHotTransaction(options.db, grade);
  return hot !== NEEDS_PRISMA ? hot : await options.db.$transaction(grade, TX_OPTIONS);
}
