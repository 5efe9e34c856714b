import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type LessonInput, lessonSchema } from './course-schemas';
import type { EditableCourse } from './editable-course';
import { LIMITS } from './limits';
import { draftModule, editSyllabus, type SyllabusEditOptions } from './syllabus-edit';
import { lessonData } from './syllabus-lessons';

export interface AddLessonOptions extends SyllabusEditOptions {
  moduleId: string;
  input: LessonInput;
}

export async function addLesson(options: AddLessonOptions): Promise<EditableCourse> {
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
