import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';
import { type CompletionOutcome, evaluateCompletion } from './completion';
import { requireEnrolledLesson } from './enrollment-access';
import { formatDuration, type LessonProgressState } from './lesson-progress';
import { creditCapSeconds, requiredSeatSeconds } from './seat-time';
import { completeLessonWithSeatTime } from './sql';

export interface CompleteLessonOptions {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
  now?: Date;
}

/**
 * The learner marks a lesson complete. Refused while the version's minimum time for the
 * lesson is not reached (with the time still needed). Quiz lessons complete by their quiz.
 * Checks the course's completion rule afterwards, in the same transaction.
 */
export async function completeLesson(
  options: CompleteLessonOptions,
): Promise<{ progress: LessonProgressState; completion: CompletionOutcome }> {
  const now = options.now ?? new Date();
  return options.db.$transaction(
    async (tx) => {
      const enrolled = await requireEnrolledLesson(tx, options.viewer, options.lessonId);
      if (enrolled.lesson.kind === 'QUIZ') {
        throw new AppError('PRECONDITION_FAILED', 'A quiz lesson is completed by taking its quiz.');
      }
      const requiredSeconds = requiredSeatSeconds(
        enrolled.minimumLessonTimePercent,
        enrolled.lesson,
      );
      // Credits the time, completes the lesson when the time is reached and takes the
      // enrolment's row lock, in one statement; a refusal below rolls all of it back.
      const state = await completeLessonWithSeatTime(
        tx,
        enrolled.enrollmentId,
        enrolled.lesson.id,
        creditCapSeconds('COMPLETE', enrolled.lesson),
        requiredSeconds,
        now,
      );
      if (!state.completedAt) {
        const remaining = requiredSeconds - state.seatSeconds;
        throw new AppError(
          'PRECONDITION_FAILED',
          `This course asks for at least ${formatDuration(requiredSeconds)} on this lesson; you have spent ${formatDuration(state.seatSeconds)}. Come back to it in ${formatDuration(remaining)}.`,
          { retryAfterSeconds: remaining },
        );
      }
      const completion = await evaluateCompletion(tx, enrolled.enrollmentId, now, {
        enrollmentLocked: true,
      });
      return {
        progress: { lessonId: enrolled.lesson.id, ...state, requiredSeconds },
        completion,
      };
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
