import type { EditableCourse } from '../authoring/editable-course';
import { editSyllabus, type SyllabusEditOptions } from '../authoring/syllabus-edit';
import { draftQuiz } from './quiz-authoring';

export interface DeleteQuizOptions extends SyllabusEditOptions {
  quizId: string;
}

/** Deletes a lesson's quiz from the draft (e.g. after the lesson stopped being a quiz). */
export async function deleteQuiz(options: DeleteQuizOptions): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const quiz = await draftQuiz(tx, draftVersionId, options.quizId);
    await tx.quiz.delete({ where: { id: quiz.id }, select: { id: true } });
  });
}
