import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ApprovalStatus } from '../approvals/approval-status.enum';
import { CourseKind, CourseLevel, CreditBody, LessonKind } from '../common/enums';
import { PageInfo } from '../common/page-info';
import type { CourseParts } from './course-parts';

@ObjectType({
  simpleResolvers: true,
  description: 'A professional credential an instructor holds, e.g. CPC since 2015.',
})
export class InstructorCredential {
  @Field(() => String, { description: 'The credential’s abbreviation, e.g. "CPC" or "CRC".' })
  credential!: string;

  @Field(() => Int, { description: 'Year the credential was awarded.' })
  awardedYear!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A course’s instructor, as shown publicly.',
})
export class Instructor {
  @Field(() => ID, { description: 'User id.' })
  id!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Biography and professional credentials.' })
  bio!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Continuing-education credit a course carries. The approval (index) number is not shown here: learners see it on their certificate after completion.',
})
export class CreditOffering {
  @Field(() => CreditBody, { description: 'The approving body.' })
  body!: CreditBody;

  @Field(() => String, { nullable: true, description: 'The body’s name when body is OTHER.' })
  bodyName!: string | null;

  @Field(() => String, {
    description:
      'CEUs the body approved, a decimal with two places (e.g. "1.50"). Bodies’ units differ: never add them.',
  })
  ceuAmount!: string;

  @Field(() => String, { description: 'Credit category, e.g. "core" or a specialty.' })
  category!: string;

  @Field(() => DateTimeResolver, { description: 'First day the approval is valid (UTC midnight).' })
  validFrom!: Date;

  @Field(() => DateTimeResolver, { description: 'Last day the approval is valid (UTC midnight).' })
  validUntil!: Date;

  @Field(() => ApprovalStatus, { description: 'Where the approval stands today.' })
  status!: ApprovalStatus;

  @Field(() => Boolean, {
    description:
      'Whether enrolling today can still earn this credit (false once the approval expired: the course is sold without it).',
  })
  available!: boolean;

  @Field(() => Boolean, {
    description:
      'True when the approval ends before a typical learner could finish the course (one instructional hour per week, at least 7 days).',
  })
  endsBeforeTypicalCompletion!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What a buyer must be told about this credit; null when nothing.',
  })
  notice!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A lesson as listed in a syllabus (no content).',
})
export class LessonOutline {
  @Field(() => ID, { description: 'Lesson id.' })
  id!: string;

  @Field(() => String, { description: 'Lesson title.' })
  title!: string;

  @Field(() => LessonKind, { description: 'Kind of lesson.' })
  kind!: LessonKind;

  @Field(() => Int, { description: 'Estimated instructional minutes.' })
  estimatedMinutes!: number;

  @Field(() => Boolean, { description: 'Whether completion requires this lesson.' })
  required!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A module (section) of a course’s syllabus.',
})
export class CourseModule {
  @Field(() => ID, { description: 'Module id.' })
  id!: string;

  @Field(() => String, { description: 'Module title.' })
  title!: string;

  @Field(() => Int, { description: 'Order in the syllabus, from 1.' })
  position!: number;

  @Field(() => [LessonOutline], { description: 'Lessons in order.' })
  lessons!: LessonOutline[];
}

@ObjectType('Course', {
  simpleResolvers: true,
  description: 'A published course as the catalog shows it: its latest published version.',
})
export class CourseType {
  @Field(() => ID, { description: 'Course id (stable across versions).' })
  id!: string;

  @Field(() => String, { description: 'URL slug, unique.' })
  slug!: string;

  @Field(() => String, { description: 'Title of the latest published version.' })
  title!: string;

  @Field(() => String, { description: 'One-paragraph summary.' })
  summary!: string;

  @Field(() => String, { description: 'Longer description (Markdown source).' })
  description!: string;

  @Field(() => CourseKind, { description: 'Exam prep or continuing education.' })
  kind!: CourseKind;

  @Field(() => CourseLevel, { description: 'Expected prior knowledge.' })
  level!: CourseLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Cover image URL: /media/covers/… (uploaded, on the web app’s origin) or https.',
  })
  coverImageUrl!: string | null;

  @Field(() => String, { description: 'Alt text of the cover image ("" without a cover).' })
  coverImageAlt!: string;

  @Field(() => Int, { description: 'Total instructional minutes of the published version.' })
  instructionalMinutes!: number;

  @Field(() => Int, { description: 'Number of the published version shown (1, 2, ...).' })
  versionNumber!: number;

  @Field(() => DateTimeResolver, { description: 'When the course was first published.' })
  publishedAt!: Date;

  /** Not exposed: used by field resolvers. */
  ownerId!: string;
  versionId!: string;
  priceCents!: number;
  currency!: string;
  /** Not exposed: the parts a catalog page read ahead for its courses (course-parts.ts). */
  parts?: CourseParts;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An edge in a course connection.',
})
export class CourseEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge.' })
  cursor!: string;

  @Field(() => CourseType, { description: 'The course.' })
  node!: CourseType;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A page of courses (Relay connection).',
})
export class CourseConnection {
  @Field(() => [CourseEdge], { description: 'The courses on this page, in order.' })
  edges!: CourseEdge[];

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: 'Number of courses matching the search and filters, across all pages.',
  })
  totalCount!: number;
}
