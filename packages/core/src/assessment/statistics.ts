import type { Db } from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';

/**
 * The quiz and every version of it (quizzes of the lessons sharing its lesson key in the same
 * course), when the viewer manages the course; anyone else: NOT_FOUND.
 */
export async function manageableQuizFamily(db: Db, viewer: Viewer | null, quizId: string) {
  const quiz = isUuid(quizId)
    ? await db.quiz.findUnique({
        where: { id: quizId },
        select: {
          id: true,
          mode: true,
          passPercent: true,
          lesson: {
            select: {
              key: true,
              title: true,
              module: { select: { version: { select: { courseId: true } } } },
            },
          },
        },
      })
    : null;
  if (!quiz) {
    findViewerOrThrow(viewer);
    throw AppError.notFound('Quiz');
  }
  const courseId = quiz.lesson.module.version.courseId;
  try {
    await findManageableCourse(db, viewer, courseId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw AppError.notFound('Quiz');
    throw error;
  }
  const family = await db.quiz.findMany({
    where: { lesson: { key: quiz.lesson.key, module: { version: { courseId } } } },
    select: { id: true },
  });
  return { quiz, courseId, quizIds: family.map((row) => row.id) };
}

function findViewerOrThrow(viewer: Viewer | null) {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to do this.');
}
