import type { Prisma } from './generated/client';

/**
 * Column groups that several reads select the same way (core's use cases and the draft copy
 * here): one list each, so a new column is added in one place. Spread into a `select`.
 */

/** A credit approval's terms: what a certificate prints and a roster or an editor shows. */
export const creditApprovalTermsSelect = {
  body: true,
  bodyName: true,
  approvalNumber: true,
  approvedTitle: true,
  ceuAmount: true,
  category: true,
  validFrom: true,
  validUntil: true,
} as const satisfies Prisma.CreditApprovalSelect;

/** A quiz's settings: how it is taken and graded (its questions are selected apart). */
export const quizSettingsSelect = {
  mode: true,
  passPercent: true,
  timeLimitMinutes: true,
  maxAttempts: true,
  questionsPerAttempt: true,
  shuffleQuestions: true,
  shuffleOptions: true,
  allowReview: true,
} as const satisfies Prisma.QuizSelect;

/** What a course version says about itself: the catalog card, the editor and the draft copy. */
export const versionDetailsSelect = {
  title: true,
  summary: true,
  description: true,
  kind: true,
  level: true,
  priceCents: true,
  currency: true,
  coverImageUrl: true,
  coverImageAlt: true,
} as const satisfies Prisma.CourseVersionSelect;

/** A lesson's content and completion settings (its id, key and place are selected apart). */
export const lessonContentSelect = {
  title: true,
  kind: true,
  body: true,
  videoUrl: true,
  videoSeconds: true,
  captionsUrl: true,
  captionsLanguage: true,
  captionsLabel: true,
  estimatedMinutes: true,
  required: true,
} as const satisfies Prisma.LessonSelect;

/** A lesson's content as `lessonContentSelect` reads it (the editor's and the learner's lesson). */
export type LessonContent = Prisma.LessonGetPayload<{ select: typeof lessonContentSelect }>;
