import type { CourseStatus, Db } from '@lms/db';
import {
  assertOwnerOrAdmin,
  findManageableCourse,
  type ManageableCourse,
} from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors/app-error';
import { type EditableCourse, getEditableCourse } from './editable-course';

interface LifecycleOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
}

async function changeStatus(
  options: LifecycleOptions,
  action: string,
  decide: (course: ManageableCourse) => CourseStatus,
): Promise<EditableCourse> {
  await options.db.$transaction(async (tx) => {
    const course = await findManageableCourse(tx, options.viewer, options.courseId, { lock: true });
    const status = decide(course);
    await tx.course.update({ where: { id: course.id }, data: { status }, select: { id: true } });
    await recordAudit(tx, {
      actorId: options.viewer!.id,
      action,
      targetType: 'Course',
      targetId: course.id,
      details: { from: course.status, to: status },
    });
  });
  return getEditableCourse(options);
}

/** Hides a published course from the catalog. Enrolled learners keep their access. */
export function unpublishCourse(options: LifecycleOptions): Promise<EditableCourse> {
  return changeStatus(options, 'course.unpublish', (course) => {
    if (course.status !== 'PUBLISHED') {
      throw new AppError('CONFLICT', 'Only a course in the catalog can be unpublished.');
    }
    return 'UNPUBLISHED';
  });
}

/** Puts an unpublished course back in the catalog, at its latest published version. */
export function relistCourse(options: LifecycleOptions): Promise<EditableCourse> {
  return changeStatus(options, 'course.relist', (course) => {
    if (course.status !== 'UNPUBLISHED' || !course.latestPublishedVersionId) {
      throw new AppError(
        'CONFLICT',
        'Only an unpublished course that was published before can be relisted.',
      );
    }
    return 'PUBLISHED';
  });
}

/** Retires a course: out of the catalog and read-only. Nothing is deleted. */
export function archiveCourse(options: LifecycleOptions): Promise<EditableCourse> {
  return changeStatus(options, 'course.archive', (course) => {
    if (course.status === 'ARCHIVED')
      throw new AppError('CONFLICT', 'The course is already archived.');
    return 'ARCHIVED';
  });
}

/** Brings an archived course back for editing (unpublished, or a draft if never published). */
export function restoreCourse(options: LifecycleOptions): Promise<EditableCourse> {
  return changeStatus(options, 'course.restore', (course) => {
    if (course.status !== 'ARCHIVED')
      throw new AppError('CONFLICT', 'Only an archived course can be restored.');
    return course.latestPublishedVersionId ? 'UNPUBLISHED' : 'DRAFT';
  });
}

/**
 * Deletes a course that was never published (so nobody can have enrolled). A course that was
 * ever published is archived instead: its versions are evidence for learners' credit.
 */
export async function deleteDraftCourse(options: LifecycleOptions): Promise<boolean> {
  await options.db.$transaction(async (tx) => {
    const course = await findManageableCourse(tx, options.viewer, options.courseId, { lock: true });
    assertOwnerOrAdmin(options.viewer!, course);
    if (course.latestPublishedVersionId) {
      throw new AppError(
        'CONFLICT',
        'A course that has been published cannot be deleted. Archive it instead.',
      );
    }
    await tx.course.update({
      where: { id: course.id },
      data: { draftVersionId: null },
      select: { id: true },
    });
    await tx.courseVersion.deleteMany({ where: { courseId: course.id } });
    await tx.course.delete({ where: { id: course.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: options.viewer!.id,
      action: 'course.delete',
      targetType: 'Course',
      targetId: course.id,
      details: { slug: course.slug },
    });
  });
  return true;
}
