import { getGradebook, getGradebookPage, gradebookCsv } from '@lms/core';
import { EnrollmentStatus } from '@lms/db';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { QuizStatistics } from '../assessment/assessment.types';

@ObjectType({ description: 'A learner’s results on one quiz of the course.' })
export class GradebookQuizResult {
  @Field(() => ID, { description: 'The quiz (of the learner’s version).' })
  quizId!: string;

  @Field(() => String, {
    description:
      'The gradebook column it belongs in (GradebookColumn.key): the same in every version.',
  })
  columnKey!: string;

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

@ObjectType({ description: 'A quiz column of the gradebook: one quiz lesson across versions.' })
export class GradebookColumn {
  @Field(() => String, { description: 'The lesson’s key, the same in every version.' })
  key!: string;

  @Field(() => String, { description: 'Its title in the newest version that has it.' })
  lessonTitle!: string;

  @Field(() => ID, {
    description: 'That version’s quiz (its statistics cover every version of the quiz).',
  })
  quizId!: string;
}

@ObjectType({
  description: 'One page of a course’s gradebook, with its quiz columns and statistics.',
})
export class GradebookPage {
  @Field(() => Int, { description: 'Current learners of the course.' })
  totalLearners!: number;

  @Field(() => Int, { description: 'How many of them completed it.' })
  completedLearners!: number;

  @Field(() => Int, { description: 'Learners matching the search (all without one).' })
  matching!: number;

  @Field(() => Int, { description: 'This page’s number (a page past the last shows the last).' })
  page!: number;

  @Field(() => Int, { description: 'Number of pages (at least 1).' })
  pages!: number;

  @Field(() => Int, { description: 'Learners per page.' })
  pageSize!: number;

  @Field(() => [GradebookRow], { description: 'This page’s learners, by name then email.' })
  rows!: GradebookRow[];

  @Field(() => [GradebookColumn], {
    description: 'Quiz columns: the newest version’s order, then lessons only older versions have.',
  })
  columns!: GradebookColumn[];

  @Field(() => [QuizStatistics], {
    description: 'Statistics per column, every version of its quiz together (same order).',
  })
  quizzes!: QuizStatistics[];
}

@Resolver()
export class GradebookResolver {
  @Authorized()
  @Query(() => GradebookPage, {
    description:
      'A page of the gradebook of a course the viewer teaches (admins: any), with its quiz columns and statistics. Anyone else: NOT_FOUND.',
  })
  gradebookPage(
    @Arg('courseId', () => ID, { description: 'The course.' }) courseId: string,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Only learners whose name or email contains this.',
    })
    search: string | null,
    @Arg('page', () => Int, { defaultValue: 1, description: 'Page number, from 1.' }) page: number,
    @Arg('pageSize', () => Int, { defaultValue: 25, description: 'Learners per page, 1–100.' })
    pageSize: number,
    @Ctx() ctx: Context,
  ) {
    return getGradebookPage({
      db: ctx.db,
      viewer: ctx.viewer,
      courseId,
      search,
      page,
      pageSize,
    });
  }

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
