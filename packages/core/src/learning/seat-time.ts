/**
 * Seat time is credited from the gaps between a learner's events on a lesson page:
 * OPEN (page shown or shown again) starts the clock without credit; HEARTBEAT (sent every
 * 30 s while the page is visible) credits the gap up to HEARTBEAT_CREDIT_CAP; COMPLETE
 * credits the gap up to a cap tied to the lesson's length, so a learner without JavaScript
 * still gets the time they spent reading, while a tab left open overnight does not count.
 */
export const HEARTBEAT_INTERVAL_SECONDS = 30;
export const HEARTBEAT_CREDIT_CAP_SECONDS = 90;

export type LessonEvent = 'OPEN' | 'HEARTBEAT' | 'COMPLETE';

export function completionCreditCapSeconds(lesson: {
  estimatedMinutes: number;
  videoSeconds: number | null;
}): number {
  const expected = lesson.videoSeconds ?? lesson.estimatedMinutes * 60;
  return Math.max(120, Math.ceil(expected * 1.25));
}

/** Most seconds one event may credit for the gap before it (OPEN credits nothing). */
export function creditCapSeconds(
  event: LessonEvent,
  lesson: { estimatedMinutes: number; videoSeconds: number | null },
): number {
  if (event === 'OPEN') return 0;
  return event === 'HEARTBEAT' ? HEARTBEAT_CREDIT_CAP_SECONDS : completionCreditCapSeconds(lesson);
}

/** Seconds a lesson needs before it may be completed under the version's minimum-time rule. */
export function requiredSeatSeconds(
  minimumLessonTimePercent: number,
  lesson: { estimatedMinutes: number; videoSeconds: number | null },
): number {
  if (minimumLessonTimePercent <= 0) return 0;
  const expected = lesson.videoSeconds ?? lesson.estimatedMinutes * 60;
  return Math.ceil((expected * minimumLessonTimePercent) / 100);
}
