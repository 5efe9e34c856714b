import type { EditableCourse } from './editable-course';
import { editSyllabus, type SyllabusEditOptions } from './syllabus-edit';
import { draftLesson, lessonIds, renumberLessons } from './syllabus-lessons';

export interface DeleteLessonOptions extends SyllabusEditOptions {
  lessonId: string;
}

export async function deleteLesson(options: DeleteLessonOptions): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const lesson = await draftLesson(tx, draftVersionId, options.lessonId);
    await tx.lesson.delete({ where: { id: lesson.id }, select: { id: true } });
    await renumberLessons(tx, await lessonIds(tx, lesson.moduleId));
  });
}
