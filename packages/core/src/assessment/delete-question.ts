import type { EditableCourse } from '../authoring/editable-course';
import { editSyllabus, type SyllabusEditOptions } from '../authoring/syllabus-edit';
import { draftQuestion, questionIds, renumberQuestions } from './quiz-authoring';

export interface DeleteQuestionOptions extends SyllabusEditOptions {
  questionId: string;
}

export async function deleteQuestion(options: DeleteQuestionOptions): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const question = await draftQuestion(tx, draftVersionId, options.questionId);
    await tx.question.delete({ where: { id: question.id }, select: { id: true } });
    await renumberQuestions(tx, await questionIds(tx, question.quizId));
  });
}
