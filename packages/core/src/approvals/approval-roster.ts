import type { Db, EnrollmentStatus } from '@lms/db';
import { creditApprovalTermsSelect } from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { approvalStatus, daysLeft } from '../authoring/approval-status';
import type { CertificateStatus } from '../certificates/certificate-views';
import { toCsv } from '../common/csv';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import type { ApprovalOverview } from './approval-dashboard';

/** The approval the roster is for: the dashboard's view of it, without the learner counts. */
export type RosterApproval = Omit<
  ApprovalOverview,
  'courseSlug' | 'isLatestVersion' | 'learners' | 'inProgressLearners'
>;

export interface RosterRow {
  enrollmentId: string;
  learnerName: string;
  /** The member id the learner gave on their receipt (bill-to) for this course; null if none. */
  memberId: string | null;
  enrollmentStatus: EnrollmentStatus;
  enrolledAt: Date;
  completedAt: Date | null;
  /** Seat minutes: the completion's recorded figure, or the progress so far. */
  seatMinutes: number;
  /** The passing post-test attempt (or the latest submitted one when none passed). */
  postTestPercent: string | null;
  postTestPassed: boolean | null;
  postTestAt: Date | null;
  /** The newest certificate for this approval (a reissue replaces the old serial here). */
  certificateSerial: string | null;
  certificateStatus: CertificateStatus | null;
}

export interface ApprovalRoster {
  approval: RosterApproval;
  rows: RosterRow[];
}

/**
 * The roster of one credit approval (provider tool, issue 9): every learner enrolled in the
 * course version the approval belongs to, with what a provider reports to the body or shows an
 * auditor. For the course's instructors and admins; anyone else gets NOT_FOUND (as for an
 * unknown approval). Bounded by one version's enrolments (like the gradebook).
 */
export async function getApprovalRoster(options: {
  db: Db;
  viewer: Viewer | null;
  approvalId: string;
  now?: Date;
}): Promise<ApprovalRoster> {
  const { db } = options;
  requireViewer(options.viewer);
  requireId(options.approvalId, 'Approval');
  const approval = await db.creditApproval.findUnique({
    where: { id: options.approvalId },
    select: {
      id: true,
      ...creditApprovalTermsSelect,
      version: { select: { id: true, number: true, title: true, courseId: true } },
    },
  });
  if (!approval) throw AppError.notFound('Approval');
  try {
    await findManageableCourse(db, options.viewer, approval.version.courseId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw AppError.notFound('Approval');
    }
    throw error;
  }
  const now = options.now ?? new Date();
  const enrollments = await db.enrollment.findMany({
    where: { versionId: approval.version.id },
    orderBy: [{ enrolledAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      userId: true,
      status: true,
      enrolledAt: true,
      user: { select: { name: true } },
      completion: { select: { completedAt: true, seatMinutes: true, passedAttemptId: true } },
      progress: { select: { seatSeconds: true } },
      attempts: {
        where: { status: 'SUBMITTED', quiz: { mode: 'POST_TEST' } },
        orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
        select: { id: true, scorePercent: true, passed: true, submittedAt: true },
      },
      certificates: {
        where: { creditApprovalId: approval.id },
        orderBy: { generation: 'desc' },
        take: 1,
        select: {
          serial: true,
          revokedAt: true,
          supersededBy: { select: { serial: true } },
        },
      },
    },
  });
  const orders = await db.order.findMany({
    where: {
      courseId: approval.version.courseId,
      userId: { in: enrollments.map((enrollment) => enrollment.userId) },
      memberId: { not: null },
      status: { in: ['PAID', 'REFUND_PENDING', 'REFUNDED'] },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { userId: true, memberId: true },
  });
  const memberIds = new Map<string, string>();
  for (const order of orders) {
    if (order.memberId && !memberIds.has(order.userId)) memberIds.set(order.userId, order.memberId);
  }

  const rows = enrollments.map((enrollment): RosterRow => {
    const completion = enrollment.completion;
    const postTest =
      enrollment.attempts.find((attempt) => attempt.id === completion?.passedAttemptId) ??
      enrollment.attempts.find((attempt) => attempt.passed) ??
      enrollment.attempts[0] ??
      null;
    const certificate = enrollment.certificates[0] ?? null;
    return {
      enrollmentId: enrollment.id,
      learnerName: enrollment.user.name,
      memberId: memberIds.get(enrollment.userId) ?? null,
      enrollmentStatus: enrollment.status,
      enrolledAt: enrollment.enrolledAt,
      completedAt: completion?.completedAt ?? null,
      seatMinutes:
        completion?.seatMinutes ??
        Math.floor(enrollment.progress.reduce((sum, p) => sum + p.seatSeconds, 0) / 60),
      postTestPercent: postTest?.scorePercent?.toFixed(2) ?? null,
      postTestPassed: postTest?.passed ?? null,
      postTestAt: postTest?.submittedAt ?? null,
      certificateSerial: certificate?.serial ?? null,
      certificateStatus: certificate
        ? certificate.supersededBy
          ? 'SUPERSEDED'
          : certificate.revokedAt
            ? 'REVOKED'
            : 'VALID'
        : null,
    };
  });
  const { version, ...rest } = approval;
  return {
    approval: {
      ...rest,
      ceuAmount: approval.ceuAmount.toFixed(2),
      status: approvalStatus(approval, now),
      daysLeft: daysLeft(approval, now),
      courseId: version.courseId,
      courseTitle: version.title,
      versionNumber: version.number,
    },
    rows,
  };
}

/** The roster as CSV: UTF-8 with a byte-order mark (spreadsheets then read names right), CRLF. */
export function approvalRosterCsv(roster: ApprovalRoster): string {
  const header = [
    'Learner',
    'Member id',
    'Enrolment status',
    'Enrolled',
    'Completed',
    'Seat minutes',
    'Post-test %',
    'Post-test passed',
    'Post-test date',
    'Certificate serial',
    'Certificate status',
  ];
  const lines = roster.rows.map((row) => [
    row.learnerName,
    row.memberId ?? '',
    row.enrollmentStatus,
    row.enrolledAt.toISOString(),
    row.completedAt?.toISOString() ?? '',
    String(row.seatMinutes),
    row.postTestPercent ?? '',
    row.postTestPassed === null ? '' : row.postTestPassed ? 'yes' : 'no',
    row.postTestAt?.toISOString() ?? '',
    row.certificateSerial ?? '',
    row.certificateStatus ?? '',
  ]);
  return toCsv([header, ...lines], { bom: true });
}
