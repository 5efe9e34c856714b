import type { Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import { type GradebookRow, loadGradebookRows } from '../learning/gradebook';
import { getQuizStatistics, type QuizStatistics } from './get-quiz-statistics';

/** One quiz column of the gradebook: a quiz lesson, whichever versions learners are in. */
export interface GradebookColumn {
  /** The lesson's key, the same in every version (GradebookQuizResult.columnKey). */
  key: string;
  /** The title in the newest version that has the lesson (the draft first). */
  lessonTitle: string;
  /** That version's quiz: its statistics cover every version of the lesson's quiz. */
  quizId: string;
}

export interface GradebookPage {
  /** Every current learner of the course, and how many of them completed it. */
  totalLearners: number;
  completedLearners: number;
  /** Learners matching the search. */
  matching: number;
  page: number;
  pages: number;
  pageSize: number;
  /** This page's learners, by name then email. */
  rows: GradebookRow[];
  /** The quiz columns, in the newest version's order, then lessons only older versions have. */
  columns: GradebookColumn[];
  /** One statistics summary per column (all versions of its quiz together). */
  quizzes: QuizStatistics[];
}

const pageSchema = z.object({
  search: z.string().trim().max(200, 'Keep the search under 200 characters.').nullish(),
  page: z.number().int().min(1, 'Pages start at 1.').default(1),
  pageSize: z
    .number()
    .int()
    .min(1, 'Ask for at least 1 learner.')
    .max(100, 'Ask for at most 100 learners per page.')
    .default(25),
});

/**
 * The gradebook as an instructor reads it, in one call: a page of learners (optionally those
 * whose name or email contains `search`; a page past the last shows the last), the quiz columns
 * with each version's quiz grouped under its lesson, and each quiz's statistics. Strangers get
 * NOT_FOUND (course-access policy).
 */
export async function getGradebookPage(options: {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  search?: string | null;
  page?: number | null;
  pageSize?: number | null;
}): Promise<GradebookPage> {
  const { db } = options;
  const course = await findManageableCourse(db, options.viewer, options.courseId);
  const input = parseInput(pageSchema, {
    search: options.search,
    page: options.page ?? undefined,
    pageSize: options.pageSize ?? undefined,
  });
  const current: Prisma.EnrollmentWhereInput = { courseId: course.id, supersededAt: null };
  const scope: Prisma.EnrollmentWhereInput = input.search
    ? {
        ...current,
        user: {
          OR: [
            { name: { contains: input.search, mode: 'insensitive' } },
            { email: { contains: input.search, mode: 'insensitive' } },
          ],
        },
      }
    : current;
  const [totalLearners, completedLearners, matching, columns] = await Promise.all([
    db.enrollment.count({ where: current }),
    db.enrollment.count({ where: { ...current, completedAt: { not: null } } }),
    input.search ? db.enrollment.count({ where: scope }) : null,
    quizColumns(db, course.id),
  ]);
  const found = matching ?? totalLearners;
  const pages = Math.max(1, Math.ceil(found / input.pageSize));
  const page = Math.min(pages, input.page);
  const [rows, quizzes] = await Promise.all([
    loadGradebookRows(db, scope, {
      orderBy: [{ user: { name: 'asc' } }, { user: { email: 'asc' } }, { id: 'asc' }],
      skip: (page - 1) * input.pageSize,
      take: input.pageSize,
    }),
    Promise.all(
      columns.map((column) =>
        getQuizStatistics({ db, viewer: options.viewer, quizId: column.quizId }),
      ),
    ),
  ]);
  return {
    totalLearners,
    completedLearners,
    matching: found,
    page,
    pages,
    pageSize: input.pageSize,
    rows,
    columns,
    quizzes,
  };
}

/** Quiz lessons of every version, one per lesson key, newest version (the draft) first. */
async function quizColumns(db: Db, courseId: string): Promise<GradebookColumn[]> {
  const lessons = await db.lesson.findMany({
    where: { quiz: { isNot: null }, module: { version: { courseId } } },
    orderBy: [
      { module: { version: { number: 'desc' } } },
      { module: { position: 'asc' } },
      { position: 'asc' },
    ],
    select: { key: true, title: true, quiz: { select: { id: true } } },
  });
  const columns = new Map<string, GradebookColumn>();
  for (const lesson of lessons) {
    if (!lesson.quiz || columns.has(lesson.key)) continue;
    columns.set(lesson.key, { key: lesson.key, lessonTitle: lesson.title, quizId: lesson.quiz.id });
  }
  return [...columns.values()];
}
