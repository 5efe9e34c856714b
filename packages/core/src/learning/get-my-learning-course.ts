import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import { type LearningCourse, learningSelect, toLearningCourse } from './learner-views';

export interface GetMyLearningCourseOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}

/** One of the viewer's enrolments with its outline and progress; null when not enrolled. */
export async function getMyLearningCourse(
  options: GetMyLearningCourseOptions,
): Promise<LearningCourse | null> {
  const learner = requireViewer(options.viewer);
  if (!isUuid(options.courseId)) return null;
  const row = await options.db.enrollment.findFirst({
    where: { userId: learner.id, courseId: options.courseId, supersededAt: null },
    select: learningSelect,
  });
  return row ? toLearningCourse(row) : null;
}
