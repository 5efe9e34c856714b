import type { Db } from '@lms/db';
import type { SqlTx } from '../db/tx';
import { type CompletionOutcome, evaluateCompletion } from '../learning/completion';
import { TX_OPTIONS } from './attempt-access';
import { asResponse } from './attempt-views';
import { percentOf, scoreAnswer } from './scoring';
import {
  type GradingInput,
  loadGradingInput,
  lockAttemptForGrading,
  recordAttemptGrade,
  type StoredGrade,
} from './sql';

export interface GradeOutcome {
  /** This call graded the attempt (false: it was already submitted). */
  graded: boolean;
  completion: CompletionOutcome | null;
  /**
   * The grade as stored, when it was computed from the prepared input (the answers unchanged
   * since the read before the transaction); null otherwise.
   */
  storedFromPrepared: StoredGrade | null;
}

/** What a submission read before its transaction (loadSubmission): graded if still current. */
export interface PreparedGrading {
  input: GradingInput;
  fingerprint: string;
}

/** Scores an attempt's counted answers (pure: the same input gives the same grade). */
function computeGrade(attempt: GradingInput, now: Date) {
  const byId = new Map(attempt.questions.map((question) => [question.id, question]));
  const maxPoints = attempt.questionIds.reduce((sum, id) => sum + (byId.get(id)?.points ?? 0), 0);
  const answerIds: string[] = [];
  const answerPoints: number[] = [];
  const answerCorrect: boolean[] = [];
  let total = 0;
  // Answers saved after the deadline are not loaded: they do not count.
  for (const answer of attempt.answers) {
    const question = byId.get(answer.questionId);
    if (!question) continue;
    const score = scoreAnswer(question, asResponse(answer.response));
    answerIds.push(answer.id);
    answerPoints.push(score.points);
    answerCorrect.push(score.correct);
    total += score.points;
  }
  // A timed-out attempt counts as submitted at its deadline, whenever it is graded (the job
  // at the deadline, the learner's next visit, or a late submit): the completion, program
  // date, approval check and cycle follow the deadline, not the moment of grading.
  const deadline = attempt.deadlineAt;
  const gradedAt = deadline && deadline < now ? deadline : now;
  const scorePoints = Math.round(total * 1000) / 1000;
  const scorePercent = percentOf(scorePoints, maxPoints);
  const passed = scorePercent >= attempt.quiz.passPercent;
  return {
    answerIds,
    answerPoints,
    answerCorrect,
    submittedAt: gradedAt,
    scorePoints,
    maxPoints,
    scorePercent,
    passed,
    // Practice: the lesson completes on submission; post-test and mock exam: on a pass.
    completesLesson: attempt.quiz.mode === 'PRACTICE' || passed,
  };
}

/**
 * Grades an attempt once. Locks the enrolment, then the attempt row (`FOR UPDATE`), in one
 * statement, so two simultaneous submissions grade once: the second finds it SUBMITTED. Only
 * answers saved by the deadline count. Completes the lesson (practice: on submission;
 * post-test and mock exam: on a pass) in the grade's statement and checks the course's
 * completion rule, in the caller's transaction.
 *
 * `prepared`: the grading input read before the transaction (submitQuizAttempt). The grade is
 * computed from it and written only if the answers are unchanged under the lock (their
 * fingerprint); otherwise, a save having committed in between, it is read again under the lock
 * and graded from that.
 */
export async function gradeAttempt(
  tx: SqlTx,
  attemptId: string,
  enrollmentId: string,
  now: Date,
  prepared?: PreparedGrading,
): Promise<GradeOutcome> {
  const status = await lockAttemptForGrading(tx, attemptId, enrollmentId);
  if (!status || status === 'SUBMITTED') {
    return { graded: false, completion: null, storedFromPrepared: null };
  }

  const write = async (input: GradingInput, fingerprint: string | null) => {
    const { completesLesson, ...grade } = computeGrade(input, now);
    const stored = await recordAttemptGrade(tx, {
      attemptId,
      ...grade,
      fingerprint,
      completeLesson: completesLesson ? { enrollmentId, lessonId: input.quiz.lessonId } : null,
    });
    return { stored, completesLesson, gradedAt: grade.submittedAt };
  };
  let outcome = prepared
    ? await write(prepared.input, prepared.fingerprint)
    : await write(await loadGradingInput(tx, attemptId), null);
  const storedFromPrepared = prepared ? outcome.stored : null;
  if (!outcome.stored) outcome = await write(await loadGradingInput(tx, attemptId), null);
  let completion: CompletionOutcome | null = null;
  if (outcome.completesLesson) {
    completion = await evaluateCompletion(tx, enrollmentId, outcome.gradedAt, {
      enrollmentLocked: true,
    });
  }
  return { graded: true, completion, storedFromPrepared };
}

export async function settleExpiredAttempts(
  db: Db,
  enrollmentId: string,
  quizId: string,
  now: Date,
) {
  const expired = await db.quizAttempt.findMany({
    where: { enrollmentId, quizId, status: 'IN_PROGRESS', deadlineAt: { lte: now } },
    select: { id: true },
  });
  for (const attempt of expired) {
    await db.$transaction((tx) => gradeAttempt(tx, attempt.id, enrollmentId, now), TX_OPTIONS);
  }
}
