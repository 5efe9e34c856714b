import type { Db, LessonContent } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { ENROL_TO_OPEN, OTHER_VERSION } from './enrollment-access';
import { requiredSeatSeconds } from './seat-time';
import { loadLearnerLesson } from './sql';

export interface LearnerLessonView extends LessonContent {
  id: string;
  courseId: string;
  moduleTitle: string;
  previousLessonId: string | null;
  nextLessonId: string | null;
  seatSeconds: number;
  requiredSeconds: number;
  completedAt: Date | null;
}

export interface GetLessonForLearnerOptions {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
}

/**
 * A lesson of a course the viewer is enrolled in, for the lesson player: one hot read
 * (loadLearnerLesson), with requireEnrolledLesson's answers (unknown or unpublished lesson:
 * NOT_FOUND; not enrolled, or enrolled in another version: FORBIDDEN).
 */
export async function getLessonForLearner(
  options: GetLessonForLearnerOptions,
): Promise<LearnerLessonView> {
  const learner = requireViewer(options.viewer);
  requireId(options.lessonId, 'Lesson');
  const row = await loadLearnerLesson(options.db, learner.id, options.lessonId);
  if (!row?.published) throw AppError.notFound('Lesson');
  if (row.enrollmentStatus !== 'ACTIVE') {
    throw new AppError('FORBIDDEN', ENROL_TO_OPEN);
  }
  if (row.enrollmentVersionId !== row.versionId) {
    throw new AppError('FORBIDDEN', OTHER_VERSION);
  }
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    body: row.body,
    videoUrl: row.videoUrl,
    videoSeconds: row.videoSeconds,
    captionsUrl: row.captionsUrl,
    captionsLanguage: row.captionsLanguage,
    captionsLabel: row.captionsLabel,
    estimatedMinutes: row.estimatedMinutes,
    required: row.required,
    courseId: row.courseId,
    moduleTitle: row.moduleTitle,
    previousLessonId: row.previousLessonId,
    nextLessonId: row.nextLessonId,
    seatSeconds: row.seatSeconds ?? 0,
    completedAt: row.completedAt,
    requiredSeconds: requiredSeatSeconds(row.minimumLessonTimePercent, row),
  };
}
