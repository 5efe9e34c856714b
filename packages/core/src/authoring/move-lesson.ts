import type { EditableCourse } from './editable-course';
import { draftModule, editSyllabus, reorder, type SyllabusEditOptions } from './syllabus-edit';
import { draftLesson, lessonIds, renumberLessons } from './syllabus-lessons';

export interface MoveLessonOptions extends SyllabusEditOptions {
  lessonId: string;
  position: number;
  moduleId?: string | null;
}

/** Moves a lesson to a 1-based position, optionally into another module of the draft. */
export async function moveLesson(options: MoveLessonOptions): Promise<EditableCourse> {
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
