import { issueCertificatesForCompletion } from '../certificates/issue-certificates';
import { lockEnrollment } from '../db/locks';
import type { SqlTx, Tx } from '../db/tx';
import { completeLessonProgress, insertCourseCompletion, loadCompletionEvidence } from './sql';

export interface CompletionOutcome {
  /** The enrolment has a completion record (now or from before). */
  completed: boolean;
  /** This call wrote the completion record. */
  newlyCompleted: boolean;
  completionId: string | null;
  /** What is still missing, in words (empty when completed). */
  missing: string[];
}

/**
 * Marks a lesson of an enrolment complete (idempotent: the first completion time stays) and
 * records the activity. Afterwards the caller holds the enrolment's row lock.
 */
export async function markLessonComplete(
  tx: Tx,
  enrollmentId: string,
  lessonId: string,
  now: Date,
): Promise<void> {
  await completeLessonProgress(tx, enrollmentId, lessonId, now);
}

/**
 * Checks the version's completion rule against stored evidence (required lessons complete,
 * post-test passed if there is one, minimum seat time) and, when met, writes the completion
 * once, with its certificates (issueCertificatesForCompletion). Concurrent callers are
 * serialised by a row lock on the enrolment: taken here unless the caller says it holds it
 * (`enrollmentLocked`: lockEnrollment, markLessonComplete or recordLessonEvent earlier in the
 * same transaction).
 */
export async function evaluateCompletion(
  tx: SqlTx,
  enrollmentId: string,
  now: Date,
  options: { enrollmentLocked?: boolean } = {},
): Promise<CompletionOutcome> {
  if (!options.enrollmentLocked) await lockEnrollment(tx, enrollmentId);
  const evidence = await loadCompletionEvidence(tx, enrollmentId);
  if (!evidence) throw new Error(`Enrollment ${enrollmentId} not found`);
  if (evidence.completionId) {
    return {
      completed: true,
      newlyCompleted: false,
      completionId: evidence.completionId,
      missing: [],
    };
  }
  const { lessons, seatSeconds } = evidence;
  const completedLessons = new Set(evidence.completedLessonIds);
  const missing: string[] = [];

  const requiredLeft = lessons.filter(
    (lesson) => lesson.required && !completedLessons.has(lesson.id),
  );
  if (requiredLeft.length > 0) {
    missing.push(
      `${requiredLeft.length} required lesson${requiredLeft.length === 1 ? '' : 's'} to complete`,
    );
  }
  let passedAttemptId: string | null = null;
  for (const lesson of lessons.filter((candidate) => candidate.postTestId)) {
    if (lesson.passedAttemptId) passedAttemptId ??= lesson.passedAttemptId;
    else missing.push(`pass the post-test “${lesson.title}”`);
  }
  const minimumSeconds = evidence.minimumSeatMinutes * 60;
  if (seatSeconds < minimumSeconds) {
    missing.push(`${Math.ceil((minimumSeconds - seatSeconds) / 60)} more minutes of study time`);
  }
  if (missing.length > 0 || evidence.status !== 'ACTIVE') {
    return { completed: false, newlyCompleted: false, completionId: null, missing };
  }

  const completion = await insertCourseCompletion(tx, {
    enrollmentId,
    versionId: evidence.versionId,
    completedAt: now,
    seatMinutes: Math.floor(seatSeconds / 60),
    passedAttemptId,
    evidence: {
      requiredLessons: lessons.filter((lesson) => lesson.required).map((lesson) => lesson.id),
      completedLessons: [...completedLessons],
      seatSeconds,
      minimumSeatMinutes: evidence.minimumSeatMinutes,
      postTestAttemptId: passedAttemptId,
    },
  });
  // Certificates come from this stored evidence, in this transaction, exactly once (the
  // insert answered what issuing needs: no second read).
  await issueCertificatesForCompletion(tx, completion, now);
  return { completed: true, newlyCompleted: true, completionId: completion.id, missing: [] };
}
