import { parseInput } from '../errors/validate';
import { type LessonInput, lessonSchema } from './course-schemas';
import type { EditableCourse } from './editable-course';
import { editSyllabus, type SyllabusEditOptions } from './syllabus-edit';
import { draftLesson, lessonData } from './syllabus-lessons';

export interface UpdateLessonOptions extends SyllabusEditOptions {
  lessonId: string;
  input: LessonInput;
}

export async function updateLesson(options: UpdateLessonOptions): Promise<EditableCourse> {
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
