import type { Db } from '@lms/db';
import { z } from 'zod';
import { assertOwnerOrAdmin, findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { emailSchema } from '../auth/credentials';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type CourseInstructorEntry } from './course-instructors';
import { listCourseInstructors } from './list-course-instructors';

export interface AddCourseInstructorOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  email: string;
}

/** Adds a co-instructor by email. Only the owner or an admin; the person must be an instructor. */
export async function addCourseInstructor(
  options: AddCourseInstructorOptions,
): Promise<CourseInstructorEntry[]> {
  const { email } = parseInput(z.object({ email: emailSchema }), { email: options.email });
  await options.db.$transaction(async (tx) => {
    const course = await findManageableCourse(tx, options.viewer, options.courseId, { lock: true });
    assertOwnerOrAdmin(options.viewer!, course);
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (!user) throw AppError.badInput({ email: ['No account uses this email address.'] });
    if (user.role === 'STUDENT') {
      throw AppError.badInput({
        email: ['This person is a student. An admin must make them an instructor first.'],
      });
    }
    await tx.courseInstructor.upsert({
      where: { courseId_userId: { courseId: course.id, userId: user.id } },
      create: { courseId: course.id, userId: user.id, role: 'INSTRUCTOR' },
      update: {},
      select: { userId: true },
    });
    await recordAudit(tx, {
      actorId: options.viewer!.id,
      action: 'course.instructor.add',
      targetType: 'Course',
      targetId: course.id,
      details: { userId: user.id },
    });
  });
  return listCourseInstructors(options);
}
