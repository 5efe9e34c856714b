import { copyVersionAsDraft } from '../copy-version';
import type {
  CodeSystem,
  CourseKind,
  CourseLevel,
  CourseStatus,
  CreditBody,
  ExamArea,
  LessonKind,
  Prisma,
  QuestionType,
  QuizMode,
} from '../generated/client';
import { markVersionPublished } from '../publish-version';
import { uniqueSuffix } from './sequence';

type Client = Prisma.TransactionClient;

/** A question; TRUE_FALSE questions list the options True and False themselves. */
export interface QuestionSpec {
  type: QuestionType;
  /** Markdown. */
  prompt: string;
  /** Markdown, shown in the review after submission. */
  rationale?: string;
  area?: ExamArea;
  codeSetYear?: number;
  points?: number;
  options?: { text: string; correct?: boolean }[];
  acceptedAnswers?: string[];
  codeSystem?: CodeSystem;
  answerCodes?: string[];
}

/** The options of a TRUE_FALSE question whose answer is `answer`. */
export function trueFalseOptions(answer: boolean): { text: string; correct: boolean }[] {
  return [
    { text: 'True', correct: answer },
    { text: 'False', correct: !answer },
  ];
}

export interface QuizSpec {
  mode: QuizMode;
  passPercent: number;
  timeLimitMinutes?: number;
  maxAttempts?: number;
  questionsPerAttempt?: number;
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
  allowReview?: boolean;
  questions: QuestionSpec[];
}

export interface LessonSpec {
  title: string;
  /** Markdown (default empty). */
  body?: string;
  estimatedMinutes?: number;
  required?: boolean;
  /** Default TEXT, or QUIZ when the lesson has a quiz. */
  kind?: LessonKind;
  /** Makes the lesson a QUIZ lesson with this quiz. */
  quiz?: QuizSpec;
}

export interface ModuleSpec {
  title: string;
  lessons: LessonSpec[];
}

export interface ApprovalSpec {
  body: CreditBody;
  bodyName?: string;
  /** Default `<body>-TEST-<unique>`. */
  approvalNumber?: string;
  /** Default: the version title (docs/domain.md: an approval is for the exact title). */
  approvedTitle?: string;
  /** Default '1.00'. */
  ceuAmount?: string;
  category?: string;
  /** Default: approvalDates(today): valid from 30 days ago for one year. */
  validFrom?: Date;
  validUntil?: Date;
}

export interface CourseSpec {
  ownerId: string;
  /** Default `course-<unique>`. */
  slug?: string;
  /** Default `Course <unique>`. */
  title?: string;
  summary?: string;
  description?: string;
  kind?: CourseKind;
  level?: CourseLevel;
  priceCents?: number;
  minimumLessonTimePercent?: number;
  /** Default: the sum of the lessons' estimated minutes. */
  instructionalMinutes?: number;
  /** Default: one module with one 30-minute text lesson. */
  modules?: ModuleSpec[];
  creditApprovals?: ApprovalSpec[];
  /**
   * Default PUBLISHED. DRAFT: an unpublished version 1 that is the course's draft. Any other
   * status: version 1 published (content frozen with its full-text document, as authoring
   * publishes) and the course pointing at it (UNPUBLISHED and ARCHIVED keep the pointer).
   */
  status?: CourseStatus;
  publishedAt?: Date;
  /** Who published version 1 (default: nobody recorded, as the seed publishes). */
  publishedById?: string;
  /** Co-instructors (CourseInstructor rows with role INSTRUCTOR), in this order. */
  coInstructorIds?: string[];
  /** After publication, a draft of version 2 copied from it, as authoring leaves a course. */
  withNextDraft?: boolean;
}

export interface CreatedCourse {
  course: { id: string; slug: string; ownerId: string };
  /** Version 1. */
  version: { id: string; title: string };
  /** Version 1's lessons, module by module, in order. */
  lessons: { id: string; kind: LessonKind; title: string }[];
  /** The draft's id (version 1 for a DRAFT course, version 2 with withNextDraft). */
  draftVersionId: string | null;
}

const DEFAULT_MODULES: ModuleSpec[] = [
  { title: 'Module one', lessons: [{ title: 'Lesson one', estimatedMinutes: 30 }] },
];

/**
 * A course built the way authoring builds one: the owner (and co-instructors) as instructors,
 * version 1 with its syllabus, quizzes and approvals, then (unless DRAFT) published.
 */
