import type { Viewer } from '@lms/core';
import { createEnrollment, type TestDatabase } from '@lms/db/testing';

/**
 * The seeded course with a timed post-test, and the `studentIndex`-th seeded student (by
 * email) actively enrolled in its published version: what a test needs to start attempts
 * that expire on their own.
 */
export async function timedPostTestLearner(database: TestDatabase, studentIndex = 0) {
  const { db } = database;
  const quiz = await db.quiz.findFirstOrThrow({
    where: { mode: 'POST_TEST', timeLimitMinutes: { not: null } },
    select: {
      lessonId: true,
      timeLimitMinutes: true,
      lesson: {
        select: {
          module: { select: { versionId: true, version: { select: { courseId: true } } } },
        },
      },
    },
  });
  const { versionId, version } = quiz.lesson.module;
  const student = await db.user.findFirstOrThrow({
    where: { role: 'STUDENT' },
    orderBy: { email: 'asc' },
    skip: studentIndex,
  });
  const existing = await db.enrollment.findFirst({
    where: { userId: student.id, versionId, status: 'ACTIVE' },
  });
  if (!existing) {
    await createEnrollment(db, { userId: student.id, courseId: version.courseId, versionId });
  }
  const viewer: Viewer = {
    id: student.id,
    sessionId: '00000000-0000-4000-8000-000000000000',
    name: student.name,
    email: student.email,
    role: student.role,
  };
  return { lessonId: quiz.lessonId, minutes: quiz.timeLimitMinutes as number, viewer };
}
