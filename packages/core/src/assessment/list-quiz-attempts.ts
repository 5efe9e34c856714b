import type { AttemptStatus, Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import { decodeTimeCursor, type Page, pageArgsSchema, toPage } from '../pagination/keyset';
import { attemptSummarySelect } from './attempt-views';
import { manageableQuizFamily } from './statistics';

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

export interface ListQuizAttemptsOptions {
  db: Db;
  viewer: Viewer | null;
  quizId: string;
  first: number;
  after?: string | null;
}

/** Attempts at a quiz (every version of it), newest first, for the course's instructors. */
export async function listQuizAttempts(
  options: ListQuizAttemptsOptions,
): Promise<Page<QuizAttemptRow>> {
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
        ...attemptSummarySelect,
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
