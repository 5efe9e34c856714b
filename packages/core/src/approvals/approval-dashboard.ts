import { type CreditBody, type Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { requireAuthor } from '../access/roles';
import { type Viewer } from '../access/viewer';
import {
  ApprovalStatus,
  approvalStatus,
  daysLeft,
  EXPIRING_WITHIN_DAYS,
} from '../authoring/approval-status';
import { parseInput } from '../errors/validate';
import {
  decodeTimeCursor,
  encodeTimeCursor,
  type Page,
  pageArgsSchema,
} from '../pagination/keyset';
import { providerDay } from '../time/provider-day';

export interface ApprovalOverview {
  id: string;
  body: CreditBody;
  bodyName: string | null;
  approvalNumber: string;
  approvedTitle: string;
  ceuAmount: string;
  category: string;
  validFrom: Date;
  validUntil: Date;
  status: ApprovalStatus;
  daysLeft: number;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  versionNumber: number;
  /** The version is the course's latest published one (what the catalog sells). */
  isLatestVersion: boolean;
  /** Enrolments in this version (any status). */
  learners: number;
  /** ACTIVE, not completed enrolments in this version: who can still earn this credit here. */
  inProgressLearners: number;
}

type Row = Omit<ApprovalOverview, 'status' | 'daysLeft'>;

const argsSchema = pageArgsSchema.extend({ status: z.enum(ApprovalStatus).nullish() });

/**
 * The approvals dashboard (provider tool, issue 9): every credit approval that still matters —
 * on a course's latest published version, or on an older version that learners are still
 * studying — of the courses the viewer teaches (admins: all courses), with its lifecycle status,
 * soonest last valid day first. Keyset-paginated on (validUntil, id); a status filter is
 * translated to date conditions so pages stay exact. Students: FORBIDDEN.
 */
export async function listApprovalDashboard(options: {
  db: Db;
  viewer: Viewer | null;
  first: number;
  after?: string | null;
  status?: ApprovalStatus | null;
  now?: Date;
}): Promise<Page<ApprovalOverview>> {
  const viewer = requireAuthor(options.viewer);
  const input = parseInput(argsSchema, {
    first: options.first,
    after: options.after,
    status: options.status,
  });
  const now = options.now ?? new Date();
  // The provider's calendar day (approval validity is judged on it, like approvalStatus).
  const today = providerDay(now);
  const conditions: Prisma.Sql[] = [
    Prisma.sql`v."publishedAt" IS NOT NULL`,
    Prisma.sql`(c."latestPublishedVersionId" = v.id OR EXISTS (SELECT 1 FROM "Enrollment" e
      WHERE e."versionId" = v.id AND e.status = 'ACTIVE' AND e."completedAt" IS NULL))`,
  ];
  if (viewer.role !== 'ADMIN') {
    conditions.push(Prisma.sql`(c."ownerId" = ${viewer.id}::uuid OR EXISTS (SELECT 1
      FROM "CourseInstructor" ci WHERE ci."courseId" = c.id AND ci."userId" = ${viewer.id}::uuid))`);
  }
  const lastExpiring = Prisma.sql`(${today}::date + ${EXPIRING_WITHIN_DAYS - 1}::int)`;
  switch (input.status) {
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
  const cursor = input.after ? decodeTimeCursor(input.after) : null;
  const keyset = cursor
    ? Prisma.sql`AND (a."validUntil" > ${cursor.createdAt}::date
        OR (a."validUntil" = ${cursor.createdAt}::date AND a.id > ${cursor.id}::uuid))`
    : Prisma.empty;
  const [rows, counted] = await Promise.all([
    options.db.$queryRaw<Row[]>(Prisma.sql`
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
      LIMIT ${input.first + 1}`),
    options.db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n ${from}`),
  ]);
  return {
    edges: rows.slice(0, input.first).map((row) => ({
      cursor: encodeTimeCursor(row.validUntil, row.id),
      node: { ...row, status: approvalStatus(row, now), daysLeft: daysLeft(row, now) },
    })),
    hasNextPage: rows.length > input.first,
    hasPreviousPage: Boolean(input.after),
    totalCount: counted[0]?.n ?? 0,
  };
}
