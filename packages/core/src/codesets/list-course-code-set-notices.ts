import type { Db } from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { type CodeSetNoticeView, refreshCodeSetNotices } from './notices';

export interface ListCourseCodeSetNoticesOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}

/** The open code-set notices of one course the viewer manages (instructors, admins). */
export async function listCourseCodeSetNotices(
  options: ListCourseCodeSetNoticesOptions,
): Promise<CodeSetNoticeView[]> {
  const course = await findManageableCourse(options.db, options.viewer, options.courseId);
  return refreshCodeSetNotices(options.db, [course.id]);
}
