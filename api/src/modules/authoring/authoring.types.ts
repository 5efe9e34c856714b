import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ApprovalStatus } from '../approvals/approval-status.enum';
import { QuizDetail } from '../assessment/assessment.types';
import { Connection } from '../common/connection';
import {
  CourseInstructorRole,
  CourseKind,
  CourseLevel,
  CourseStatus,
  CreditBody,
  LessonKind,
} from '../common/enums';
import { Money } from '../common/money';

@ObjectType({ description: 'A lesson of a draft, with its Markdown source.' })
export class EditableLesson {
  @Field(() => ID, { description: 'Lesson id (in this draft).' })
  id!: string;

  @Field(() => Int, { description: 'Order within its module, from 1.' })
  position!: number;

  @Field(() => String, { description: 'Lesson title.' })
  title!: string;

  @Field(() => LessonKind, { description: 'TEXT, VIDEO or QUIZ.' })
  kind!: LessonKind;

  @Field(() => String, { description: 'Markdown source of the lesson text.' })
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YouTube, Vimeo or MP4 URL (VIDEO lessons).',
  })
  videoUrl!: string | null;

  @Field(() => Int, { nullable: true, description: 'Video length in seconds (VIDEO lessons).' })
  videoSeconds!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Uploaded WebVTT captions of an MP4 video (/media/captions/….vtt).',
  })
  captionsUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Language of the captions (BCP 47).' })
  captionsLanguage!: string | null;

  @Field(() => String, { nullable: true, description: 'Name players show for the captions.' })
  captionsLabel!: string | null;

  @Field(() => Int, { description: 'Estimated instructional minutes.' })
  estimatedMinutes!: number;

  @Field(() => Boolean, { description: 'Whether completion requires this lesson.' })
  required!: boolean;

  @Field(() => QuizDetail, {
    nullable: true,
    description: 'QUIZ lessons: the quiz with its pool and key (null until configured).',
  })
  quiz!: QuizDetail | null;
}

@ObjectType({ description: 'A module of a draft.' })
export class EditableModule {
  @Field(() => ID, { description: 'Module id (in this draft).' })
  id!: string;

  @Field(() => Int, { description: 'Order in the syllabus, from 1.' })
  position!: number;

  @Field(() => String, { description: 'Module title.' })
  title!: string;

  @Field(() => [EditableLesson], { description: 'Lessons in order.' })
  lessons!: EditableLesson[];
}

@ObjectType({
  description: 'A credit approval as its course’s instructors see it, number included.',
})
export class CreditApprovalDetail {
  @Field(() => ID, { description: 'Approval id (in this draft).' })
  id!: string;

  @Field(() => CreditBody, { description: 'The approving body.' })
  body!: CreditBody;

  @Field(() => String, { nullable: true, description: 'The body’s name when body is OTHER.' })
  bodyName!: string | null;

  @Field(() => String, { description: 'Approval or index number.' })
  approvalNumber!: string;

  @Field(() => String, { description: 'The exact program title the body approved.' })
  approvedTitle!: string;

  @Field(() => String, { description: 'Approved CEUs, two decimals (e.g. "1.50").' })
  ceuAmount!: string;

  @Field(() => String, { description: 'Credit category, e.g. "core".' })
  category!: string;

  @Field(() => DateTimeResolver, { description: 'First valid day (UTC midnight).' })
  validFrom!: Date;

  @Field(() => DateTimeResolver, { description: 'Last valid day (UTC midnight).' })
  validUntil!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Why publishing would refuse this approval today (expired, title mismatch); null if fine.',
  })
  problem!: string | null;

  @Field(() => ApprovalStatus, {
    description:
      'Where the approval stands today: VALID, EXPIRING (≤ 60 days), EXPIRED, NOT_YET_VALID.',
  })
  status!: ApprovalStatus;
}

export enum PublishingProblemKind {
  NO_MODULES = 'NO_MODULES',
  EMPTY_MODULE = 'EMPTY_MODULE',
  LESSON_WITHOUT_TEXT = 'LESSON_WITHOUT_TEXT',
  LESSON_WITHOUT_VIDEO = 'LESSON_WITHOUT_VIDEO',
  QUIZ_LESSON_WITHOUT_QUIZ = 'QUIZ_LESSON_WITHOUT_QUIZ',
  QUIZ_ON_NON_QUIZ_LESSON = 'QUIZ_ON_NON_QUIZ_LESSON',
  QUIZ_WITHOUT_QUESTIONS = 'QUIZ_WITHOUT_QUESTIONS',
  QUIZ_DRAWS_MORE_THAN_POOL = 'QUIZ_DRAWS_MORE_THAN_POOL',
  TOO_MANY_POST_TESTS = 'TOO_MANY_POST_TESTS',
  CREDIT_APPROVAL = 'CREDIT_APPROVAL',
  NOTHING_CHANGED = 'NOTHING_CHANGED',
}
registerEnumType(PublishingProblemKind, {
  name: 'PublishingProblemKind',
  description: 'What kind of problem prevents publishing (see PublishingProblem).',
});

