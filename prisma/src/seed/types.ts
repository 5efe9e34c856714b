// The demo catalogue is written in the factories' own shapes (src/factories): the seed builds
// it with createCourse, as tests build theirs.
import type {
  ApprovalSpec,
  CourseSpec,
  LessonSpec,
  ModuleSpec,
  QuestionSpec,
  QuizSpec,
} from '../factories';
import type { CourseLevel } from '../generated/client';

/** A demo question: every one explains its answer. */
export type DemoQuestion = QuestionSpec & { rationale: string };

export type DemoQuiz = Omit<QuizSpec, 'questions'> & { questions: DemoQuestion[] };

export type DemoLesson = Omit<LessonSpec, 'quiz' | 'kind'> & {
  estimatedMinutes: number;
  /** Markdown. */
  body: string;
  /** Makes the lesson a QUIZ lesson with this quiz. */
  quiz?: DemoQuiz;
};

export type DemoModule = Omit<ModuleSpec, 'lessons'> & { lessons: DemoLesson[] };

/**
 * The demo approvals are dated relative to the seeding day (approvalDates in
 * src/factories/courses.ts), so a database seeded in any year has approvals that are valid, for
 * at most one year; the approved title is always the version title (docs/domain.md: approval is
 * per exact title).
 */
export type DemoCreditApproval = Pick<
  ApprovalSpec,
  'body' | 'bodyName' | 'category' | 'approvalNumber'
> & { approvalNumber: string; ceuAmount: string };

export type DemoCourse = Pick<
  CourseSpec,
  'summary' | 'kind' | 'priceCents' | 'minimumLessonTimePercent'
> & {
  slug: string;
  ownerEmail: string;
  title: string;
  summary: string;
  description: string;
  kind: NonNullable<CourseSpec['kind']>;
  level: CourseLevel;
  priceCents: number;
  /** false: a DRAFT course whose only version is unpublished. */
  published: boolean;
  modules: DemoModule[];
  creditApprovals?: DemoCreditApproval[];
};
