import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { findEnrolledLesson } from './sql';

export const ENROL_TO_OPEN = 'Enrol in this course to open its lessons.';
export const OTHER_VERSION =
  'This lesson belongs to another version of the course than the one you are enrolled in.';

export interface LearnerLesson {
  enrollmentId: string;
  versionId: string;
  courseId: string;
  /** The version's minimum share of each lesson's time (seat-time rule). */
  minimumLessonTimePercent: number;
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
  const row = await findEnrolledLesson(tx, learner.id, lessonId);
  if (!row?.published) throw AppError.notFound('Lesson');
  if (row.enrollmentStatus !== 'ACTIVE' || !row.enrollmentId) {
    throw new AppError('FORBIDDEN', ENROL_TO_OPEN);
  }
  if (row.enrollmentVersionId !== row.versionId) {
    throw new AppError('FORBIDDEN', OTHER_VERSION);
  }
  return {
    enrollmentId: row.enrollmentId,
    versionId: row.versionId,
    courseId: row.courseId,
    minimumLessonTimePercent: row.minimumLessonTimePercent,
    lesson: {
      id: row.id,
      kind: row.kind,
      estimatedMinutes: row.estimatedMinutes,
      videoSeconds: row.videoSeconds,
      required: row.required,
    },
  };
}