@ObjectType({
  description:
    'One thing that prevents publishing: its kind, the record it is about, and the message in words.',
})
export class PublishingProblem {
  @Field(() => PublishingProblemKind, { description: 'What kind of problem.' })
  kind!: PublishingProblemKind;

  @Field(() => String, { description: 'The problem in words, with what to do.' })
  message!: string;

  @Field(() => ID, { nullable: true, description: 'The module it is about, if any.' })
  moduleId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The lesson it is about, if any.' })
  lessonId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The quiz it is about, if any.' })
  quizId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The credit approval it is about, if any.' })
  creditApprovalId!: string | null;
}

@ObjectType({ description: 'What publishing the draft now would do.' })
export class PublishPreview {
  @Field(() => Int, { description: 'The version number the draft would become.' })
  nextVersionNumber!: number;

  @Field(() => Boolean, { description: 'True when nothing prevents publishing.' })
  canPublish!: boolean;

  @Field(() => [String], {
    description: 'What prevents publishing, in words (the messages of publishingProblems).',
  })
  problems!: string[];

  @Field(() => [PublishingProblem], {
    description: 'What prevents publishing, as values: kind, the record it is about, message.',
  })
  publishingProblems!: PublishingProblem[];

  @Field(() => [String], { description: 'What changed since the last published version.' })
  changes!: string[];

  @Field(() => Int, { description: 'Total instructional minutes of the draft.' })
  instructionalMinutes!: number;
}

@ObjectType({ description: 'A person who can edit a course.' })
export class CourseInstructorEntry {
  @Field(() => ID, { description: 'User id.' })
  userId!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { description: 'Email (visible to the course’s instructors).' })
  email!: string;

  @Field(() => CourseInstructorRole, { description: 'Owner or co-instructor.' })
  role!: CourseInstructorRole;
}

@ObjectType({
  description:
    'A course as its instructors edit it: the working draft (the next version). Every edit must send `revision`; a stale one answers CONFLICT.',
})
export class EditableCourse {
  @Field(() => ID, { description: 'Course id.' })
  id!: string;

  @Field(() => String, { description: 'URL slug.' })
  slug!: string;

  @Field(() => CourseStatus, { description: 'Lifecycle status.' })
  status!: CourseStatus;

  @Field(() => Int, { description: 'Revision of the draft; send it with the next edit.' })
  revision!: number;

  @Field(() => Int, { description: 'Version number the draft will get when published.' })
  versionNumber!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Latest published version number; null if never published.',
  })
  latestPublishedVersionNumber!: number | null;

  @Field(() => String, { description: 'Draft title.' })
  title!: string;

  @Field(() => String, { description: 'Draft summary.' })
  summary!: string;

  @Field(() => String, { description: 'Draft description (Markdown).' })
  description!: string;

  @Field(() => CourseKind, { description: 'Exam prep or continuing education.' })
  kind!: CourseKind;

  @Field(() => CourseLevel, { description: 'Expected prior knowledge.' })
  level!: CourseLevel;

  @Field(() => Money, { description: 'Price of the draft.' })
  price!: Money;

  @Field(() => String, { nullable: true, description: 'Cover image URL.' })
  coverImageUrl!: string | null;

  @Field(() => String, { description: 'Alt text of the cover image ("" without a cover).' })
  coverImageAlt!: string;

  @Field(() => Int, { description: 'Total instructional minutes of the draft’s lessons.' })
  instructionalMinutes!: number;

  @Field(() => Int, {
    description:
      'Completion rule: share (0–100) of a lesson’s estimated time a learner must spend before completing it.',
  })
  minimumLessonTimePercent!: number;

  @Field(() => Int, { description: 'Completion rule: total study minutes required (0: none).' })
  minimumSeatMinutes!: number;

  @Field(() => [EditableModule], { description: 'The draft syllabus.' })
  modules!: EditableModule[];

  @Field(() => [CreditApprovalDetail], { description: 'Credit approvals attached to the draft.' })
  creditApprovals!: CreditApprovalDetail[];

  @Field(() => Boolean, { description: 'Whether the viewer owns the course.' })
  viewerIsOwner!: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: 'First publication time.' })
  publishedAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'Last change to the draft.' })
  updatedAt!: Date;

  /** Not exposed: the draft title, for approval checks in field resolvers. */
  draftTitle!: string;
}

