import { copyVersionAsDraft, type Db, markVersionPublished } from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { approvalPublicationProblems } from './approval-rules';
import { revisionSchema } from './course-schemas';
import {
  type EditableCourse,
  getEditableCourse,
  instructionalMinutes,
  loadVersionContent,
  type VersionContent,
} from './editable-course';
import { type PublishingProblem, publishingProblem } from './publishing-problems';
import { quizProblems } from './quiz-problems';
import { describeChanges } from './version-changes';

export interface PublishPreview {
  nextVersionNumber: number;
  /** What prevents publishing, in words; empty when it can go ahead. */
  problems: string[];
  /** The same problems as values: kind, the record each is about, message. */
  publishingProblems: PublishingProblem[];
  /** What changed since the last published version (every item, for a first publication). */
  changes: string[];
  instructionalMinutes: number;
}

/** Checks a draft as `publishCourse` will, and lists what changed since the last version. */
export function previewPublication(
  draft: VersionContent,
  previous: VersionContent | null,
  today: Date,
): PublishPreview {
  const problems: PublishingProblem[] = [];
  const lessons = draft.modules.flatMap((module) => module.lessons);
  if (draft.modules.length === 0) {
    problems.push(publishingProblem('NO_MODULES', 'Add at least one module.'));
  }
  for (const module of draft.modules) {
    if (module.lessons.length === 0) {
      problems.push(
        publishingProblem('EMPTY_MODULE', `Module “${module.title}” has no lessons.`, {
          moduleId: module.id,
        }),
      );
    }
  }
  for (const module of draft.modules) {
    for (const lesson of module.lessons) {
      const about = { moduleId: module.id, lessonId: lesson.id };
      if (lesson.kind === 'TEXT' && lesson.body.trim() === '') {
        problems.push(
          publishingProblem('LESSON_WITHOUT_TEXT', `Lesson “${lesson.title}” has no text.`, about),
        );
      }
      if (lesson.kind === 'VIDEO' && !lesson.videoUrl) {
        problems.push(
          publishingProblem(
            'LESSON_WITHOUT_VIDEO',
            `Lesson “${lesson.title}” has no video.`,
            about,
          ),
        );
      }
    }
  }
  problems.push(...quizProblems(draft));
  for (const approval of draft.creditApprovals) {
    for (const message of approvalPublicationProblems(approval, draft, today)) {
      problems.push(
        publishingProblem('CREDIT_APPROVAL', message, { creditApprovalId: approval.id }),
      );
    }
  }
  const changes = previous
    ? describeChanges(previous, draft)
    : [`First publication: ${draft.modules.length} modules, ${lessons.length} lessons`];
  if (previous && changes.length === 0) {
    problems.push(
      publishingProblem('NOTHING_CHANGED', `Nothing has changed since version ${previous.number}.`),
    );
  }
  return {
    nextVersionNumber: draft.number,
    problems: problems.map((problem) => problem.message),
    publishingProblems: problems,
    changes,
    instructionalMinutes: instructionalMinutes(draft),
  };
}

export interface PublishCourseOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  revision: number;
  now?: Date;
}

/**
 * Freezes the draft as the next published version (an immutable snapshot the catalog shows
 * and learners enrol in), and opens a new draft copied from it for later edits.
 */
export async function publishCourse(
  options: PublishCourseOptions,
): Promise<{ course: EditableCourse; publishedVersionNumber: number; changes: string[] }> {
  const revision = parseInput(revisionSchema, options.revision);
  const now = options.now ?? new Date();
  const outcome = await options.db.$transaction(
    async (tx) => {
      const course = await findManageableCourse(tx, options.viewer, options.courseId, {
        lock: true,
      });
      if (course.status === 'ARCHIVED') {
        throw new AppError('CONFLICT', 'This course is archived. Restore it before publishing.');
      }
      const draft = await loadVersionContent(tx, course.draftVersionId!);
      if (draft.revision !== revision) {
        throw new AppError(
          'CONFLICT',
          'Someone else changed this course after you opened it. Review the latest draft, then publish.',
        );
      }
      const previous = course.latestPublishedVersionId
        ? await loadVersionContent(tx, course.latestPublishedVersionId)
        : null;
      const preview = previewPublication(draft, previous, now);
      if (preview.problems.length > 0) {
        throw AppError.badInput(
          { publish: preview.problems },
          `The course cannot be published yet: ${preview.problems.join(' ')}`,
        );
      }
      await tx.courseVersion.update({
        where: { id: draft.id },
        data: { instructionalMinutes: preview.instructionalMinutes },
        select: { id: true },
      });
      await markVersionPublished(tx, [draft.id], now, options.viewer!.id);
      const nextDraftId = await copyVersionAsDraft(
        tx,
        draft.id,
        draft.number + 1,
        draft.revision + 1,
      );
      await tx.course.update({
        where: { id: course.id },
        data: {
          status: 'PUBLISHED',
          latestPublishedVersionId: draft.id,
          draftVersionId: nextDraftId,
          publishedAt: course.publishedAt ?? now,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: options.viewer!.id,
        action: 'course.publish',
        targetType: 'Course',
        targetId: course.id,
        details: { version: draft.number, changes: preview.changes },
      });
      return { publishedVersionNumber: draft.number, changes: preview.changes };
    },
    { timeout: 30_000, maxWait: 5_000 },
  );
  return { ...outcome, course: await getEditableCourse(options) };
}
