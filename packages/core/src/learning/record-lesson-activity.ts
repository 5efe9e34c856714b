import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import { requireEnrolledLesson } from './enrollment-access';
import { eventSchema, type LessonProgressState, recordEvent } from './lesson-progress';
import { requiredSeatSeconds } from './seat-time';

export interface RecordLessonActivityOptions {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
  event: 'OPEN' | 'HEARTBEAT';
  now?: Date;
}

/** The page reports that a lesson is shown (OPEN) or still visible (HEARTBEAT). */
export async function recordLessonActivity(
  options: RecordLessonActivityOptions,
): Promise<LessonProgressState> {
  const event = parseInput(eventSchema, options.event);
  const enrolled = await requireEnrolledLesson(options.db, options.viewer, options.lessonId);
  const state = await recordEvent(options.db, enrolled, event, options.now ?? new Date());
  return {
    lessonId: enrolled.lesson.id,
    ...state,
    requiredSeconds: requiredSeatSeconds(enrolled.minimumLessonTimePercent, enrolled.lesson),
  };
}
