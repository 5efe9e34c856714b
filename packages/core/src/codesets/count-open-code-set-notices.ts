import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { listCourseCodeSetNotices } from './list-course-code-set-notices';

export interface CountOpenCodeSetNoticesOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}

/** How many open code-set notices a course the viewer manages has (re-checked now). */
export async function countOpenCodeSetNotices(
  options: CountOpenCodeSetNoticesOptions,
): Promise<number> {
  return (await listCourseCodeSetNotices(options)).length;
}
