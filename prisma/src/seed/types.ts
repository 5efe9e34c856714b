import type {
  CodeSystem,
  CourseKind,
  CourseLevel,
  CreditBody,
  ExamArea,
  QuestionType,
  QuizMode,
} from '../generated/client';

export interface DemoLesson {
  title: string;
  estimatedMinutes: number;
  /** Markdown. */
  body: string;
  required?: boolean;
  /** Makes the lesson a QUIZ lesson with this quiz. */
  quiz?: DemoQuiz;
}

/** A demo question; TRUE_FALSE questions list the options True and False themselves. */
export interface DemoQuestion {
  type: QuestionType;
  /** Markdown. */
  prompt: string;
  /** Markdown, shown in the review after submission. */
  rationale: string;
  area?: ExamArea;
  codeSetYear?: number;
  points?: number;
  options?: { text: string; correct?: boolean }[];
  acceptedAnswers?: string[];
  codeSystem?: CodeSystem;
  answerCodes?: string[];
}

export interface DemoQuiz {
  mode: QuizMode;
  passPercent: number;
  timeLimitMinutes?: number;
  maxAttempts?: number;
  questionsPerAttempt?: number;
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
  allowReview?: boolean;
  questions: DemoQuestion[];
}

export interface DemoModule {
  title: string;
  lessons: DemoLesson[];
}

export interface DemoCreditApproval {
  body: CreditBody;
  bodyName?: string;
  approvalNumber: string;
  ceuAmount: string;
  category?: string;
  /**
   * The demo approvals are dated relative to the seeding day (see approvalDates in seed.ts),
   * so a database seeded in any year has approvals that are valid, for at most one year.
   */
}

export interface DemoCourse {
  slug: string;
  ownerEmail: string;
  title: string;
  summary: string;
  description: string;
  kind: CourseKind;
  /**
   * Completion rule: share of each lesson's estimated time to spend on it (0 when absent).
   * Credit-bearing demo courses set it, as authoring does for a draft's first approval.
   */
  minimumLessonTimePercent?: number;
  level: CourseLevel;
  priceCents: number;
  /** false: a DRAFT course whose only version is unpublished. */
  published: boolean;
  modules: DemoModule[];
  /** The approved title is always the version title (docs/domain.md: approval is per exact title). */
  creditApprovals?: DemoCreditApproval[];
}
