// Every SQL statement of approvals, each a named, typed function (CONTRIBUTING.md, "SQL").
// Run against the migrated database by api/src/modules/approvals/provider-tools.test.ts (the
// dashboard, unfiltered and filtered to EXPIRING).
import { type Db, Prisma } from '@lms/db';
import { type ApprovalStatus, EXPIRING_WITHIN_DAYS } from '../authoring/approval-status';
import type { ApprovalOverview } from './approval-dashboard';

export type ApprovalDashboardRow = Omit<ApprovalOverview, 'status' | 'daysLeft'>;

export interface ApprovalDashboardQuery {
  /** null: every course (an admin); else the courses this user owns or teaches. */
  ownerOrInstructorId: string | null;
  /** The provider's calendar day (YYYY-MM-DD) the status is judged on. */
  today: string;
  status: ApprovalStatus | null;
  /** The keyset cursor: the last row's (validUntil, id). */
  after: { createdAt: Date; id: string } | null;
  first: number;
}

/**
 * One page (first + 1 rows, to tell whether there is a next) of approvals that still matter —
 * on a latest published version, or on an older one with learners still studying — soonest
 * last valid day first, and the total count of the filter. The status becomes date conditions.
 */
export async function selectApprovalDashboardPage(
  db: Db,
  query: ApprovalDashboardQuery,
): Promise<{ rows: ApprovalDashboardRow[]; totalCount: number }> {
  const { today } = query;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`v."publishedAt" IS NOT NULL`,
    Prisma.sql`(c."latestPublishedVersionId" = v.id OR EXISTS (SELECT 1 FROM "Enrollment" e
      WHERE e."versionId" = v.id AND e.status = 'ACTIVE' AND e."completedAt" IS NULL))`,
  ];
  if (query.ownerOrInstructorId !== null) {
    const userId = query.ownerOrInstructorId;
    conditions.push(Prisma.sql`(c."ownerId" = ${userId}::uuid OR EXISTS (SELECT 1
      FROM "CourseInstructor" ci WHERE ci."courseId" = c.id AND ci."userId" = ${userId}::uuid))`);
  }
  const lastExpiring = Prisma.sql`(${today}::date + ${EXPIRING_WITHIN_DAYS - 1}::int)`;
  switch (query.status) {
    case 'EXPIRED':
      conditions.push(Prisma.sql`a."validUntil" < ${today}::date`);
      break;
    case 'NOT_YET_VALID':
      conditions.push(
        Prisma.sql`a."validUntil" >= ${today}::date AND a."validFrom" > ${today}::date`,
      );
      break;
    case 'EXPIRING':
      conditions.push(Prisma.sql`a."validFrom" <= ${today}::date AND a."validUntil" >= ${today}::date
        AND a."validUntil" <= ${lastExpiring}`);
      break;
    case 'VALID':
      conditions.push(
        Prisma.sql`a."validFrom" <= ${today}::date AND a."validUntil" > ${lastExpiring}`,
      );
      break;
    default:
      break;
  }
  const from = Prisma.sql`FROM "CreditApproval" a
    JOIN "CourseVersion" v ON v.id = a."versionId"
    JOIN "Course" c ON c.id = v."courseId"
    WHERE ${Prisma.join(conditions, ' AND ')}`;
  const cursor = query.after;
  const keyset = cursor
    ? Prisma.sql`AND (a."validUntil" > ${cursor.createdAt}::date
        OR (a."validUntil" = ${cursor.createdAt}::date AND a.id > ${cursor.id}::uuid))`
    : Prisma.empty;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<ApprovalDashboardRow[]>(Prisma.sql`
      SELECT a.id, a.body::text AS body, a."bodyName", a."approvalNumber", a."approvedTitle",
             to_char(a."ceuAmount", 'FM9999990.00') AS "ceuAmount", a.category,
             a."validFrom", a."validUntil", c.id AS "courseId", c.slug AS "courseSlug",
             v.title AS "courseTitle", v.number AS "versionNumber",
             (c."latestPublishedVersionId" = v.id) AS "isLatestVersion",
             (SELECT count(*)::int FROM "Enrollment" e WHERE e."versionId" = v.id) AS learners,
             (SELECT count(*)::int FROM "Enrollment" e WHERE e."versionId" = v.id
                AND e.status = 'ACTIVE' AND e."completedAt" IS NULL) AS "inProgressLearners"
      ${from} ${keyset}
      ORDER BY a."validUntil" ASC, a.id ASC
      LIMIT ${query.first + 1}`),
    db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n ${from}`),
  ]);
  return { rows, totalCount: counted[0]?.n ?? 0 };
}
