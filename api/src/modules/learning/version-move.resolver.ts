import { moveLearnersToLatestVersion } from '@lms/core';
import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context';

@ObjectType({ description: 'A learner the move left on their version, and why.' })
export class SkippedVersionMove {
  @Field(() => ID, { description: 'The enrolment.' })
  enrollmentId!: string;

  @Field(() => String, { description: 'The learner’s name.' })
  learnerName!: string;

  @Field(() => String, { description: 'Why they were not moved.' })
  reason!: string;
}

@ObjectType({ description: 'What moving learners to the latest published version did.' })
export class VersionMoveResult {
  @Field(() => Int, { description: 'The version the moved learners now study.' })
  toVersionNumber!: number;

  @Field(() => Int, { description: 'How many enrolments moved.' })
  moved!: number;

  @Field(() => [SkippedVersionMove], { description: 'Learners left where they were.' })
  skipped!: SkippedVersionMove[];
}

@Resolver()
export class VersionMoveResolver {
  @Authorized()
  @Mutation(() => VersionMoveResult, {
    description:
      'Course instructors and admins: moves in-progress learners (one enrolment, or all when enrollmentId is omitted) from an older published version to the latest one, so a renewed approval reaches them. Progress is carried by the lessons’ cross-version keys; completed enrolments never move (CONFLICT when named); every move is audited. Anyone else: NOT_FOUND.',
  })
  moveLearnersToLatestVersion(
    @Arg('courseId', () => ID, { description: 'The course.' }) courseId: string,
    @Arg('enrollmentId', () => ID, {
      nullable: true,
      description: 'One enrolment to move; omitted: every in-progress learner on an older version.',
    })
    enrollmentId: string | null,
    @Ctx() ctx: Context,
  ): Promise<VersionMoveResult> {
    return moveLearnersToLatestVersion({ db: ctx.db, viewer: ctx.viewer, courseId, enrollmentId });
  }
}
