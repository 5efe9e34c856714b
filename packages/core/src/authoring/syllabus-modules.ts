import type { Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { revisionSchema, titleSchema } from './course-schemas';
import { editDraft } from './edit-draft';
import { type EditableCourse, getEditableCourse } from './editable-course';
import { LIMITS } from './limits';

interface DraftEditOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  revision: number;
}

/** Runs a syllabus edit on the draft and answers the updated editable course. */
export async function editSyllabus(
  options: DraftEditOptions,
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

export async function addModule(
  options: DraftEditOptions & { title: string },
): Promise<EditableCourse> {
  const title = parseInput(z.object({ title: titleSchema }), { title: options.title }).title;
  return editSyllabus(options, async (tx, draftVersionId) => {
    const count = await tx.module.count({ where: { versionId: draftVersionId } });
    if (count >= LIMITS.modulesPerCourse) {
      throw AppError.badInput({
        title: [`A course has at most ${LIMITS.modulesPerCourse} modules.`],
      });
    }
    await tx.module.create({
      data: { versionId: draftVersionId, position: count + 1, title },
      select: { id: true },
    });
  });
}

export async function renameModule(
  options: DraftEditOptions & { moduleId: string; title: string },
): Promise<EditableCourse> {
  const title = parseInput(z.object({ title: titleSchema }), { title: options.title }).title;
  return editSyllabus(options, async (tx, draftVersionId) => {
    const module = await draftModule(tx, draftVersionId, options.moduleId);
    await tx.module.update({ where: { id: module.id }, data: { title }, select: { id: true } });
  });
}

export async function moveModule(
  options: DraftEditOptions & { moduleId: string; position: number },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const module = await draftModule(tx, draftVersionId, options.moduleId);
    const modules = await tx.module.findMany({
      where: { versionId: draftVersionId },
      orderBy: { position: 'asc' },
      select: { id: true },
    });
    const order = reorder(
      modules.map((row) => row.id),
      module.id,
      options.position,
    );
    await renumber(order, (id, position) =>
      tx.module.update({ where: { id }, data: { position }, select: { id: true } }),
    );
  });
}

/** Deletes a module and its lessons from the draft (published versions keep theirs). */
export async function deleteModule(
  options: DraftEditOptions & { moduleId: string },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const module = await draftModule(tx, draftVersionId, options.moduleId);
    await tx.module.delete({ where: { id: module.id }, select: { id: true } });
    const remaining = await tx.module.findMany({
      where: { versionId: draftVersionId },
      orderBy: { position: 'asc' },
      select: { id: true },
    });
    await renumber(
      remaining.map((row) => row.id),
      (id, position) =>
        tx.module.update({ where: { id }, data: { position }, select: { id: true } }),
    );
  });
}
