import type { Db, Prisma } from '@lms/db';
import { findManageableCourse, type ManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';

export interface DraftEdit<T> {
  tx: Prisma.TransactionClient;
  course: ManageableCourse;
  draftVersionId: string;
  viewer: Viewer;
  result?: T;
}

const STALE =
  'Someone else changed this course after you opened it. Reload the page to see their changes, then make yours again.';

/**
 * Runs one edit of a course's draft: locks the course, checks the viewer may manage it and
 * that the draft is still at the revision the editor saw (optimistic concurrency: a stale
 * write answers CONFLICT instead of silently overwriting), runs `work`, then bumps the revision.
 */
export async function editDraft<T>(options: {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  revision: number;
  work: (edit: DraftEdit<T>) => Promise<T>;
}): Promise<{ result: T; revision: number }> {
  return options.db.$transaction(
    async (tx) => {
      const course = await findManageableCourse(tx, options.viewer, options.courseId, {
        lock: true,
      });
      if (course.status === 'ARCHIVED') {
        throw new AppError('CONFLICT', 'This course is archived. Restore it before editing.');
      }
      if (!course.draftVersionId) throw new Error(`course ${course.id} has no draft version`);
      const bumped = await tx.courseVersion.updateMany({
        where: { id: course.draftVersionId, revision: options.revision, publishedAt: null },
        data: { revision: { increment: 1 } },
      });
      if (bumped.count !== 1) throw new AppError('CONFLICT', STALE);
      const result = await options.work({
        tx,
        course,
        draftVersionId: course.draftVersionId,
        viewer: options.viewer!,
      });
      return { result, revision: options.revision + 1 };
    },
    { timeout: 15_000, maxWait: 5_000 },
  );
}
