import type { CourseStatus, Db } from '@lms/db';
import { findManageableCourse, type ManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { type EditableCourse, getEditableCourse } from './editable-course';

export interface CourseLifecycleOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}

/** Moves a course to the status `decide` returns (or throws), under the course lock, audited. */
export async function changeCourseStatus(
  options: CourseLifecycleOptions,
  action: string,
  decide: (course: ManageableCourse) => CourseStatus,
): Promise<EditableCourse> {
  await options.db.$transaction(async (tx) => {
    const course = await findManageableCourse(tx, options.viewer, options.courseId, { lock: true });
    const status = decide(course);
    await tx.course.update({ where: { id: course.id }, data: { status }, select: { id: true } });
    await recordAudit(tx, {
      actorId: options.viewer!.id,
      action,
      targetType: 'Course',
      targetId: course.id,
      details: { from: course.status, to: status },
    });
  });
  return getEditableCourse(options);
}
