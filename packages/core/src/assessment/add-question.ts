import type { EditableCourse } from '../authoring/editable-course';
import { editSyllabus, type SyllabusEditOptions } from '../authoring/syllabus-edit';
import { resolveQuestionRelease } from '../codesets/question-release';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { draftQuiz, questionData } from './quiz-authoring';
import { QUIZ_LIMITS, type QuestionInput, questionSchema } from './quiz-schemas';

export interface AddQuestionOptions extends SyllabusEditOptions {
  quizId: string;
  input: QuestionInput;
}

/** Adds a question at the end of a draft quiz's pool. */
export async function addQuestion(options: AddQuestionOptions): Promise<EditableCourse> {
  const question = parseInput(questionSchema, options.input);
  return editSyllabus(options, async (tx, draftVersionId) => {
    const quiz = await draftQuiz(tx, draftVersionId, options.quizId);
    const count = await tx.question.count({ where: { quizId: quiz.id } });
    if (count >= QUIZ_LIMITS.questionsPerQuiz) {
      throw AppError.badInput(
        { prompt: [`A quiz has at most ${QUIZ_LIMITS.questionsPerQuiz} questions.`] },
        `A quiz has at most ${QUIZ_LIMITS.questionsPerQuiz} questions.`,
      );
    }
    const { data, options: choices } = questionData(
      question,
      await resolveQuestionRelease(tx, question),
    );
    await tx.question.create({
      data: { ...data, quizId: quiz.id, position: count + 1, options: { create: choices } },
      select: { id: true },
    });
  });
}
