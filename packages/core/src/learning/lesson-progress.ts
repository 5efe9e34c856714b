import type { Db } from '@lms/db';
import { z } from 'zod';
import { type Viewer } from '../access/viewer';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type CompletionOutcome, evaluateCompletion } from './completion';
import { type LearnerLesson, requireEnrolledLesson } from './enrollment-access';
import { creditCapSeconds, type LessonEvent, requiredSeatSeconds } from './seat-time';
import { completeLessonWithSeatTime, recordLessonEvent } from './sql';

export interface LessonProgressState {
  lessonId: string;
  seatSeconds: number;
  completedAt: Date | null;
  requiredSeconds: number;
}

/** Records a lesson event and the enrolment's activity (recordLessonEvent, one statement). */
function recordEvent(db: DbOrTx, enrolled: LearnerLesson, event: LessonEvent, now: Date) {
  const cap = creditCapSeconds(event, enrolled.lesson);
  return recordLessonEvent(db, enrolled.enrollmentId, enrolled.lesson.id, cap, now);
}

const eventSchema = z.enum(['OPEN', 'HEARTBEAT'], { error: 'Send OPEN or HEARTBEAT.' });

/** The page reports that a lesson is shown (OPEN) or still visible (HEARTBEAT). */
export async function recordLessonActivity(options: {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
  event: 'OPEN' | 'HEARTBEAT';
  now?: Date;
}): Promise<LessonProgressState> {
  const event = parseInput(eventSchema, options.event);
  const enrolled = await requireEnrolledLesson(options.db, options.viewer, options.lessonId);
  const state = await recordEvent(options.db, enrolled, event, options.now ?? new Date());
  return {
    lessonId: enrolled.lesson.id,
    ...state,
    requiredSeconds: requiredSeatSeconds(enrolled.minimumLessonTimePercent, enrolled.lesson),
  };
}

/**
 * The learner marks a lesson complete. Refused while the version's minimum time for the
 * lesson is not reached (with the time still needed). Quiz lessons complete by their quiz.
 * Checks the course's completion rule afterwards, in the same transaction.
 */
export async function completeLesson(options: {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
  now?: Date;
}): Promise<{ progress: LessonProgressState; completion: CompletionOutcome }> {
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

export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
