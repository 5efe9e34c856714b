import {
  approvalRosterCsv,
  type ApprovalStatus as CoreApprovalStatus,
  getApprovalRoster,
  listApprovalDashboard,
} from '@lms/core';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { toConnection } from '../common/connection';
import { ApprovalStatus } from './approval-status.enum';
import { ApprovalOverviewConnection, ApprovalRoster } from './approvals.types';

@Resolver()
export class ApprovalsResolver {
  @Authorized()
  @Query(() => ApprovalOverviewConnection, {
    description:
      'The approvals dashboard: credit approvals of the courses the viewer teaches (admins: every course) that still matter (latest published version, or a version learners still study), soonest last valid day first. Students: FORBIDDEN. `first` is 1–100.',
  })
  async approvalDashboard(
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1–100.' })
    first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' })
    after: string | null,
    @Arg('status', () => ApprovalStatus, {
      nullable: true,
      description: 'Only approvals with this status today.',
    })
    status: CoreApprovalStatus | null,
    @Ctx() ctx: Context,
  ) {
    return toConnection(
      await listApprovalDashboard({ db: ctx.db, viewer: ctx.viewer, first, after, status }),
      (node) => node,
    );
  }

  @Authorized()
  @Query(() => ApprovalRoster, {
    description:
      'The roster of one credit approval: every learner of its course version with member id, times, seat minutes, post-test and certificate. The course’s instructors and admins; anyone else: NOT_FOUND.',
  })
  async approvalRoster(
    @Arg('approvalId', () => ID, { description: 'The credit approval.' }) approvalId: string,
    @Ctx() ctx: Context,
  ): Promise<ApprovalRoster> {
    const roster = await getApprovalRoster({ db: ctx.db, viewer: ctx.viewer, approvalId });
    return { ...roster, csv: approvalRosterCsv(roster) };
  }
}