@ObjectType({ description: 'The result of publishing a course.' })
export class PublishResult {
  @Field(() => Int, { description: 'The version number just published.' })
  publishedVersionNumber!: number;

  @Field(() => [String], { description: 'What changed since the previous version.' })
  changes!: string[];

  @Field(() => EditableCourse, {
    description: 'The course, now with a fresh draft of the next version.',
  })
  course!: EditableCourse;
}

@ObjectType({ description: 'A course in an instructor’s or admin’s list.' })
export class ManagedCourse {
  @Field(() => ID, { description: 'Course id.' })
  id!: string;

  @Field(() => String, { description: 'URL slug.' })
  slug!: string;

  @Field(() => CourseStatus, { description: 'Lifecycle status.' })
  status!: CourseStatus;

  @Field(() => String, { description: 'Title of the working draft.' })
  title!: string;

  @Field(() => String, { description: 'The owner’s name.' })
  ownerName!: string;

  @Field(() => Int, { description: 'Revision of the draft.' })
  revision!: number;

  @Field(() => Int, { nullable: true, description: 'Latest published version number.' })
  latestPublishedVersionNumber!: number | null;

  @Field(() => DateTimeResolver, { description: 'When the course was created.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { description: 'Last change to the course record.' })
  updatedAt!: Date;
}

export const ManagedCourseConnection = Connection(ManagedCourse, 'ManagedCourse', 'managed course');

@InputType({ description: 'A course’s details.' })
export class CourseDetailsInput {
  @Field(() => String, { description: 'Title, at most 200 characters.' })
  title!: string;

  @Field(() => String, { description: 'One-paragraph summary, at most 1,000 characters.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Longer description (Markdown).' })
  description?: string;

  @Field(() => CourseKind, { description: 'Exam prep or continuing education.' })
  kind!: CourseKind;

  @Field(() => CourseLevel, {
    nullable: true,
    description: 'Expected prior knowledge (default BEGINNER).',
  })
  level?: CourseLevel;

  @Field(() => Int, { nullable: true, description: 'Price in US cents; 0 or omitted for free.' })
  priceCents?: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Cover image: an uploaded file’s /media/covers/… URL (POST /media) or an https URL.',
  })
  coverImageUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Alt text of the cover image, at most 250 characters; required with a cover.',
  })
  coverImageAlt?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Completion rule: share (0–100) of each lesson’s estimated time required before completing it.',
  })
  minimumLessonTimePercent?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Completion rule: total study minutes required.',
  })
  minimumSeatMinutes?: number;
}

@InputType({ description: 'A lesson’s content and settings.' })
export class LessonInput {
  @Field(() => String, { description: 'Title, at most 200 characters.' })
  title!: string;

  @Field(() => LessonKind, { description: 'TEXT, VIDEO or QUIZ.' })
  kind!: LessonKind;

  @Field(() => String, { nullable: true, description: 'Markdown text, at most 200 KB.' })
  body?: string;

  @Field(() => String, {
    nullable: true,
    description: 'YouTube, Vimeo or .mp4 URL; required for VIDEO.',
  })
  videoUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'Video length in seconds.' })
  videoSeconds?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'WebVTT captions of an MP4 video: the /media/captions/….vtt URL of an upload (POST /media, kind captions).',
  })
  captionsUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Language of the captions as a BCP 47 tag (en, es, en-US); required with captions.',
  })
  captionsLanguage?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name players show for the captions (English); required with captions.',
  })
  captionsLabel?: string | null;

  @Field(() => Int, { description: 'Estimated instructional minutes (0–1440).' })
  estimatedMinutes!: number;

  @Field(() => Boolean, { nullable: true, description: 'Required for completion (default true).' })
  required?: boolean;
}

@InputType({ description: 'A credit approval held for the course.' })
export class CreditApprovalInput {
  @Field(() => CreditBody, { description: 'The approving body.' })
  body!: CreditBody;

  @Field(() => String, {
    nullable: true,
    description: 'The body’s name; required when body is OTHER.',
  })
  bodyName?: string | null;

  @Field(() => String, { description: 'Approval or index number.' })
  approvalNumber!: string;

  @Field(() => String, { description: 'The program title exactly as approved.' })
  approvedTitle!: string;

  @Field(() => String, {
    description: 'Approved CEUs as a decimal with up to two places, e.g. "1.50".',
  })
  ceuAmount!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Category, e.g. "core" (default) or a specialty.',
  })
  category?: string;

  @Field(() => String, { description: 'First valid day, YYYY-MM-DD.' })
  validFrom!: string;

  @Field(() => String, { description: 'Last valid day, YYYY-MM-DD.' })
  validUntil!: string;
}
