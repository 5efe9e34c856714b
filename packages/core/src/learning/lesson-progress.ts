import { z } from 'zod';
import type { DbOrTx } from '../db/tx';
import { type LearnerLesson } from './enrollment-access';
import { creditCapSeconds, type LessonEvent } from './seat-time';
import { recordLessonEvent } from './sql';

export interface LessonProgressState {
  lessonId: string;
  seatSeconds: number;
  completedAt: Date | null;
  requiredSeconds: number;
}

/** Records a lesson event and the enrolment's activity (recordLessonEvent, one statement). */
export function recordEvent(db: DbOrTx, enrolled: LearnerLesson, event: LessonEvent, now: Date) {
  const cap = creditCapSeconds(event, enrolled.lesson);
  return recordLessonEvent(db, enrolled.enrollmentId, enrolled.lesson.id, cap, now);
}

export const eventSchema = z.enum(['OPEN', 'HEARTBEAT'], { error: 'Send OPEN or HEARTBEAT.' });

export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
