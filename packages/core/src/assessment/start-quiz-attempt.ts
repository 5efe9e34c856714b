import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { jobScheduler } from '../db/job-scheduler';
import { lockEnrollment } from '../db/locks';
import { AppError } from '../errors/app-error';
import { enrolledQuiz, loadLearnerAttempt, NO_ATTEMPTS_LEFT, TX_OPTIONS } from './attempt-access';
import { type LearnerAttempt } from './attempt-views';
import { drawAttempt, type RandomInt } from './draw';
import { gradeAttempt, settleExpiredAttempts } from './grade-attempt';

/**
 * Starts an attempt of a lesson's quiz, or resumes the open one while its time lasts. An
 * expired open attempt is submitted first. Refused once maxAttempts are used.
 */
export async function startQuizAttempt(options: {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
  now?: Date;
  random?: RandomInt;
}): Promise<LearnerAttempt> {
  const now = options.now ?? new Date();
  const { enrolled, quiz } = await enrolledQuiz(options.db, options.viewer, options.lessonId);
  await settleExpiredAttempts(options.db, enrolled.enrollmentId, quiz.id, now);
  const outcome = await options.db.$transaction(async (tx) => {
    await lockEnrollment(tx, enrolled.enrollmentId);
    const open = await tx.quizAttempt.findFirst({
      where: { enrollmentId: enrolled.enrollmentId, quizId: quiz.id, status: 'IN_PROGRESS' },
      select: { id: true, deadlineAt: true },
    });
    if (open && (!open.deadlineAt || open.deadlineAt > now))
      return { attemptId: open.id, deadlineAt: null };
    if (open) await gradeAttempt(tx, open.id, enrolled.enrollmentId, now);
    const used = await tx.quizAttempt.count({
      where: { enrollmentId: enrolled.enrollmentId, quizId: quiz.id },
    });
    if (quiz.maxAttempts !== null && used >= quiz.maxAttempts) {
      return { refused: NO_ATTEMPTS_LEFT(quiz.maxAttempts) };
    }
    const pool = await tx.question.findMany({
      where: { quizId: quiz.id },
      select: {
        id: true,
        position: true,
        area: true,
        type: true,
        options: { orderBy: { position: 'asc' }, select: { id: true } },
      },
    });
    const draw = drawAttempt(
      pool.map((question) => ({
        ...question,
        optionIds: question.options.map((option) => option.id),
      })),
      quiz,
      options.random,
    );
    const created = await tx.quizAttempt.create({
      data: {
        enrollmentId: enrolled.enrollmentId,
        quizId: quiz.id,
        number: used + 1,
        questionIds: draw.questionIds,
        optionOrder: draw.optionOrder,
        startedAt: now,
        deadlineAt: quiz.timeLimitMinutes
          ? new Date(now.getTime() + quiz.timeLimitMinutes * 60_000)
          : null,
      },
      select: { id: true, deadlineAt: true },
    });
    await tx.enrollment.update({
      where: { id: enrolled.enrollmentId },
      data: { lastActivityAt: now },
      select: { id: true },
    });
    return { attemptId: created.id, deadlineAt: created.deadlineAt };
  }, TX_OPTIONS);
  if ('refused' in outcome) throw new AppError('PRECONDITION_FAILED', outcome.refused!);
  // A timed attempt is graded at its deadline by the job worker, even if the learner never
  // comes back (the periodic sweep catches a schedule lost between commit and here).
  if (outcome.deadlineAt)
    await jobScheduler().gradeAttemptAt(outcome.attemptId, outcome.deadlineAt);
  return loadLearnerAttempt(options.db, outcome.attemptId, now);
}
