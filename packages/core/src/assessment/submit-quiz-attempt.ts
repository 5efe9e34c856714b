import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { type WriteTx, writeTransaction } from '../db/hot-transaction';
import { type CompletionOutcome } from '../learning/completion';
import { deferEmailJobs } from '../mail/outbox';
import { wakeEmailSender } from '../mail/wake-email-sender';
import { checkOwnedAttempt, loadLearnerAttempt, TX_OPTIONS } from './attempt-access';
import { type AttemptRecord, type LearnerAttempt, toLearnerAttempt } from './attempt-views';
import { gradeAttempt } from './grade-attempt';
import { type AttemptRecordRow, loadSubmission, type StoredGrade } from './sql';
import { throughSubmissionGate } from './submission-gate';

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
  // The moment of submission, before any wait at the gate.
  const now = options.now ?? new Date();
  // The certificate email of a completing pass commits without its send job; the job is added
  // after COMMIT (a job's NOTIFY inside the transaction would serialise the burst's commits:
  // ARCHITECTURE.md, "Receipt jobs added after the payment commits").
  const wakeAfterCommit: string[] = [];
  // At most one submission per pooled connection at a time (its read, transaction and view);
  // the others wait in arrival order (ARCHITECTURE.md, "Quiz submissions pass a per-process
  // gate").
  const submitted = await throughSubmissionGate(options.db, TX_OPTIONS.maxWait, () =>
    readAndGrade(options, now, wakeAfterCommit),
  );
  // Committed: a failed wake must not fail the submission; the worker's outbox sweep sends it.
  await wakeEmailSender(options.db, wakeAfterCommit).catch(() => undefined);
  return submitted;
}

async function readAndGrade(
  options: { db: Db; viewer: Viewer | null; attemptId: string },
  now: Date,
  wakeAfterCommit: string[],
): Promise<LearnerAttempt & { completion: CompletionOutcome | null }> {
  const submission = await checkOwnedAttempt(options.viewer, options.attemptId, (id) =>
    loadSubmission(options.db, id),
  );
  const attempt = submission.attempt;
  // The learner's view after grading: the record read before the transaction with the grade as
  // stored, when it was graded from that read; otherwise (a save came in between) read before
  // COMMIT, on the transaction's connection, so a burst queues once for the pool, not twice.
  const grade = async ({ sql }: WriteTx) => {
    wakeAfterCommit.length = 0;
    deferEmailJobs(sql, wakeAfterCommit);
    const outcome = await gradeAttempt(sql, attempt.id, attempt.enrollmentId, now, submission);
    const view = outcome.storedFromPrepared
      ? gradedView(submission.record, outcome.storedFromPrepared, now)
      : await loadLearnerAttempt(sql, attempt.id, now);
    return { ...view, completion: outcome.completion };
  };
  if (attempt.status === 'SUBMITTED') {
    // Already submitted when read: the view as read (what loadLearnerAttempt would read again).
    return { ...toLearnerAttempt(submission.record, now, submission.record), completion: null };
  }
  // Raw SQL throughout (grading, completion, certificates, their email: each takes `SqlTx`, so
  // no path needs Prisma) on a pg connection of the pool.
  return writeTransaction(options.db, grade);
}

/**
 * The learner's view of an attempt just graded: the record read before the transaction (the
 * answers unchanged since: their fingerprint matched under the lock; the questions and the
 * attempt's other columns are not changed by grading) with the grade as PostgreSQL stored it
 * and the enrolment's history of the quiz read under its lock. loadLearnerAttempt after the
 * grade reads the same (submit-quiz-attempt.test.ts compares the two).
 */
export function gradedView(
  record: AttemptRecordRow,
  stored: StoredGrade,
  now: Date,
): LearnerAttempt {
  const marks = new Map(stored.answers.map((mark) => [mark.id, mark]));
  const graded: AttemptRecord = {
    ...record,
    status: 'SUBMITTED',
    submittedAt: stored.submittedAt,
    scorePoints: stored.scorePoints,
    maxPoints: stored.maxPoints,
    scorePercent: stored.scorePercent,
    passed: stored.passed,
    answers: record.answers.map(({ id, ...answer }) => {
      const mark = marks.get(id);
      return mark ? { ...answer, points: mark.points, correct: mark.correct } : answer;
    }),
  };
  return toLearnerAttempt(graded, now, {
    submittedAttempts: stored.otherSubmitted + 1,
    passedAny: stored.otherPassed || stored.passed,
  });
}
