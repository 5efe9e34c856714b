import {
  completeLesson,
  enrollInCourse,
  getLessonForLearner,
  getMyLearningCourse,
  HEARTBEAT_INTERVAL_SECONDS,
  listMyLearning,
  recordLessonActivity,
  unenrollFromCourse,
  videoEmbed,
} from '@lms/core';
import { EnrollmentStatus } from '@lms/db';
import { DateTimeResolver } from 'graphql-scalars';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../context';
import { CourseType } from '../catalog/course.type';
import {
  CompleteLessonResult,
  Enrollment,
  LearnerLesson,
  LearningCourse,
  LessonEvent,
  LessonProgressState,
} from './learning.types';
import { lessonHtml } from './lesson-html';

@Resolver()
export class LearningResolver {
  @Authorized()
  @Query(() => [LearningCourse], {
    description: 'The viewer’s active enrolments with progress, most recently studied first.',
  })
  myLearning(@Ctx() ctx: Context) {
    return listMyLearning({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Query(() => LearningCourse, {
    nullable: true,
    description: 'The viewer’s enrolment in a course with its outline; null when not enrolled.',
  })
  learningCourse(
    @Arg('courseId', () => ID, { description: 'The course.' }) courseId: string,
    @Ctx() ctx: Context,
  ) {
    return getMyLearningCourse({ db: ctx.db, viewer: ctx.viewer, courseId });
  }

  @Authorized()
  @Query(() => LearnerLesson, {
    description:
      'A lesson for the lesson player. FORBIDDEN unless enrolled in the version it belongs to.',
  })
  async learnerLesson(
    @Arg('lessonId', () => ID, { description: 'The lesson.' }) lessonId: string,
    @Ctx() ctx: Context,
  ) {
    const lesson = await getLessonForLearner({ db: ctx.db, viewer: ctx.viewer, lessonId });
    const video = lesson.kind === 'VIDEO' ? videoEmbed(lesson.videoUrl) : null;
    return {
      ...lesson,
      bodyHtml: lessonHtml(lesson.body),
      video,
      captions:
        video?.provider === 'MP4' && lesson.captionsUrl
          ? {
              src: lesson.captionsUrl,
              language: lesson.captionsLanguage ?? 'en',
              label: lesson.captionsLabel ?? 'Captions',
            }
          : null,
      heartbeatIntervalSeconds: HEARTBEAT_INTERVAL_SECONDS,
    };
  }

  @Authorized()
  @Mutation(() => Enrollment, {
    description:
      'Enrols the viewer in a free course (enrolling again is harmless). Paid courses: FORBIDDEN, buy them.',
  })
  enrollInCourse(
    @Arg('courseId', () => ID, { description: 'The course.' }) courseId: string,
    @Ctx() ctx: Context,
  ) {
    return enrollInCourse({ db: ctx.db, viewer: ctx.viewer, courseId });
  }

  @Authorized()
  @Mutation(() => Enrollment, { description: 'Leaves a course; progress and history are kept.' })
  unenrollFromCourse(
    @Arg('courseId', () => ID, { description: 'The course.' }) courseId: string,
    @Ctx() ctx: Context,
  ) {
    return unenrollFromCourse({ db: ctx.db, viewer: ctx.viewer, courseId });
  }

  @Authorized()
  @Mutation(() => LessonProgressState, {
    description: 'Reports that a lesson page is shown or still visible.',
  })
  recordLessonActivity(
    @Arg('lessonId', () => ID, { description: 'The lesson.' }) lessonId: string,
    @Arg('event', () => LessonEvent, { description: 'OPEN or HEARTBEAT.' }) event: LessonEvent,
    @Ctx() ctx: Context,
  ) {
    return recordLessonActivity({ db: ctx.db, viewer: ctx.viewer, lessonId, event });
  }

  @Authorized()
  @Mutation(() => CompleteLessonResult, {
    description:
      'Marks a lesson complete. PRECONDITION_FAILED (with retryAfterSeconds) while the course’s minimum time for it is not reached.',
  })
  async completeLesson(
    @Arg('lessonId', () => ID, { description: 'The lesson.' }) lessonId: string,
    @Ctx() ctx: Context,
  ) {
    const { progress, completion } = await completeLesson({
      db: ctx.db,
      viewer: ctx.viewer,
      lessonId,
    });
    return {
      progress,
      courseCompleted: completion.completed,
      courseNewlyCompleted: completion.newlyCompleted,
      missing: completion.missing,
    };
  }
}

@ObjectType({ description: 'The viewer’s relation to a catalog course.' })
export class ViewerEnrollmentState {
  @Field(() => EnrollmentStatus, { description: 'Enrolment status.' })
  status!: EnrollmentStatus;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the viewer completed the course.',
  })
  completedAt!: Date | null;
}

@Resolver(() => CourseType)
export class CourseEnrollmentResolver {
  @FieldResolver(() => ViewerEnrollmentState, {
    nullable: true,
    description: 'The viewer’s enrolment in this course; null when anonymous or never enrolled.',
  })
  viewerEnrollment(@Root() course: CourseType, @Ctx() ctx: Context) {
    return ctx.loaders.viewerEnrollment.load(course.id);
  }
}
