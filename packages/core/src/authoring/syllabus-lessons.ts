import type { Prisma } from '@lms/db';
import { z } from 'zod';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { lessonSchema } from './course-schemas';
import { renumber } from './syllabus-edit';

export async function draftLesson(
  tx: Prisma.TransactionClient,
  draftVersionId: string,
  lessonId: string,
) {
  const lesson = isUuid(lessonId)
    ? await tx.lesson.findFirst({
        where: { id: lessonId, module: { versionId: draftVersionId } },
        select: { id: true, moduleId: true },
      })
    : null;
  if (!lesson) throw AppError.notFound('Lesson');
  return lesson;
}

export async function lessonIds(tx: Prisma.TransactionClient, moduleId: string): Promise<string[]> {
  const rows = await tx.lesson.findMany({
    where: { moduleId },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export const renumberLessons = (tx: Prisma.TransactionClient, ids: string[]) =>
  renumber(ids, (id, position) =>
    tx.lesson.update({ where: { id }, data: { position }, select: { id: true } }),
  );

export function lessonData(input: z.output<typeof lessonSchema>) {
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
