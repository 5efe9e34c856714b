import type { Db, EnrollmentStatus, Prisma } from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import type { Viewer } from '../access/viewer';
import { toCsv } from '../common/csv';

export interface GradebookQuizResult {
  quizId: string;
  /** The quiz lesson's key, the same in every version: the gradebook column it belongs in. */
  columnKey: string;
  lessonTitle: string;
  attempts: number;
  bestPercent: string | null;
  passed: boolean;
}

export interface GradebookRow {
  enrollmentId: string;
  learnerName: string;
  learnerEmail: string;
  versionNumber: number;
  status: EnrollmentStatus;
  enrolledAt: Date;
  lastActivityAt: Date | null;
  completedAt: Date | null;
  lessonsCompleted: number;
  lessonsTotal: number;
  progressPercent: number;
  seatMinutes: number;
  quizzes: GradebookQuizResult[];
}

/**
 * Every learner of a course the viewer teaches, with progress and quiz results, in a fixed
 * number of queries. Strangers get NOT_FOUND (course-access policy).
 */
export async function getGradebook(options: {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}): Promise<GradebookRow[]> {
  const course = await findManageableCourse(options.db, options.viewer, options.courseId);
  return loadGradebookRows(
    options.db,
    { courseId: course.id, supersededAt: null },
    {
      orderBy: [{ enrolledAt: 'asc' }, { id: 'asc' }],
    },
  );
}

/** The gradebook rows of the enrolments matching `where`, in a fixed number of queries. */
export async function loadGradebookRows(
  db: Db,
  where: Prisma.EnrollmentWhereInput,
  page: {
    orderBy: Prisma.EnrollmentOrderByWithRelationInput[];
    skip?: number;
    take?: number;
  },
): Promise<GradebookRow[]> {
  const enrollments = await db.enrollment.findMany({
    where,
    orderBy: page.orderBy,
    skip: page.skip,
    take: page.take,
    select: {
      id: true,
      status: true,
      enrolledAt: true,
      lastActivityAt: true,
      completedAt: true,
      user: { select: { name: true, email: true } },
      version: {
        select: {
          number: true,
          modules: {
            orderBy: { position: 'asc' },
            select: {
              lessons: {
                orderBy: { position: 'asc' },
                select: {
                  id: true,
                  key: true,
                  title: true,
                  required: true,
                  quiz: { select: { id: true } },
                },
              },
            },
          },
        },
      },
      progress: { select: { lessonId: true, completedAt: true, seatSeconds: true } },
      attempts: {
        where: { status: 'SUBMITTED' },
        select: { quizId: true, scorePercent: true, passed: true },
      },
    },
  });
  return enrollments.map((enrollment) => {
    const lessons = enrollment.version.modules.flatMap((module) => module.lessons);
    const counted = lessons.some((lesson) => lesson.required)
      ? lessons.filter((lesson) => lesson.required)
      : lessons;
    const completed = new Set(
      enrollment.progress.filter((p) => p.completedAt).map((p) => p.lessonId),
    );
    const done = counted.filter((lesson) => completed.has(lesson.id)).length;
    const quizzes = lessons
      .filter((lesson) => lesson.quiz)
      .map((lesson) => {
        const attempts = enrollment.attempts.filter(
          (attempt) => attempt.quizId === lesson.quiz!.id,
        );
        const best = attempts.reduce<number | null>((max, attempt) => {
          const percent = attempt.scorePercent === null ? null : Number(attempt.scorePercent);
          return percent === null ? max : max === null ? percent : Math.max(max, percent);
        }, null);
        return {
          quizId: lesson.quiz!.id,
          columnKey: lesson.key,
          lessonTitle: lesson.title,
          attempts: attempts.length,
          bestPercent: best === null ? null : best.toFixed(2),
          passed: attempts.some((attempt) => attempt.passed),
        };
      });
    return {
      enrollmentId: enrollment.id,
      learnerName: enrollment.user.name,
      learnerEmail: enrollment.user.email,
      versionNumber: enrollment.version.number,
      status: enrollment.status,
      enrolledAt: enrollment.enrolledAt,
      lastActivityAt: enrollment.lastActivityAt,
      completedAt: enrollment.completedAt,
      lessonsCompleted: lessons.filter((lesson) => completed.has(lesson.id)).length,
      lessonsTotal: lessons.length,
      progressPercent: enrollment.completedAt
        ? 100
        : counted.length
          ? Math.floor((done / counted.length) * 100)
          : 0,
      seatMinutes: Math.floor(enrollment.progress.reduce((sum, p) => sum + p.seatSeconds, 0) / 60),
      quizzes,
    };
  });
}

/** RFC 4180 CSV of the gradebook; cells that a spreadsheet would run as formulas are quoted safe. */
export function gradebookCsv(rows: GradebookRow[]): string {
  const quizTitles = [
    ...new Map(
      rows.flatMap((row) => row.quizzes.map((quiz) => [quiz.quizId, quiz.lessonTitle])),
    ).values(),
  ];
  const header = [
    'Learner',
    'Email',
    'Version',
    'Status',
    'Enrolled',
    'Last activity',
    'Completed',
    'Progress %',
    'Lessons completed',
    'Study minutes',
    ...quizTitles.flatMap((title) => [`${title}: best %`, `${title}: attempts`]),
  ];
  const lines = rows.map((row) => [
    row.learnerName,
    row.learnerEmail,
    String(row.versionNumber),
    row.status,
    row.enrolledAt.toISOString(),
    row.lastActivityAt?.toISOString() ?? '',
    row.completedAt?.toISOString() ?? '',
    String(row.progressPercent),
    `${row.lessonsCompleted}/${row.lessonsTotal}`,
    String(row.seatMinutes),
    ...quizTitles.flatMap((title) => {
      const quiz = row.quizzes.find((entry) => entry.lessonTitle === title);
      return [quiz?.bestPercent ?? '', String(quiz?.attempts ?? 0)];
    }),
  ]);
  return toCsv([header, ...lines]);
}
