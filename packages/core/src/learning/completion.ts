import { issueCertificatesForCompletion } from '../certificates/issue-certificates';
import { lockEnrollment } from '../db/locks';
import type { Tx } from '../db/tx';

export interface CompletionOutcome {
  /** The enrolment has a completion record (now or from before). */
  completed: boolean;
  /** This call wrote the completion record. */
  newlyCompleted: boolean;
  completionId: string | null;
  /** What is still missing, in words (empty when completed). */
  missing: string[];
}

/** Marks a lesson of an enrolment complete (idempotent: the first completion time stays). */
export async function markLessonComplete(
  tx: Tx,
  enrollmentId: string,
  lessonId: string,
  now: Date,
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "firstOpenedAt", "lastSeenAt", "completedAt")
    VALUES (${enrollmentId}::uuid, ${lessonId}::uuid, ${now}, ${now}, ${now})
    ON CONFLICT ("enrollmentId", "lessonId")
    DO UPDATE SET "completedAt" = COALESCE("LessonProgress"."completedAt", EXCLUDED."completedAt")`;
  await tx.enrollment.update({
    where: { id: enrollmentId },
    data: { lastActivityAt: now },
    select: { id: true },
  });
}

/**
 * Checks the version's completion rule against stored evidence (required lessons complete,
 * post-test passed if there is one, minimum seat time) and, when met, writes the completion
 * once, with its certificates (issueCertificatesForCompletion). Concurrent callers are
 * serialised by a row lock on the enrolment.
 */
export async function evaluateCompletion(
  tx: Tx,
  enrollmentId: string,
  now: Date,
): Promise<CompletionOutcome> {
  await lockEnrollment(tx, enrollmentId);
  const existing = await tx.courseCompletion.findUnique({
    where: { enrollmentId },
    select: { id: true },
  });
  if (existing)
    return { completed: true, newlyCompleted: false, completionId: existing.id, missing: [] };

  const enrollment = await tx.enrollment.findUniqueOrThrow({
    where: { id: enrollmentId },
    select: {
      status: true,
      versionId: true,
      version: {
        select: {
          minimumSeatMinutes: true,
          // Syllabus order, so the evidence lists lessons as the learner met them.
          modules: {
            orderBy: { position: 'asc' },
            select: {
              lessons: {
                orderBy: { position: 'asc' },
                select: {
                  id: true,
                  title: true,
                  required: true,
                  quiz: { select: { id: true, mode: true } },
                },
              },
            },
          },
        },
      },
      progress: { select: { lessonId: true, completedAt: true, seatSeconds: true } },
    },
  });
  const lessons = enrollment.version.modules.flatMap((module) => module.lessons);
  const completedLessons = new Set(
    enrollment.progress.filter((p) => p.completedAt).map((p) => p.lessonId),
  );
  const seatSeconds = enrollment.progress.reduce((sum, p) => sum + p.seatSeconds, 0);
  const missing: string[] = [];

  const requiredLeft = lessons.filter(
    (lesson) => lesson.required && !completedLessons.has(lesson.id),
  );
  if (requiredLeft.length > 0) {
    missing.push(
      `${requiredLeft.length} required lesson${requiredLeft.length === 1 ? '' : 's'} to complete`,
    );
  }
  const postTests = lessons.filter((lesson) => lesson.quiz?.mode === 'POST_TEST');
  let passedAttemptId: string | null = null;
  for (const lesson of postTests) {
    const passed = await tx.quizAttempt.findFirst({
      where: { enrollmentId, quizId: lesson.quiz!.id, status: 'SUBMITTED', passed: true },
      orderBy: { submittedAt: 'asc' },
      select: { id: true },
    });
    if (passed) passedAttemptId ??= passed.id;
    else missing.push(`pass the post-test “${lesson.title}”`);
  }
  const minimumSeconds = enrollment.version.minimumSeatMinutes * 60;
  if (seatSeconds < minimumSeconds) {
    missing.push(`${Math.ceil((minimumSeconds - seatSeconds) / 60)} more minutes of study time`);
  }
  if (missing.length > 0 || enrollment.status !== 'ACTIVE') {
    return { completed: false, newlyCompleted: false, completionId: null, missing };
  }

  const completion = await tx.courseCompletion.create({
    data: {
      enrollmentId,
      versionId: enrollment.versionId,
      completedAt: now,
      seatMinutes: Math.floor(seatSeconds / 60),
      passedAttemptId,
      evidence: {
        requiredLessons: lessons.filter((lesson) => lesson.required).map((lesson) => lesson.id),
        completedLessons: [...completedLessons],
        seatSeconds,
        minimumSeatMinutes: enrollment.version.minimumSeatMinutes,
        postTestAttemptId: passedAttemptId,
      },
    },
    select: { id: true },
  });
  await tx.enrollment.update({
    where: { id: enrollmentId },
    data: { completedAt: now },
    select: { id: true },
  });
  // Certificates come from this stored evidence, in this transaction, exactly once.
  await issueCertificatesForCompletion(tx, completion.id, now);
  return { completed: true, newlyCompleted: true, completionId: completion.id, missing: [] };
}
