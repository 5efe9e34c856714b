import { EnrollmentSource, EnrollmentStatus } from '@lms/db';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LessonKind } from '../common/enums';

registerEnumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description:
    'ACTIVE: learning. UNENROLLED: left (history kept). ENDED: access ended, e.g. refunded.',
});
registerEnumType(EnrollmentSource, {
  name: 'EnrollmentSource',
  description: 'How the learner got in: FREE enrolment, PURCHASE, or GRANT by an admin.',
});

export enum LessonEvent {
  OPEN = 'OPEN',
  HEARTBEAT = 'HEARTBEAT',
}
registerEnumType(LessonEvent, {
  name: 'LessonEvent',
  description:
    'OPEN: the lesson page is shown (starts the clock). HEARTBEAT: still visible (sent every 30 s).',
});

export enum VideoProvider {
  YOUTUBE = 'YOUTUBE',
  VIMEO = 'VIMEO',
  MP4 = 'MP4',
}
registerEnumType(VideoProvider, {
  name: 'VideoProvider',
  description: 'Where a lesson video plays from.',
});

@ObjectType({ description: 'A learner’s enrolment in a course.' })
export class Enrollment {
  @Field(() => ID, { description: 'Enrolment id.' })
  id!: string;

  @Field(() => ID, { description: 'The course.' })
  courseId!: string;

  @Field(() => EnrollmentStatus, {
    description:
      'ACTIVE while the learner can study; UNENROLLED when they left; ENDED when access ended (e.g. a refund or account deletion).',
  })
  status!: EnrollmentStatus;

  @Field(() => EnrollmentSource, { description: 'How the learner got in.' })
  source!: EnrollmentSource;

  @Field(() => DateTimeResolver, { description: 'When the learner (first) enrolled.' })
  enrolledAt!: Date;
}

@ObjectType({ description: 'A lesson in a learner’s outline, with their progress.' })
export class LearningLesson {
  @Field(() => ID, { description: 'Lesson id.' })
  id!: string;

  @Field(() => String, { description: 'The lesson’s title.' })
  title!: string;

  @Field(() => LessonKind, { description: 'TEXT, VIDEO or QUIZ: what the lesson player shows.' })
  kind!: LessonKind;

  @Field(() => Int, { description: 'Estimated minutes.' })
  estimatedMinutes!: number;

  @Field(() => Boolean, { description: 'Required for completion.' })
  required!: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the learner completed it.' })
  completedAt!: Date | null;

  @Field(() => Int, { description: 'Seat time credited so far, in seconds.' })
  seatSeconds!: number;
}

@ObjectType({ description: 'A module in a learner’s outline.' })
export class LearningModule {
  @Field(() => ID, { description: 'Module id.' })
  id!: string;

  @Field(() => String, { description: 'The module’s title.' })
  title!: string;

  @Field(() => [LearningLesson], { description: 'Lessons in order.' })
  lessons!: LearningLesson[];
}

@ObjectType({
  description:
    'A course as its learner studies it: the version they are enrolled in, with progress.',
})
export class LearningCourse {
  @Field(() => ID, { description: 'Enrolment id.' })
  enrollmentId!: string;

  @Field(() => ID, { description: 'Course id.' })
  courseId!: string;

  @Field(() => String, { description: 'Course slug.' })
  slug!: string;

  @Field(() => String, { description: 'Title of the enrolled version.' })
  title!: string;

  @Field(() => Int, { description: 'The version the learner is enrolled in.' })
  versionNumber!: number;

  @Field(() => EnrollmentStatus, { description: 'Enrolment status.' })
  status!: EnrollmentStatus;

  @Field(() => DateTimeResolver, { description: 'When the learner enrolled.' })
  enrolledAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last time the learner studied.' })
  lastActivityAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the course was completed.' })
  completedAt!: Date | null;

  @Field(() => Int, { description: 'Share of required lessons completed, 0–100.' })
  progressPercent!: number;

  @Field(() => Int, { description: 'Total seat time in seconds.' })
  seatSeconds!: number;

  @Field(() => Int, { description: 'Completion rule: total study minutes required (0: none).' })
  minimumSeatMinutes!: number;

