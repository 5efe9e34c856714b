import type { Db, LessonKind } from '@lms/db';

export interface OutlineLesson {
  id: string;
  title: string;
  kind: LessonKind;
  estimatedMinutes: number;
  required: boolean;
  completedAt: Date | null;
  seatSeconds: number;
}

export interface LearningCourse {
  enrollmentId: string;
  courseId: string;
  slug: string;
  title: string;
  versionNumber: number;
  status: 'ACTIVE' | 'UNENROLLED' | 'ENDED';
  enrolledAt: Date;
  lastActivityAt: Date | null;
  completedAt: Date | null;
  minimumLessonTimePercent: number;
  minimumSeatMinutes: number;
  seatSeconds: number;
  progressPercent: number;
  nextLessonId: string | null;
  modules: { id: string; title: string; lessons: OutlineLesson[] }[];
}

export const learningSelect = {
  id: true,
  courseId: true,
  status: true,
  enrolledAt: true,
  lastActivityAt: true,
  completedAt: true,
  course: { select: { slug: true } },
  progress: { select: { lessonId: true, completedAt: true, seatSeconds: true } },
  version: {
    select: {
      number: true,
      title: true,
      minimumLessonTimePercent: true,
      minimumSeatMinutes: true,
      modules: {
        orderBy: { position: 'asc' as const },
        select: {
          id: true,
          title: true,
          lessons: {
            orderBy: { position: 'asc' as const },
            select: { id: true, title: true, kind: true, estimatedMinutes: true, required: true },
          },
        },
      },
    },
  },
};

type LearningRow = {
  id: string;
  courseId: string;
  status: LearningCourse['status'];
  enrolledAt: Date;
  lastActivityAt: Date | null;
  completedAt: Date | null;
  course: { slug: string };
  progress: { lessonId: string; completedAt: Date | null; seatSeconds: number }[];
  version: {
    number: number;
    title: string;
    minimumLessonTimePercent: number;
    minimumSeatMinutes: number;
    modules: {
      id: string;
      title: string;
      lessons: {
        id: string;
        title: string;
        kind: LessonKind;
        estimatedMinutes: number;
        required: boolean;
      }[];
    }[];
  };
};

export function toLearningCourse(row: LearningRow): LearningCourse {
  const progress = new Map(row.progress.map((p) => [p.lessonId, p]));
  const modules = row.version.modules.map((module) => ({
    id: module.id,
    title: module.title,
    lessons: module.lessons.map((lesson) => ({
      ...lesson,
      completedAt: progress.get(lesson.id)?.completedAt ?? null,
      seatSeconds: progress.get(lesson.id)?.seatSeconds ?? 0,
    })),
  }));
  const lessons = modules.flatMap((module) => module.lessons);
  const counted = lessons.some((lesson) => lesson.required)
    ? lessons.filter((lesson) => lesson.required)
    : lessons;
  const done = counted.filter((lesson) => lesson.completedAt).length;
  return {
    enrollmentId: row.id,
    courseId: row.courseId,
    slug: row.course.slug,
    title: row.version.title,
    versionNumber: row.version.number,
    status: row.status,
    enrolledAt: row.enrolledAt,
    lastActivityAt: row.lastActivityAt,
    completedAt: row.completedAt,
    minimumLessonTimePercent: row.version.minimumLessonTimePercent,
    minimumSeatMinutes: row.version.minimumSeatMinutes,
    seatSeconds: row.progress.reduce((sum, p) => sum + p.seatSeconds, 0),
    progressPercent: row.completedAt
      ? 100
      : counted.length === 0
        ? 0
        : Math.floor((done / counted.length) * 100),
    nextLessonId: lessons.find((lesson) => !lesson.completedAt)?.id ?? null,
    modules,
  };
}

export interface ViewerEnrollmentState {
  status: 'ACTIVE' | 'UNENROLLED' | 'ENDED';
  completedAt: Date | null;
}

/** The viewer's enrolment state for each course (batch loader; key order kept). */
export async function loadViewerEnrollments(
  db: Db,
  userId: string,
  courseIds: readonly string[],
): Promise<(ViewerEnrollmentState | null)[]> {
  const rows = await db.enrollment.findMany({
    where: { userId, courseId: { in: [...courseIds] }, supersededAt: null },
    select: { courseId: true, status: true, completedAt: true },
  });
  const byCourse = new Map(rows.map(({ courseId, ...state }) => [courseId, state]));
  return courseIds.map((id) => byCourse.get(id) ?? null);
}
