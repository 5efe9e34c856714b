import type { Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type LessonInput, lessonSchema } from './course-schemas';
import type { EditableCourse } from './editable-course';
import { LIMITS } from './limits';
import { draftModule, editSyllabus, renumber, reorder } from './syllabus-edit';

interface DraftEditOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  revision: number;
}

async function draftLesson(tx: Prisma.TransactionClient, draftVersionId: string, lessonId: string) {
  const lesson = isUuid(lessonId)
    ? await tx.lesson.findFirst({
        where: { id: lessonId, module: { versionId: draftVersionId } },
        select: { id: true, moduleId: true },
      })
    : null;
  if (!lesson) throw AppError.notFound('Lesson');
  return lesson;
}

async function lessonIds(tx: Prisma.TransactionClient, moduleId: string): Promise<string[]> {
  const rows = await tx.lesson.findMany({
    where: { moduleId },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

const renumberLessons = (tx: Prisma.TransactionClient, ids: string[]) =>
  renumber(ids, (id, position) =>
    tx.lesson.update({ where: { id }, data: { position }, select: { id: true } }),
  );

function lessonData(input: z.output<typeof lessonSchema>) {
  return {
    title: input.title,
    kind: input.kind,
    body: input.body,
    videoUrl: input.kind === 'VIDEO' ? (input.videoUrl ?? null) : null,
    videoSeconds: input.kind === 'VIDEO' ? (input.videoSeconds ?? null) : null,
    captionsUrl: input.captionsUrl || null,
    captionsLanguage: input.captionsUrl ? (input.captionsLanguage ?? null) : null,
    captionsLabel: input.captionsUrl ? (input.captionsLabel ?? null) : null,
    estimatedMinutes: input.estimatedMinutes,
    required: input.required,
  };
}

export async function addLesson(
  options: DraftEditOptions & { moduleId: string; input: LessonInput },
): Promise<EditableCourse> {
  const input = parseInput(lessonSchema, options.input);
  return editSyllabus(options, async (tx, draftVersionId) => {
    const module = await draftModule(tx, draftVersionId, options.moduleId);
    const total = await tx.lesson.count({ where: { module: { versionId: draftVersionId } } });
    if (total >= LIMITS.lessonsPerCourse) {
      throw AppError.badInput(
        { title: [`A course has at most ${LIMITS.lessonsPerCourse} lessons.`] },
        `A course has at most ${LIMITS.lessonsPerCourse} lessons.`,
      );
    }
    const count = await tx.lesson.count({ where: { moduleId: module.id } });
    await tx.lesson.create({
      data: { ...lessonData(input), moduleId: module.id, position: count + 1 },
      select: { id: true },
    });
  });
}

export async function updateLesson(
  options: DraftEditOptions & { lessonId: string; input: LessonInput },
): Promise<EditableCourse> {
  const input = parseInput(lessonSchema, options.input);
  return editSyllabus(options, async (tx, draftVersionId) => {
    const lesson = await draftLesson(tx, draftVersionId, options.lessonId);
    await tx.lesson.update({
      where: { id: lesson.id },
      data: lessonData(input),
      select: { id: true },
    });
  });
}

/** Moves a lesson to a 1-based position, optionally into another module of the draft. */
export async function moveLesson(
  options: DraftEditOptions & { lessonId: string; position: number; moduleId?: string | null },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const lesson = await draftLesson(tx, draftVersionId, options.lessonId);
    const target = options.moduleId
      ? (await draftModule(tx, draftVersionId, options.moduleId)).id
      : lesson.moduleId;
    if (target !== lesson.moduleId) {
      await tx.lesson.update({
        where: { id: lesson.id },
        data: { moduleId: target, position: 10_000 },
        select: { id: true },
      });
      await renumberLessons(tx, await lessonIds(tx, lesson.moduleId));
    }
    await renumberLessons(tx, reorder(await lessonIds(tx, target), lesson.id, options.position));
  });
}

export async function deleteLesson(
  options: DraftEditOptions & { lessonId: string },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const lesson = await draftLesson(tx, draftVersionId, options.lessonId);
    await tx.lesson.delete({ where: { id: lesson.id }, select: { id: true } });
    await renumberLessons(tx, await lessonIds(tx, lesson.moduleId));
  });
}
