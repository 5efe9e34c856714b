import { isUuid } from '../db/ids';
import { lockCourse } from '../db/locks';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { requireViewer } from './roles';
import type { Viewer } from './viewer';

export interface ManageableCourse {
  id: string;
  slug: string;
  ownerId: string;
  status: 'DRAFT' | 'PUBLISHED' | 'UNPUBLISHED' | 'ARCHIVED';
  draftVersionId: string | null;
  latestPublishedVersionId: string | null;
  publishedAt: Date | null;
  viewerIsOwner: boolean;
}

/**
 * The course, if the viewer may manage it: an admin, or one of its instructors. Anyone else
 * gets NOT_FOUND, exactly as for a course that does not exist (no existence leak).
 * `lock` takes a row lock so that concurrent edits of one course run one at a time.
 */
export async function findManageableCourse(
  tx: DbOrTx,
  viewer: Viewer | null,
  courseId: string,
  options: { lock?: boolean } = {},
): Promise<ManageableCourse> {
  const actor = requireViewer(viewer);
  const notFound = AppError.notFound('Course');
  if (!isUuid(courseId)) throw notFound;
  if (options.lock) {
    await lockCourse(tx, courseId);
  }
  const course = await tx.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      slug: true,
      ownerId: true,
      status: true,
      draftVersionId: true,
      latestPublishedVersionId: true,
      publishedAt: true,
      instructors: { where: { userId: actor.id }, select: { userId: true } },
    },
  });
  if (!course) throw notFound;
  const isInstructor = course.instructors.length > 0 || course.ownerId === actor.id;
  if (actor.role !== 'ADMIN' && !(isInstructor && actor.role !== 'STUDENT')) throw notFound;
  const { instructors: _instructors, ...rest } = course;
  return { ...rest, viewerIsOwner: course.ownerId === actor.id };
}

/** Owner-only acts (managing co-instructors, deleting): the owner or an admin. */
export function assertOwnerOrAdmin(viewer: Viewer, course: ManageableCourse): void {
  if (viewer.role !== 'ADMIN' && !course.viewerIsOwner) {
    throw new AppError('FORBIDDEN', 'Only the course owner or an admin can do this.');
  }
}
