import type { AttemptStatus, Db, ExamArea, QuestionType, QuizMode } from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { decodeTimeCursor, type Page, pageArgsSchema, toPage } from '../pagination/keyset';
import { attemptTotals, questionStatistics, scoreDistribution } from './sql';

export interface QuestionStatistics {
  /** Cross-version identity of the question. */
  questionKey: string;
  /** The question's id in the quiz asked about (null when it is no longer in that quiz). */
  questionId: string | null;
  position: number | null;
  type: QuestionType;
  area: ExamArea;
  prompt: string;
  maxPoints: number;
  /** Submitted attempts that drew the question. */
  drawn: number;
  /** Submitted attempts with a graded answer to it. */
  answered: number;
  fullyCorrect: number;
  /** Average points over the attempts that answered it (null when none did). */
  averagePoints: number | null;
}

export interface ScoreBucket {
  /** 0, 10, … 90. */
  fromPercent: number;
  /** 9.99, 19.99, … 100. */
  toPercent: number;
  count: number;
}

export interface QuizStatistics {
  quizId: string;
  courseId: string;
  lessonTitle: string;
  mode: QuizMode;
  passPercent: number;
  /** Quiz ids of every version of this lesson's quiz that the statistics cover. */
  quizIds: string[];
  submittedAttempts: number;
  inProgressAttempts: number;
  averagePercent: number | null;
  passRate: number | null;
  distribution: ScoreBucket[];
  questions: QuestionStatistics[];
}

export interface QuizAttemptRow {
  id: string;
  createdAt: Date;
  learnerId: string;
  learnerName: string;
  learnerEmail: string;
  versionNumber: number;
  number: number;
  status: AttemptStatus;
  startedAt: Date;
  submittedAt: Date | null;
  scorePercent: number | null;
  passed: boolean | null;
}

/**
 * The quiz and every version of it (quizzes of the lessons sharing its lesson key in the same
 * course), when the viewer manages the course; anyone else: NOT_FOUND.
 */
