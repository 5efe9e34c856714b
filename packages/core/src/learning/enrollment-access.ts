import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';

export const ENROL_TO_OPEN = 'Enrol in this course to open its lessons.';
export const OTHER_VERSION =
  'This lesson belongs to another version of the course than the one you are enrolled in.';

export interface LearnerLesson {
  enrollmentId: string;
  versionId: string;
  courseId: string;
  lesson: {
    id: string;
    kind: 'TEXT' | 'VIDEO' | 'QUIZ';
    estimatedMinutes: number;
    videoSeconds: number | null;
    required: boolean;
  };
}

/**
 * The viewer's active enrolment that contains this lesson (in the version they are pinned
 * to). A lesson of a course they are not enrolled in: FORBIDDEN; an unknown lesson: NOT_FOUND.
 */
export async function requireEnrolledLesson(
  tx: DbOrTx,
  viewer: Viewer | null,
  lessonId: string,
): Promise<LearnerLesson> {
  const learner = requireViewer(viewer);
  requireId(lessonId, 'Lesson');
  const lesson = await tx.lesson.findUnique({
    where: { id: lessonId },
    select: {
      id: true,
      kind: true,
      estimatedMinutes: true,
      videoSeconds: true,
      required: true,
      module: {
        select: { versionId: true, version: { select: { courseId: true, publishedAt: true } } },
      },
    },
  });
  if (!lesson?.module.version.publishedAt) throw AppError.notFound('Lesson');
  const enrollment = await tx.enrollment.findFirst({
    where: { userId: learner.id, courseId: lesson.module.version.courseId, supersededAt: null },
    select: { id: true, versionId: true, status: true },
  });
  if (enrollment?.status !== 'ACTIVE') {
    throw new AppError('FORBIDDEN', ENROL_TO_OPEN);
  }
  if (!enrollment || enrollment.versionId !== lesson.module.versionId) {
    throw new AppError('FORBIDDEN', OTHER_VERSION);
  }
  const { module, ...rest } = lesson;
  return {
    enrollmentId: enrollment.id,
    versionId: enrollment.versionId,
    courseId: module.version.courseId,
    lesson: rest,
  };
}
