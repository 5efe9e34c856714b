import type { Db } from '@lms/db';
import { z } from 'zod';
import { assertOwnerOrAdmin, findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { emailSchema } from '../auth/credentials';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';

export interface CourseInstructorEntry {
  userId: string;
  name: string;
  email: string;
  role: 'OWNER' | 'INSTRUCTOR';
}

/** The instructors of a course the viewer manages, owner first. */
export async function listCourseInstructors(options: {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}): Promise<CourseInstructorEntry[]> {
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

/** Adds a co-instructor by email. Only the owner or an admin; the person must be an instructor. */
export async function addCourseInstructor(options: {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  email: string;
}): Promise<CourseInstructorEntry[]> {
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

export async function removeCourseInstructor(options: {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  userId: string;
}): Promise<CourseInstructorEntry[]> {
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
