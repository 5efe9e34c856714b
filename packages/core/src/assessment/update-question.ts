import type { EditableCourse } from '../authoring/editable-course';
import { editSyllabus, type SyllabusEditOptions } from '../authoring/syllabus-edit';
import { resolveQuestionRelease } from '../codesets/question-release';
import { parseInput } from '../errors/validate';
import { draftQuestion, questionData } from './quiz-authoring';
import { type QuestionInput, questionSchema } from './quiz-schemas';

export interface UpdateQuestionOptions extends SyllabusEditOptions {
  questionId: string;
  input: QuestionInput;
}

/** Replaces a draft question (its options are recreated). */
export async function updateQuestion(options: UpdateQuestionOptions): Promise<EditableCourse> {
  const question = parseInput(questionSchema, options.input);
  return editSyllabus(options, async (tx, draftVersionId) => {
    const existing = await draftQuestion(tx, draftVersionId, options.questionId);
    const { data, options: choices } = questionData(
      question,
      await resolveQuestionRelease(tx, question),
    );
    await tx.questionOption.deleteMany({ where: { questionId: existing.id } });
    await tx.question.update({
      where: { id: existing.id },
      data: { ...data, options: { create: choices } },
      select: { id: true },
    });
  });
}
