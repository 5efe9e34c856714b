import type { Db } from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { type CourseInstructorEntry } from './course-instructors';

export interface ListCourseInstructorsOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}

/** The instructors of a course the viewer manages, owner first. */
export async function listCourseInstructors(
  options: ListCourseInstructorsOptions,
): Promise<CourseInstructorEntry[]> {
  const course = await findManageableCourse(options.db, options.viewer, options.courseId);
  const rows = await options.db.courseInstructor.findMany({
    where: { courseId: course.id },
    orderBy: [{ role: 'asc' }, { addedAt: 'asc' }],
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => ({
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
  }));
}
