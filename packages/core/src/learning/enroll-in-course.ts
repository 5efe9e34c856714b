import type { Db, EnrollmentSource } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { queueEnrolmentConfirmation } from '../mail/queue-enrolment-confirmation';
import { grantEnrollmentRow } from './sql';

export interface EnrollmentSummary {
  id: string;
  courseId: string;
  versionId: string;
  status: 'ACTIVE' | 'UNENROLLED' | 'ENDED';
  source: EnrollmentSource;
  enrolledAt: Date;
}

export const enrollmentSelect = {
  id: true,
  courseId: true,
  versionId: true,
  status: true,
  source: true,
  enrolledAt: true,
} as const;

/** The learner's current enrolment period in a course (earlier, refunded periods are history). */
export function currentEnrollmentWhere(userId: string, courseId: string) {
  return { userId, courseId, supersededAt: null };
}

export interface GrantEnrollmentOptions {
  userId: string;
  courseId: string;
  source: EnrollmentSource;
  now?: Date;
}

/**
 * Gives a learner an active enrolment in a course, pinned to its latest published version.
 * The one way in for every source (free, purchase, grant): idempotent and race-safe (one row
 * per learner, course and period, written with INSERT … ON CONFLICT). A learner who left keeps
 * their pinned version and history when they come back. Access that ENDED (a refund) is not
 * reopened: the new grant starts a new period, a new row with no progress, attempts or
 * completion, so the course is completed again from new evidence and earns new certificates;
 * the ended period (its completion and revoked certificates) stays as history.
 */
export async function grantEnrollment(
  tx: DbOrTx,
  options: GrantEnrollmentOptions,
): Promise<EnrollmentSummary> {
  const { found, enrollment } = await grantEnrollmentRow(tx, {
    userId: options.userId,
    courseId: options.courseId,
    source: options.source,
    now: options.now ?? new Date(),
  });
  if (!found) throw AppError.notFound('Course');
  return (
    enrollment ??
    tx.enrollment.findFirstOrThrow({
      where: currentEnrollmentWhere(options.userId, options.courseId),
      select: enrollmentSelect,
    })
  );
}

export interface EnrollInCourseOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}

/**
 * A learner enrols in a free published course, or rejoins a course they left (free or bought).
 * Paid courses are otherwise bought; access that ended (a refund) needs a new purchase.
 */
export async function enrollInCourse(options: EnrollInCourseOptions): Promise<EnrollmentSummary> {
  const learner = requireViewer(options.viewer);
  requireId(options.courseId, 'Course');
  const course = await options.db.course.findUnique({
    where: { id: options.courseId },
    select: {
      status: true,
      latestPublishedVersion: { select: { priceCents: true } },
      enrollments: {
        where: { userId: learner.id, supersededAt: null },
        select: { status: true, endedReason: true, source: true },
      },
    },
  });
  if (!course?.latestPublishedVersion) throw AppError.notFound('Course');
  const current = course.enrollments[0];
  if (current?.status === 'ACTIVE') {
    return options.db.enrollment.findFirstOrThrow({
      where: currentEnrollmentWhere(learner.id, options.courseId),
      select: enrollmentSelect,
    });
  }
  if (current?.status === 'UNENROLLED') {
    // A learner who left comes back on the terms they had: a bought course is not bought twice.
    return grantEnrollment(options.db, {
      userId: learner.id,
      courseId: options.courseId,
      source: current.source,
    });
  }
  if (course.status !== 'PUBLISHED') throw AppError.notFound('Course');
  if (course.latestPublishedVersion.priceCents > 0) {
    throw new AppError('FORBIDDEN', 'This course is paid: buy it to enrol.');
  }
  if (current?.status === 'ENDED') {
    throw new AppError(
      'FORBIDDEN',
      `Your access to this course ended (${current.endedReason ?? 'ended'}).`,
    );
  }
  // The confirmation email commits with the enrolment (once per enrolment: dedupe key).
  return options.db.$transaction(async (tx) => {
    const enrollment = await grantEnrollment(tx, {
      userId: learner.id,
      courseId: options.courseId,
      source: 'FREE',
    });
    await queueEnrolmentConfirmation(tx, enrollment.id);
    return enrollment;
  });
}
