import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import {
  currentEnrollmentWhere,
  type EnrollmentSummary,
  enrollmentSelect,
} from './enroll-in-course';

export interface UnenrollFromCourseOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}

/** Leaves a course. Progress, attempts and any completion are kept. */
export async function unenrollFromCourse(
  options: UnenrollFromCourseOptions,
): Promise<EnrollmentSummary> {
  const learner = requireViewer(options.viewer);
  requireId(options.courseId, 'Enrolment');
  const updated = await options.db.enrollment.updateMany({
    where: { ...currentEnrollmentWhere(learner.id, options.courseId), status: 'ACTIVE' },
    data: { status: 'UNENROLLED', endedAt: new Date(), endedReason: 'unenrolled' },
  });
  const enrollment = await options.db.enrollment.findFirst({
    where: currentEnrollmentWhere(learner.id, options.courseId),
    select: enrollmentSelect,
  });
  if (!enrollment || (updated.count === 0 && enrollment.status === 'ACTIVE'))
    throw AppError.notFound('Enrolment');
  return enrollment;
}