async function manageableQuizFamily(db: Db, viewer: Viewer | null, quizId: string) {
  const quiz = isUuid(quizId)
    ? await db.quiz.findUnique({
        where: { id: quizId },
        select: {
          id: true,
          mode: true,
          passPercent: true,
          lesson: {
            select: {
              key: true,
              title: true,
              module: { select: { version: { select: { courseId: true } } } },
            },
          },
        },
      })
    : null;
  if (!quiz) {
    findViewerOrThrow(viewer);
    throw AppError.notFound('Quiz');
  }
  const courseId = quiz.lesson.module.version.courseId;
  try {
    await findManageableCourse(db, viewer, courseId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw AppError.notFound('Quiz');
    throw error;
  }
  const family = await db.quiz.findMany({
    where: { lesson: { key: quiz.lesson.key, module: { version: { courseId } } } },
    select: { id: true },
  });
  return { quiz, courseId, quizIds: family.map((row) => row.id) };
}

function findViewerOrThrow(viewer: Viewer | null) {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to do this.');
}

/**
 * Per-question statistics, score distribution and totals of a quiz across all published
 * versions of its lesson, for the course's instructors and admins.
 */
export async function getQuizStatistics(options: {
  db: Db;
  viewer: Viewer | null;
  quizId: string;
}): Promise<QuizStatistics> {
  const { db } = options;
  const { quiz, courseId, quizIds } = await manageableQuizFamily(
    db,
    options.viewer,
    options.quizId,
  );

  const [questionRows, perQuestion, buckets, totals] = await Promise.all([
    db.question.findMany({
      where: { quizId: { in: quizIds } },
      select: {
        id: true,
        key: true,
        quizId: true,
        position: true,
        type: true,
        area: true,
        prompt: true,
        points: true,
      },
    }),
    questionStatistics(db, quizIds),
    scoreDistribution(db, quizIds),
    attemptTotals(db, quizIds),
  ]);

  // One row per question key: the asked-about quiz's version of it when it has one.
  const byKey = new Map<string, (typeof questionRows)[number]>();
  for (const row of questionRows) {
    const current = byKey.get(row.key);
    if (!current || row.quizId === quiz.id) byKey.set(row.key, row);
  }
  const stats = new Map(perQuestion.map((row) => [row.key, row]));
  const questions = [...byKey.values()]
    .map((row) => {
      const stat = stats.get(row.key);
      const inQuiz = row.quizId === quiz.id;
      return {
        questionKey: row.key,
        questionId: inQuiz ? row.id : null,
        position: inQuiz ? row.position : null,
        type: row.type,
        area: row.area,
        prompt: row.prompt,
        maxPoints: row.points,
        drawn: stat?.drawn ?? 0,
        answered: stat?.answered ?? 0,
        fullyCorrect: stat?.fullyCorrect ?? 0,
        averagePoints: stat?.averagePoints ? Number(stat.averagePoints) : null,
      };
    })
    .sort(
      (a, b) =>
        (a.position ?? 100_000) - (b.position ?? 100_000) ||
        a.questionKey.localeCompare(b.questionKey),
    );

  const counts = new Map(buckets.map((row) => [row.bucket, row.count]));
  const distribution = Array.from({ length: 10 }, (_, index) => ({
    fromPercent: index * 10,
    toPercent: index === 9 ? 100 : index * 10 + 9.99,
    count: counts.get(index) ?? 0,
  }));
  const total = totals[0]!;
  return {
    quizId: quiz.id,
    courseId,
    lessonTitle: quiz.lesson.title,
    mode: quiz.mode,
    passPercent: quiz.passPercent,
    quizIds,
    submittedAttempts: total.submitted,
    inProgressAttempts: total.inProgress,
    averagePercent: total.average === null ? null : Number(total.average),
    passRate:
      total.submitted === 0 ? null : Math.round((total.passed / total.submitted) * 10_000) / 100,
    distribution,
    questions,
  };
}

/** Attempts at a quiz (every version of it), newest first, for the course's instructors. */
export async function listQuizAttempts(options: {
  db: Db;
  viewer: Viewer | null;
  quizId: string;
  first: number;
  after?: string | null;
}): Promise<Page<QuizAttemptRow>> {
  const args = parseInput(pageArgsSchema, { first: options.first, after: options.after });
  const { quizIds } = await manageableQuizFamily(options.db, options.viewer, options.quizId);
  const where = { quizId: { in: quizIds } };
  const cursor = args.after ? decodeTimeCursor(args.after) : null;
  const keyset = cursor
    ? {
        OR: [
          { startedAt: { lt: cursor.createdAt } },
          { startedAt: cursor.createdAt, id: { lt: cursor.id } },
        ],
      }
    : {};
  const [rows, totalCount] = await Promise.all([
    options.db.quizAttempt.findMany({
      where: { ...where, ...keyset },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      take: args.first + 1,
      select: {
        id: true,
        number: true,
        status: true,
        startedAt: true,
        submittedAt: true,
        scorePercent: true,
        passed: true,
        quiz: {
          select: {
            lesson: { select: { module: { select: { version: { select: { number: true } } } } } },
          },
        },
        enrollment: { select: { user: { select: { id: true, name: true, email: true } } } },
      },
    }),
    options.db.quizAttempt.count({ where }),
  ]);
  const mapped: QuizAttemptRow[] = rows.map((row) => ({
    id: row.id,
    createdAt: row.startedAt,
    learnerId: row.enrollment.user.id,
    learnerName: row.enrollment.user.name,
    learnerEmail: row.enrollment.user.email,
    versionNumber: row.quiz.lesson.module.version.number,
    number: row.number,
    status: row.status,
    startedAt: row.startedAt,
    submittedAt: row.submittedAt,
    scorePercent: row.scorePercent?.toNumber() ?? null,
    passed: row.passed,
  }));
  return toPage(mapped, args.first, args.after, totalCount);
}
