import type { Db } from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { isUuid } from '../db/ids';
import { lockEnrollment } from '../db/locks';
import { AppError } from '../errors/app-error';
import { evaluateCompletion } from './completion';
import { moveLessonProgress } from './sql';

export interface VersionMoveResult {
  /** The version the learners now study. */
  toVersionNumber: number;
  /** How many enrolments moved. */
  moved: number;
  /** Learners left where they were, and why. */
  skipped: { enrollmentId: string; learnerName: string; reason: string }[];
}

type Outcome = { moved: true } | { moved: false; reason: string };

/**
 * Provider tool (issue 9 defect 2): moves in-progress learners pinned to an older published
 * version to the course's latest published version, so a renewed approval (published in N+1)
 * reaches them. One learner (enrollmentId) or every in-progress learner of the course.
 *
 * - Only ACTIVE enrolments without a completion move; completed ones never do (their
 *   certificates rest on the version they completed).
 * - Lesson progress (seat time, completion) is carried by the lessons' cross-version `key`:
 *   each progress row is re-pointed at the lesson with the same key in the latest version.
 *   Rows of lessons the new version dropped stay as they are (their seat time still counts).
 * - Quiz attempts stay with the version they were taken in: a post-test of the new version is
 *   taken in the new version. A learner with an attempt in progress is skipped (finish it first).
 * - Each move runs in its own transaction under the enrolment's row lock, re-checks the
 *   enrolment, evaluates completion against the new version, and is written to the audit log.
 */
export async function moveLearnersToLatestVersion(options: {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  enrollmentId?: string | null;
  now?: Date;
}): Promise<VersionMoveResult> {
  const { db } = options;
  const course = await findManageableCourse(db, options.viewer, options.courseId);
  const actorId = options.viewer!.id;
  if (!course.latestPublishedVersionId) {
    throw new AppError('CONFLICT', 'This course has no published version to move learners to.');
  }
  const latest = await db.courseVersion.findUniqueOrThrow({
    where: { id: course.latestPublishedVersionId },
    select: {
      id: true,
      number: true,
      modules: { select: { lessons: { select: { id: true, key: true } } } },
    },
  });
  const lessonByKey = new Map(
    latest.modules.flatMap((module) => module.lessons.map((lesson) => [lesson.key, lesson.id])),
  );

  const enrollmentId = options.enrollmentId ?? null;
  if (enrollmentId !== null && !isUuid(enrollmentId)) {
    throw AppError.notFound('Enrolment');
  }
  const candidates = await db.enrollment.findMany({
    where: {
      courseId: course.id,
      ...(enrollmentId
        ? { id: enrollmentId }
        : { status: 'ACTIVE', completedAt: null, versionId: { not: latest.id } }),
    },
    orderBy: [{ enrolledAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      status: true,
      completedAt: true,
      versionId: true,
      user: { select: { name: true } },
    },
  });
  if (enrollmentId) {
    const [one] = candidates;
    if (!one) throw AppError.notFound('Enrolment');
    if (one.completedAt) {
      throw new AppError(
        'CONFLICT',
        `${one.user.name} completed the course: completed enrolments stay on the version they completed.`,
      );
    }
    if (one.status !== 'ACTIVE') {
      throw new AppError('CONFLICT', `${one.user.name} is not enrolled any more.`);
    }
    if (one.versionId === latest.id) {
      throw new AppError('CONFLICT', `${one.user.name} already studies version ${latest.number}.`);
    }
  }

  const result: VersionMoveResult = { toVersionNumber: latest.number, moved: 0, skipped: [] };
  for (const candidate of candidates) {
    const outcome = await moveOne(candidate.id);
    if (outcome.moved) result.moved += 1;
    else {
      result.skipped.push({
        enrollmentId: candidate.id,
        learnerName: candidate.user.name,
        reason: outcome.reason,
      });
    }
  }
  return result;

  function moveOne(id: string): Promise<Outcome> {
    const now = options.now ?? new Date();
    return db.$transaction(async (tx) => {
      await lockEnrollment(tx, id);
      const enrollment = await tx.enrollment.findUniqueOrThrow({
        where: { id },
        select: {
          userId: true,
          status: true,
          completedAt: true,
          versionId: true,
          version: { select: { number: true } },
          progress: { select: { id: true, lesson: { select: { key: true } } } },
          _count: { select: { attempts: { where: { status: 'IN_PROGRESS' } } } },
        },
      });
      if (enrollment.status !== 'ACTIVE' || enrollment.completedAt) {
        return { moved: false, reason: 'completed or left the course meanwhile' };
      }
      if (enrollment.versionId === latest.id) {
        return { moved: false, reason: `already on version ${latest.number}` };
      }
      if (enrollment._count.attempts > 0) {
        return {
          moved: false,
          reason: 'has a quiz attempt in progress; move after it is submitted',
        };
      }
      const progressIds: string[] = [];
      const targets: string[] = [];
      for (const row of enrollment.progress) {
        const target = lessonByKey.get(row.lesson.key);
        if (!target) continue;
        progressIds.push(row.id);
        targets.push(target);
      }
      const carried = progressIds.length;
      if (carried > 0) await moveLessonProgress(tx, progressIds, targets);
      await tx.enrollment.update({
        where: { id },
        data: { versionId: latest.id },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId,
        action: 'enrollment.move-version',
        targetType: 'Course',
        targetId: course.id,
        details: {
          enrollmentId: id,
          learnerId: enrollment.userId,
          fromVersion: enrollment.version.number,
          toVersion: latest.number,
          lessonsCarried: carried,
          lessonsNotInNewVersion: enrollment.progress.length - carried,
        },
      });
      // The carried evidence may already meet the new version's rule.
      await evaluateCompletion(tx, id, now, { enrollmentLocked: true });
      return { moved: true };
    });
  }
}
