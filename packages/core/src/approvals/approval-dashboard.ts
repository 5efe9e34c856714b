import type { CreditBody, Db } from '@lms/db';
import { z } from 'zod';
import { requireAuthor } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { ApprovalStatus, approvalStatus, daysLeft } from '../authoring/approval-status';
import { parseInput } from '../errors/validate';
import {
  decodeTimeCursor,
  encodeTimeCursor,
  type Page,
  pageArgsSchema,
} from '../pagination/keyset';
import { providerDay } from '../time/provider-day';
import { selectApprovalDashboardPage } from './sql';

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
  const { rows, totalCount } = await selectApprovalDashboardPage(options.db, {
    ownerOrInstructorId: viewer.role === 'ADMIN' ? null : viewer.id,
    today,
    status: input.status ?? null,
    after: input.after ? decodeTimeCursor(input.after) : null,
    first: input.first,
  });
  return {
    edges: rows.slice(0, input.first).map((row) => ({
      cursor: encodeTimeCursor(row.validUntil, row.id),
      node: { ...row, status: approvalStatus(row, now), daysLeft: daysLeft(row, now) },
    })),
    hasNextPage: rows.length > input.first,
    hasPreviousPage: Boolean(input.after),
    totalCount,
  };
}
