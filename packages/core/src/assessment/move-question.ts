import type { EditableCourse } from '../authoring/editable-course';
import { editSyllabus, reorder, type SyllabusEditOptions } from '../authoring/syllabus-edit';
import { draftQuestion, questionIds, renumberQuestions } from './quiz-authoring';

export interface MoveQuestionOptions extends SyllabusEditOptions {
  questionId: string;
  position: number;
}

/** Moves a question to a 1-based position in its pool (clamped). */
export async function moveQuestion(options: MoveQuestionOptions): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const question = await draftQuestion(tx, draftVersionId, options.questionId);
    await renumberQuestions(
      tx,
      reorder(await questionIds(tx, question.quizId), question.id, options.position),
    );
  });
}
