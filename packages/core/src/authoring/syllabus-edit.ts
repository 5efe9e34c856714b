import type { Db, Prisma } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { revisionSchema } from './course-schemas';
import { editDraft } from './edit-draft';
import { type EditableCourse, getEditableCourse } from './editable-course';

export interface SyllabusEditOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  revision: number;
}

/** Runs a syllabus edit on the draft and answers the updated editable course. */
export async function editSyllabus(
  options: SyllabusEditOptions,
  work: (tx: Prisma.TransactionClient, draftVersionId: string) => Promise<void>,
): Promise<EditableCourse> {
  await editDraft({
    db: options.db,
    viewer: options.viewer,
    courseId: options.courseId,
    revision: parseInput(revisionSchema, options.revision),
    work: ({ tx, draftVersionId }) => work(tx, draftVersionId),
  });
  return getEditableCourse(options);
}

/** The draft's module with this id, or NOT_FOUND. */
export async function draftModule(
  tx: Prisma.TransactionClient,
  draftVersionId: string,
  moduleId: string,
) {
  const module = isUuid(moduleId)
    ? await tx.module.findFirst({
        where: { id: moduleId, versionId: draftVersionId },
        select: { id: true, position: true },
      })
    : null;
  if (!module) throw AppError.notFound('Module');
  return module;
}

/** Rewrites positions 1..n in the given order. */
export async function renumber(
  ids: string[],
  update: (id: string, position: number) => Promise<unknown>,
): Promise<void> {
  for (const [index, id] of ids.entries()) await update(id, index + 1);
}

/** Moves `id` to 1-based `position` within `ids` (clamped). */
export function reorder(ids: string[], id: string, position: number): string[] {
  const rest = ids.filter((other) => other !== id);
  const index = Math.min(Math.max(position, 1), rest.length + 1) - 1;
  rest.splice(index, 0, id);
  return rest;
}
