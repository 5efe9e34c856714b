import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import {
  type CourseDetailsInput,
  courseDetailsWithCoverSchema,
  draftDetailsData,
  revisionSchema,
} from './course-schemas';
import { editDraft } from './edit-draft';
import { type EditableCourse, getEditableCourse } from './editable-course';

/** Edits the draft's details (title, summary, description, kind, level, price, cover). */
export async function updateCourseDetails(options: {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  revision: number;
  input: CourseDetailsInput;
}): Promise<EditableCourse> {
  const input = parseInput(courseDetailsWithCoverSchema, options.input);
  const revision = parseInput(revisionSchema, options.revision);
  await editDraft({
    db: options.db,
    viewer: options.viewer,
    courseId: options.courseId,
    revision,
    work: async ({ tx, draftVersionId }) => {
      await tx.courseVersion.update({
        where: { id: draftVersionId },
        data: draftDetailsData(input),
        select: { id: true },
      });
    },
  });
  return getEditableCourse(options);
}