export async function createCourse(db: Client, spec: CourseSpec): Promise<CreatedCourse> {
  const suffix = uniqueSuffix();
  const status = spec.status ?? 'PUBLISHED';
  const title = spec.title ?? `Course ${suffix}`;
  const modules = spec.modules ?? DEFAULT_MODULES;
  const instructionalMinutes =
    spec.instructionalMinutes ??
    modules.flatMap((m) => m.lessons).reduce((sum, l) => sum + (l.estimatedMinutes ?? 0), 0);
  const published = status !== 'DRAFT';
  const publishedAt = published ? (spec.publishedAt ?? new Date()) : null;

  const course = await db.course.create({
    data: {
      slug: spec.slug ?? `course-${suffix}`,
      ownerId: spec.ownerId,
      status,
      publishedAt,
      instructors: {
        create: [
          { userId: spec.ownerId, role: 'OWNER' },
          ...(spec.coInstructorIds ?? []).map((userId, index) => ({
            userId,
            role: 'INSTRUCTOR' as const,
            addedAt: new Date(Date.UTC(2026, 0, 1, 0, index + 1)),
          })),
        ],
      },
    },
    select: { id: true, slug: true, ownerId: true },
  });
  const version = await db.courseVersion.create({
    data: {
      courseId: course.id,
      number: 1,
      title,
      summary: spec.summary ?? 'A summary.',
      description: spec.description ?? '',
      kind: spec.kind ?? 'CE',
      level: spec.level,
      priceCents: spec.priceCents ?? 0,
      minimumLessonTimePercent: spec.minimumLessonTimePercent ?? 0,
      instructionalMinutes,
      modules: {
        create: modules.map((module, moduleIndex) => ({
          position: moduleIndex + 1,
          title: module.title,
          lessons: {
            create: module.lessons.map((lesson, lessonIndex) => lessonData(lesson, lessonIndex)),
          },
        })),
      },
      creditApprovals: {
        create: (spec.creditApprovals ?? []).map((approval, index) => ({
          body: approval.body,
          bodyName: approval.bodyName ?? null,
          approvalNumber: approval.approvalNumber ?? `${approval.body}-TEST-${suffix}-${index}`,
          approvedTitle: approval.approvedTitle ?? title,
          ceuAmount: approval.ceuAmount ?? '1.00',
          category: approval.category ?? 'core',
          ...defaultDates(approval),
        })),
      },
    },
    select: {
      id: true,
      title: true,
      modules: {
        orderBy: { position: 'asc' },
        select: {
          lessons: { orderBy: { position: 'asc' }, select: { id: true, kind: true, title: true } },
        },
      },
    },
  });
  const lessons = version.modules.flatMap((m) => m.lessons);

  let draftVersionId: string | null = null;
  if (!published) {
    draftVersionId = version.id;
    await db.course.update({ where: { id: course.id }, data: { draftVersionId } });
  } else {
    await markVersionPublished(db, [version.id], publishedAt!, spec.publishedById ?? null);
    // As after any publication, instructors keep editing a draft of the next version.
    if (spec.withNextDraft) draftVersionId = await copyVersionAsDraft(db, version.id, 2, 1);
    await db.course.update({
      where: { id: course.id },
      data: { latestPublishedVersionId: version.id, draftVersionId },
    });
  }
  return { course, version: { id: version.id, title: version.title }, lessons, draftVersionId };
}

function lessonData(lesson: LessonSpec, index: number) {
  const { questions, ...settings } = lesson.quiz ?? { questions: [] };
  return {
    position: index + 1,
    title: lesson.title,
    kind: lesson.kind ?? (lesson.quiz ? ('QUIZ' as const) : ('TEXT' as const)),
    body: lesson.body,
    estimatedMinutes: lesson.estimatedMinutes ?? 0,
    required: lesson.required ?? true,
    ...(lesson.quiz && {
      quiz: {
        create: {
          ...settings,
          questions: {
            create: questions.map(({ options = [], ...question }, questionIndex) => ({
              ...question,
              position: questionIndex + 1,
              options: {
                create: options.map((option, optionIndex) => ({
                  text: option.text,
                  correct: option.correct ?? false,
                  position: optionIndex + 1,
                })),
              },
            })),
          },
        },
      },
    }),
  };
}

function defaultDates(approval: ApprovalSpec): { validFrom: Date; validUntil: Date } {
  const dates = approvalDates(new Date());
  return {
    validFrom: approval.validFrom ?? dates.validFrom,
    validUntil: approval.validUntil ?? dates.validUntil,
  };
}

/**
 * Approval dates relative to a day: valid from 30 days before it until the day before the
 * anniversary of that start (one year, AAPC's term), so an approval made today is neither
 * expired nor over-long, whatever year it is made in.
 */
export function approvalDates(day: Date): { validFrom: Date; validUntil: Date } {
  const today = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const validFrom = new Date(today - 30 * 86_400_000);
  const anniversary = Date.UTC(
    validFrom.getUTCFullYear() + 1,
    validFrom.getUTCMonth(),
    validFrom.getUTCDate(),
  );
  return { validFrom, validUntil: new Date(anniversary - 86_400_000) };
}