  @Field(() => Int, {
    description: 'Completion rule: share of each lesson’s time required (0: none).',
  })
  minimumLessonTimePercent!: number;

  @Field(() => ID, { nullable: true, description: 'The first lesson not yet completed.' })
  nextLessonId!: string | null;

  @Field(() => [LearningModule], { description: 'The outline with progress.' })
  modules!: LearningModule[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'How to play a lesson video.',
})
export class LessonVideo {
  @Field(() => VideoProvider, { description: 'YouTube, Vimeo or an MP4 file.' })
  provider!: VideoProvider;

  @Field(() => String, { description: 'The URL to embed (iframe) or play (video element).' })
  src!: string;
}

@ObjectType({ description: 'A WebVTT captions track of an MP4 lesson video.' })
export class LessonCaptions {
  @Field(() => String, { description: 'The .vtt file, on the web app’s origin (/media/…).' })
  src!: string;

  @Field(() => String, { description: 'Language (BCP 47), for the track’s srclang.' })
  language!: string;

  @Field(() => String, { description: 'Name players show for the track.' })
  label!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A lesson as the lesson player shows it to an enrolled learner.',
})
export class LearnerLesson {
  @Field(() => ID, { description: 'Lesson id.' })
  id!: string;

  @Field(() => ID, { description: 'The course.' })
  courseId!: string;

  @Field(() => String, { description: 'The lesson’s title.' })
  title!: string;

  @Field(() => String, { description: 'Title of its module.' })
  moduleTitle!: string;

  @Field(() => LessonKind, { description: 'TEXT, VIDEO or QUIZ: what the lesson player shows.' })
  kind!: LessonKind;

  @Field(() => String, { description: 'The lesson text as sanitised HTML.' })
  bodyHtml!: string;

  @Field(() => LessonVideo, { nullable: true, description: 'The video, for VIDEO lessons.' })
  video!: LessonVideo | null;

  @Field(() => LessonCaptions, {
    nullable: true,
    description:
      'Captions of an MP4 video (null for YouTube and Vimeo, which show their own captions).',
  })
  captions!: LessonCaptions | null;

  @Field(() => Int, { nullable: true, description: 'Video length in seconds.' })
  videoSeconds!: number | null;

  @Field(() => Int, { description: 'Estimated minutes.' })
  estimatedMinutes!: number;

  @Field(() => Boolean, { description: 'Required for completion.' })
  required!: boolean;

  @Field(() => ID, { nullable: true, description: 'Previous lesson in the course.' })
  previousLessonId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Next lesson in the course.' })
  nextLessonId!: string | null;

  @Field(() => Int, { description: 'Seat time credited so far, in seconds.' })
  seatSeconds!: number;

  @Field(() => Int, {
    description: 'Seat time needed before the lesson can be completed (0: none).',
  })
  requiredSeconds!: number;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the learner completed it.' })
  completedAt!: Date | null;

  @Field(() => Int, {
    description: 'How often the page should send HEARTBEAT while visible, in seconds.',
  })
  heartbeatIntervalSeconds!: number;
}

@ObjectType({ description: 'A learner’s progress on one lesson.' })
export class LessonProgressState {
  @Field(() => ID, { description: 'Lesson id.' })
  lessonId!: string;

  @Field(() => Int, { description: 'Seat time credited so far, in seconds.' })
  seatSeconds!: number;

  @Field(() => Int, { description: 'Seat time needed before completing (0: none).' })
  requiredSeconds!: number;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When completed.' })
  completedAt!: Date | null;
}

@ObjectType({ description: 'The result of completing a lesson.' })
export class CompleteLessonResult {
  @Field(() => LessonProgressState, { description: 'The lesson’s progress.' })
  progress!: LessonProgressState;

  @Field(() => Boolean, { description: 'The course is complete (now or before).' })
  courseCompleted!: boolean;

  @Field(() => Boolean, { description: 'This call completed the course.' })
  courseNewlyCompleted!: boolean;

  @Field(() => [String], { description: 'What the course still needs, in words.' })
  missing!: string[];
}
