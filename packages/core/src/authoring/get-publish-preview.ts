import { type Db } from '@lms/db';
import { findManageableCourse } from '../access/course-access';
import { type Viewer } from '../access/viewer';
import { loadVersionContent } from './editable-course';
import { type PublishPreview, previewPublication } from './publish-course';

export interface GetPublishPreviewOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  now?: Date;
}

export async function getPublishPreview(
  options: GetPublishPreviewOptions,
): Promise<PublishPreview> {
  const course = await findManageableCourse(options.db, options.viewer, options.courseId);
  const [draft, previous] = await Promise.all([
    loadVersionContent(options.db, course.draftVersionId!),
    course.latestPublishedVersionId
      ? loadVersionContent(options.db, course.latestPublishedVersionId)
      : null,
  ]);
  return previewPublication(draft, previous, options.now ?? new Date());
}
