import type {
  CodeSystem,
  CourseKind,
  CourseLevel,
  CourseStatus,
  CreditBody,
  ExamArea,
  LessonContent,
  Prisma,
  QuestionType,
  QuizMode,
} from '@lms/db';
import {
  creditApprovalTermsSelect,
  lessonContentSelect,
  quizSettingsSelect,
  versionDetailsSelect,
} from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import type { DbOrTx } from '../db/tx';
import { approvalPublicationProblems } from './approval-rules';
import { type ApprovalStatus, approvalStatus } from './approval-status';

export interface EditableLesson extends LessonContent {
  id: string;
  key: string;
  position: number;
  /** The quiz of a QUIZ lesson (null until configured), key included: instructors only. */
  quiz: EditableQuiz | null;
}

export interface EditableQuestionOption {
  id: string;
  position: number;
  text: string;
  correct: boolean;
}

export interface EditableQuestion {
  id: string;
  key: string;
  position: number;
  type: QuestionType;
  prompt: string;
  rationale: string;
  area: ExamArea;
  codeSetYear: number | null;
  codeSystem: CodeSystem | null;
  /** CODE_SET: the release the key is checked against (null: flagged or none loaded). */
  codeSetReleaseId: string | null;
  codeSetRelease: { name: string } | null;
  points: number;
  acceptedAnswers: string[];
  answerCodes: string[];
  options: EditableQuestionOption[];
}

export interface EditableQuiz {
  id: string;
  mode: QuizMode;
  passPercent: number;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
  questionsPerAttempt: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  allowReview: boolean;
  questions: EditableQuestion[];
}

export interface EditableModule {
  id: string;
  key: string;
  position: number;
  title: string;
  lessons: EditableLesson[];
}

export interface EditableCreditApproval {
  id: string;
  key: string;
  body: CreditBody;
  bodyName: string | null;
  approvalNumber: string;
  approvedTitle: string;
  ceuAmount: string;
  category: string;
  validFrom: Date;
  validUntil: Date;
}

export interface VersionContent {
  id: string;
  number: number;
  title: string;
  summary: string;
  description: string;
  kind: CourseKind;
  level: CourseLevel;
  priceCents: number;
  currency: string;
  coverImageUrl: string | null;
  coverImageAlt: string;
  minimumLessonTimePercent: number;
  minimumSeatMinutes: number;
  revision: number;
  publishedAt: Date | null;
  updatedAt: Date;
  modules: EditableModule[];
  creditApprovals: EditableCreditApproval[];
}

export interface EditableCourse {
  id: string;
  slug: string;
  status: CourseStatus;
  ownerId: string;
  viewerIsOwner: boolean;
  publishedAt: Date | null;
  latestPublishedVersionNumber: number | null;
  draft: VersionContent;
  /** Total instructional minutes of the draft's lessons. */
  instructionalMinutes: number;
  /**
   * Per approval id: why publishing would refuse it today (expired, AAPC title, AAPC longer than
   * a year or without a post-test, AHIMA on exam prep), or null.
   */
  approvalProblems: Record<string, string | null>;
  /** Per approval id: its lifecycle status today (VALID, EXPIRING, EXPIRED, NOT_YET_VALID). */
  approvalStatuses: Record<string, ApprovalStatus>;
}

const lessonSelect = {
  id: true,
  key: true,
  position: true,
  ...lessonContentSelect,
  quiz: {
    select: {
      id: true,
      ...quizSettingsSelect,
      questions: {
        orderBy: { position: 'asc' as const },
        select: {
          id: true,
          key: true,
          position: true,
          type: true,
          prompt: true,
          rationale: true,
          area: true,
          codeSetYear: true,
          codeSystem: true,
          codeSetReleaseId: true,
          codeSetRelease: { select: { name: true } },
          points: true,
          acceptedAnswers: true,
          answerCodes: true,
          options: {
            orderBy: { position: 'asc' as const },
            select: { id: true, position: true, text: true, correct: true },
          },
        },
      },
    },
  },
} as const;

const versionSelect = {
  id: true,
  number: true,
  ...versionDetailsSelect,
  minimumLessonTimePercent: true,
  minimumSeatMinutes: true,
  revision: true,
  publishedAt: true,
  updatedAt: true,
  modules: {
    orderBy: { position: 'asc' as const },
    select: {
      id: true,
      key: true,
      position: true,
      title: true,
      lessons: { orderBy: { position: 'asc' as const }, select: lessonSelect },
    },
  },
  creditApprovals: {
    orderBy: [{ body: 'asc' as const }, { createdAt: 'asc' as const }],
    select: {
      id: true,
      key: true,
      ...creditApprovalTermsSelect,
    },
  },
} satisfies Prisma.CourseVersionSelect;

/** A version's whole content (details, syllabus, approvals), e.g. for diffs and previews. */
export async function loadVersionContent(tx: DbOrTx, versionId: string): Promise<VersionContent> {
  const version = await tx.courseVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: versionSelect,
  });
  return {
    ...version,
    creditApprovals: version.creditApprovals.map((approval) => ({
      ...approval,
      ceuAmount: approval.ceuAmount.toFixed(2),
    })),
  };
}

/** The instructor's working copy of a course: its draft, with everything the editor shows. */
export async function getEditableCourse(options: {
  db: DbOrTx;
  viewer: Viewer | null;
  courseId: string;
  now?: Date;
}): Promise<EditableCourse> {
  const course = await findManageableCourse(options.db, options.viewer, options.courseId);
  if (!course.draftVersionId) throw new Error(`course ${course.id} has no draft version`);
  const [draft, latest] = await Promise.all([
    loadVersionContent(options.db, course.draftVersionId),
    course.latestPublishedVersionId
      ? options.db.courseVersion.findUnique({
          where: { id: course.latestPublishedVersionId },
          select: { number: true },
        })
      : null,
  ]);
  return {
    id: course.id,
    slug: course.slug,
    status: course.status,
    ownerId: course.ownerId,
    viewerIsOwner: course.viewerIsOwner,
    publishedAt: course.publishedAt,
    latestPublishedVersionNumber: latest?.number ?? null,
    draft,
    instructionalMinutes: instructionalMinutes(draft),
    approvalProblems: Object.fromEntries(
      draft.creditApprovals.map((approval) => [
        approval.id,
        approvalPublicationProblems(approval, draft, options.now ?? new Date()).join(' ') || null,
      ]),
    ),
    approvalStatuses: Object.fromEntries(
      draft.creditApprovals.map((approval) => [
        approval.id,
        approvalStatus(approval, options.now ?? new Date()),
      ]),
    ),
  };
}

/** Total instructional minutes of a version's syllabus. */
export function instructionalMinutes(content: Pick<VersionContent, 'modules'>): number {
  return content.modules
    .flatMap((module) => module.lessons)
    .reduce((sum, lesson) => sum + lesson.estimatedMinutes, 0);
}
