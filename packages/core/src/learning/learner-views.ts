import type { Db, LessonKind } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { isUuid, requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { ENROL_TO_OPEN, OTHER_VERSION } from './enrollment-access';
import { requiredSeatSeconds } from './seat-time';
import { loadLearnerLesson } from './sql';

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

const learningSelect = {
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

function toLearningCourse(row: LearningRow): LearningCourse {
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

/** The viewer's courses (active and finished), most recently studied first. */
export async function listMyLearning(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<LearningCourse[]> {
  const learner = requireViewer(options.viewer);
  const rows = await options.db.enrollment.findMany({
    where: { userId: learner.id, status: 'ACTIVE' },
    orderBy: [{ lastActivityAt: { sort: 'desc', nulls: 'last' } }, { enrolledAt: 'desc' }],
    select: learningSelect,
  });
  return rows.map(toLearningCourse);
}

/** One of the viewer's enrolments with its outline and progress; null when not enrolled. */
export async function getMyLearningCourse(options: {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}): Promise<LearningCourse | null> {
  const learner = requireViewer(options.viewer);
  if (!isUuid(options.courseId)) return null;
  const row = await options.db.enrollment.findFirst({
    where: { userId: learner.id, courseId: options.courseId, supersededAt: null },
    select: learningSelect,
  });
  return row ? toLearningCourse(row) : null;
}

export interface LearnerLessonView {
  id: string;
  courseId: string;
  title: string;
  kind: LessonKind;
  body: string;
  videoUrl: string | null;
  videoSeconds: number | null;
  captionsUrl: string | null;
  captionsLanguage: string | null;
  captionsLabel: string | null;
  estimatedMinutes: number;
  required: boolean;
  moduleTitle: string;
  previousLessonId: string | null;
  nextLessonId: string | null;
  seatSeconds: number;
  requiredSeconds: number;
  completedAt: Date | null;
}

/**
 * A lesson of a course the viewer is enrolled in, for the lesson player: one hot read
 * (loadLearnerLesson), with requireEnrolledLesson's answers (unknown or unpublished lesson:
 * NOT_FOUND; not enrolled, or enrolled in another version: FORBIDDEN).
 */
export async function getLessonForLearner(options: {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
}): Promise<LearnerLessonView> {
  const learner = requireViewer(options.viewer);
  requireId(options.lessonId, 'Lesson');
  const row = await loadLearnerLesson(options.db, learner.id, options.lessonId);
  if (!row?.published) throw AppError.notFound('Lesson');
  if (row.enrollmentStatus !== 'ACTIVE') {
    throw new AppError('FORBIDDEN', ENROL_TO_OPEN);
  }
  if (row.enrollmentVersionId !== row.versionId) {
    throw new AppError('FORBIDDEN', OTHER_VERSION);
  }
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    body: row.body,
    videoUrl: row.videoUrl,
    videoSeconds: row.videoSeconds,
    captionsUrl: row.captionsUrl,
    captionsLanguage: row.captionsLanguage,
    captionsLabel: row.captionsLabel,
    estimatedMinutes: row.estimatedMinutes,
    required: row.required,
    courseId: row.courseId,
    moduleTitle: row.moduleTitle,
    previousLessonId: row.previousLessonId,
    nextLessonId: row.nextLessonId,
    seatSeconds: row.seatSeconds ?? 0,
    completedAt: row.completedAt,
    requiredSeconds: requiredSeatSeconds(row.minimumLessonTimePercent, row),
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
