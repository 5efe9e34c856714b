import type { Db } from '@lms/db';
import { lockEnrollment } from '../db/locks';
import type { Tx } from '../db/tx';
import {
  type CompletionOutcome,
  evaluateCompletion,
  markLessonComplete,
} from '../learning/completion';
import { TX_OPTIONS } from './attempt-access';
import { asResponse } from './attempt-views';
import { percentOf, scoreAnswer } from './scoring';
import { loadGradingInput, lockAttemptForGrading, recordAttemptGrade } from './sql';

export interface GradeOutcome {
  /** This call graded the attempt (false: it was already submitted). */
  graded: boolean;
  completion: CompletionOutcome | null;
}

/**
 * Grades an attempt once. Locks the enrolment, then the attempt row (`FOR UPDATE`), so two
 * simultaneous submissions grade once: the second finds it SUBMITTED. Only answers saved by
 * the deadline count. Completes the lesson (practice: on submission; post-test and mock exam:
 * on a pass) and checks the course's completion rule, in the caller's transaction.
 */
export async function gradeAttempt(
  tx: Tx,
  attemptId: string,
  enrollmentId: string,
  now: Date,
): Promise<GradeOutcome> {
  await lockEnrollment(tx, enrollmentId);
  const status = await lockAttemptForGrading(tx, attemptId);
  if (!status || status === 'SUBMITTED') return { graded: false, completion: null };

  const attempt = await loadGradingInput(tx, attemptId);
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
  await recordAttemptGrade(tx, {
    attemptId,
    answerIds,
    answerPoints,
    answerCorrect,
    submittedAt: gradedAt,
    scorePoints,
    maxPoints,
    scorePercent,
    passed,
  });
  let completion: CompletionOutcome | null = null;
  if (attempt.quiz.mode === 'PRACTICE' || passed) {
    await markLessonComplete(tx, enrollmentId, attempt.quiz.lessonId, gradedAt);
    completion = await evaluateCompletion(tx, enrollmentId, gradedAt, { enrollmentLocked: true });
  }
  return { graded: true, completion };
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
