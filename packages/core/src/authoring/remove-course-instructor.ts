import type { Db } from '@lms/db';
import { assertOwnerOrAdmin, findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { type CourseInstructorEntry } from './course-instructors';
import { listCourseInstructors } from './list-course-instructors';

export interface RemoveCourseInstructorOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  userId: string;
}

export async function removeCourseInstructor(
  options: RemoveCourseInstructorOptions,
): Promise<CourseInstructorEntry[]> {
  await options.db.$transaction(async (tx) => {
    const course = await findManageableCourse(tx, options.viewer, options.courseId, { lock: true });
    assertOwnerOrAdmin(options.viewer!, course);
    if (options.userId === course.ownerId) {
      throw new AppError('CONFLICT', 'The owner cannot be removed from their course.');
    }
    const removed = isUuid(options.userId)
      ? await tx.courseInstructor.deleteMany({
          where: { courseId: course.id, userId: options.userId },
        })
      : { count: 0 };
    if (removed.count === 0) throw AppError.notFound('Instructor');
    await recordAudit(tx, {
      actorId: options.viewer!.id,
      action: 'course.instructor.remove',
      targetType: 'Course',
      targetId: course.id,
      details: { userId: options.userId },
    });
  });
  return listCourseInstructors(options);
}
