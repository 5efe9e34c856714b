import { getGradebook, gradebookCsv } from '@lms/core';
import { EnrollmentStatus } from '@lms/db';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';

@ObjectType({ description: 'A learner’s results on one quiz of the course.' })
export class GradebookQuizResult {
  @Field(() => ID, { description: 'The quiz.' })
  quizId!: string;

  @Field(() => String, { description: 'Title of the quiz lesson.' })
  lessonTitle!: string;

  @Field(() => Int, { description: 'Submitted attempts.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Best score in percent, two decimals.' })
  bestPercent!: string | null;

  @Field(() => Boolean, { description: 'Whether any attempt passed.' })
  passed!: boolean;
}

@ObjectType({ description: 'One learner in an instructor’s gradebook.' })
export class GradebookRow {
  @Field(() => ID, { description: 'Enrolment id.' })
  enrollmentId!: string;

  @Field(() => String, { description: 'Learner’s name.' })
  learnerName!: string;

  @Field(() => String, { description: 'Learner’s email.' })
  learnerEmail!: string;

  @Field(() => Int, { description: 'Version the learner is enrolled in.' })
  versionNumber!: number;

  @Field(() => EnrollmentStatus, { description: 'Enrolment status.' })
  status!: EnrollmentStatus;

  @Field(() => DateTimeResolver, { description: 'When they enrolled.' })
  enrolledAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last study activity.' })
  lastActivityAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When they completed the course.' })
  completedAt!: Date | null;

  @Field(() => Int, { description: 'Lessons completed.' })
  lessonsCompleted!: number;

  @Field(() => Int, { description: 'Lessons in their version.' })
  lessonsTotal!: number;

  @Field(() => Int, { description: 'Share of required lessons completed, 0–100.' })
  progressPercent!: number;

  @Field(() => Int, { description: 'Study minutes.' })
  seatMinutes!: number;

  @Field(() => [GradebookQuizResult], { description: 'Quiz results.' })
  quizzes!: GradebookQuizResult[];
}

@ObjectType({ description: 'A course’s learners, progress and quiz results.' })
export class Gradebook {
  @Field(() => [GradebookRow], { description: 'Every learner, in enrolment order.' })
  rows!: GradebookRow[];

  @Field(() => String, { description: 'The same as CSV (RFC 4180), for download.' })
  csv!: string;
}

@Resolver()
export class GradebookResolver {
  @Authorized()
  @Query(() => Gradebook, {
    description:
      'The gradebook of a course the viewer teaches (admins: any). Anyone else: NOT_FOUND.',
  })
  async gradebook(
    @Arg('courseId', () => ID, { description: 'The course.' }) courseId: string,
    @Ctx() ctx: Context,
  ) {
    const rows = await getGradebook({ db: ctx.db, viewer: ctx.viewer, courseId });
    return { rows, csv: gradebookCsv(rows) };
  }
}
