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
  const [locked] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "QuizAttempt" WHERE "id" = ${attemptId}::uuid FOR UPDATE`;
  if (!locked || locked.status === 'SUBMITTED') return { graded: false, completion: null };

  const attempt = await tx.quizAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: {
      questionIds: true,
      deadlineAt: true,
      quiz: { select: { lessonId: true, mode: true, passPercent: true } },
      answers: { select: { id: true, questionId: true, response: true, savedAt: true } },
    },
  });
  const questions = await tx.question.findMany({
    where: { id: { in: attempt.questionIds } },
    select: {
      id: true,
      type: true,
      points: true,
      acceptedAnswers: true,
      answerCodes: true,
      options: { select: { id: true, correct: true } },
    },
  });
  const byId = new Map(questions.map((question) => [question.id, question]));
  const maxPoints = attempt.questionIds.reduce((sum, id) => sum + (byId.get(id)?.points ?? 0), 0);
  const deadline = attempt.deadlineAt;
  const ids: string[] = [];
  const points: number[] = [];
  const correct: boolean[] = [];
  let total = 0;
  for (const answer of attempt.answers) {
    const question = byId.get(answer.questionId);
    if (!question) continue;
    if (deadline && answer.savedAt > deadline) continue; // saved too late: ignored
    const score = scoreAnswer(question, asResponse(answer.response));
    ids.push(answer.id);
    points.push(score.points);
    correct.push(score.correct);
    total += score.points;
  }
  if (ids.length > 0) {
    await tx.$executeRaw`
      UPDATE "AttemptAnswer" AS a SET "points" = v."points", "correct" = v."correct"
      FROM unnest(${ids}::uuid[], ${points}::numeric[], ${correct}::boolean[]) AS v("id", "points", "correct")
      WHERE a."id" = v."id"`;
  }
  // A timed-out attempt counts as submitted at its deadline, whenever it is graded (the job
  // at the deadline, the learner's next visit, or a late submit): the completion, program
  // date, approval check and cycle follow the deadline, not the moment of grading.
  const gradedAt = deadline && deadline < now ? deadline : now;
  const scorePoints = Math.round(total * 1000) / 1000;
  const scorePercent = percentOf(scorePoints, maxPoints);
  const passed = scorePercent >= attempt.quiz.passPercent;
  await tx.quizAttempt.update({
    where: { id: attemptId },
    data: {
      status: 'SUBMITTED',
      submittedAt: gradedAt,
      scorePoints,
      maxPoints,
      scorePercent,
      passed,
    },
    select: { id: true },
  });
  let completion: CompletionOutcome | null = null;
  if (attempt.quiz.mode === 'PRACTICE' || passed) {
    await markLessonComplete(tx, enrollmentId, attempt.quiz.lessonId, gradedAt);
    completion = await evaluateCompletion(tx, enrollmentId, gradedAt);
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
