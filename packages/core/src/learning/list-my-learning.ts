import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { type LearningCourse, learningSelect, toLearningCourse } from './learner-views';

export interface ListMyLearningOptions {
  db: Db;
  viewer: Viewer | null;
}

/** The viewer's courses (active and finished), most recently studied first. */
export async function listMyLearning(options: ListMyLearningOptions): Promise<LearningCourse[]> {
  const learner = requireViewer(options.viewer);
  const rows = await options.db.enrollment.findMany({
    where: { userId: learner.id, status: 'ACTIVE' },
    orderBy: [{ lastActivityAt: { sort: 'desc', nulls: 'last' } }, { enrolledAt: 'desc' }],
    select: learningSelect,
  });
  return rows.map(toLearningCourse);
}
