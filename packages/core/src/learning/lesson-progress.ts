import type { Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type CompletionOutcome, evaluateCompletion, markLessonComplete } from './completion';
import { type LearnerLesson, requireEnrolledLesson } from './enrollment-access';
import { creditCapSeconds, type LessonEvent, requiredSeatSeconds } from './seat-time';

export interface LessonProgressState {
  lessonId: string;
  seatSeconds: number;
  completedAt: Date | null;
  requiredSeconds: number;
}

/**
 * Upserts the progress row and credits the gap since the last event, in one statement, so
 * concurrent events never create a second row or lose a credit. The gap is measured inside
 * the statement against the row's `lastSeenAt` as it stands under the row lock that
 * ON CONFLICT DO UPDATE takes: N simultaneous heartbeats after one gap credit it once (the
 * first moves `lastSeenAt` forward; the others then see a gap of nothing).
 */
async function recordEvent(
  tx: Db | Prisma.TransactionClient,
  enrolled: LearnerLesson,
  event: LessonEvent,
  now: Date,
) {
  const cap = creditCapSeconds(event, enrolled.lesson);
  const rows = await tx.$queryRaw<{ seatSeconds: number; completedAt: Date | null }[]>`
    INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "firstOpenedAt", "lastSeenAt", "seatSeconds")
    VALUES (${enrolled.enrollmentId}::uuid, ${enrolled.lesson.id}::uuid, ${now}, ${now}, 0)
    ON CONFLICT ("enrollmentId", "lessonId") DO UPDATE SET
      "seatSeconds" = "LessonProgress"."seatSeconds" + LEAST(${cap}::int, GREATEST(0,
        floor(extract(epoch FROM (EXCLUDED."lastSeenAt" - "LessonProgress"."lastSeenAt"))))::int),
      "lastSeenAt" = GREATEST("LessonProgress"."lastSeenAt", EXCLUDED."lastSeenAt")
    RETURNING "seatSeconds", "completedAt"`;
  await tx.enrollment.update({
    where: { id: enrolled.enrollmentId },
    data: { lastActivityAt: now },
    select: { id: true },
  });
  return rows[0]!;
}

async function minimumPercent(tx: Db | Prisma.TransactionClient, versionId: string) {
  const version = await tx.courseVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { minimumLessonTimePercent: true },
  });
  return version.minimumLessonTimePercent;
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
    requiredSeconds: requiredSeatSeconds(
      await minimumPercent(options.db, enrolled.versionId),
      enrolled.lesson,
    ),
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
      const state = await recordEvent(tx, enrolled, 'COMPLETE', now);
      const requiredSeconds = requiredSeatSeconds(
        await minimumPercent(tx, enrolled.versionId),
        enrolled.lesson,
      );
      if (!state.completedAt && state.seatSeconds < requiredSeconds) {
        const remaining = requiredSeconds - state.seatSeconds;
        throw new AppError(
          'PRECONDITION_FAILED',
          `This course asks for at least ${formatDuration(requiredSeconds)} on this lesson; you have spent ${formatDuration(state.seatSeconds)}. Come back to it in ${formatDuration(remaining)}.`,
          { retryAfterSeconds: remaining },
        );
      }
      await markLessonComplete(tx, enrolled.enrollmentId, enrolled.lesson.id, now);
      const completion = await evaluateCompletion(tx, enrolled.enrollmentId, now);
      const progress = await tx.lessonProgress.findUniqueOrThrow({
        where: {
          enrollmentId_lessonId: {
            enrollmentId: enrolled.enrollmentId,
            lessonId: enrolled.lesson.id,
          },
        },
        select: { seatSeconds: true, completedAt: true },
      });
      return {
        progress: { lessonId: enrolled.lesson.id, ...progress, requiredSeconds },
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
