import { renumber } from '../authoring/syllabus-edit';
import { isUuid } from '../db/ids';
import type { Tx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { type ParsedQuestion } from './quiz-schemas';

export async function draftQuiz(tx: Tx, draftVersionId: string, quizId: string) {
  const quiz = isUuid(quizId)
    ? await tx.quiz.findFirst({
        where: { id: quizId, lesson: { module: { versionId: draftVersionId } } },
        select: { id: true, questionsPerAttempt: true },
      })
    : null;
  if (!quiz) throw AppError.notFound('Quiz');
  return quiz;
}

export async function draftQuestion(tx: Tx, draftVersionId: string, questionId: string) {
  const question = isUuid(questionId)
    ? await tx.question.findFirst({
        where: { id: questionId, quiz: { lesson: { module: { versionId: draftVersionId } } } },
        select: { id: true, quizId: true },
      })
    : null;
  if (!question) throw AppError.notFound('Question');
  return question;
}

export async function questionIds(tx: Tx, quizId: string): Promise<string[]> {
  const rows = await tx.question.findMany({
    where: { quizId },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export const renumberQuestions = (tx: Tx, ids: string[]) =>
  renumber(ids, (id, position) =>
    tx.question.update({ where: { id }, data: { position }, select: { id: true } }),
  );

export function questionData(
  question: ParsedQuestion,
  release: { codeSetReleaseId: string | null; codeSetYear?: number },
) {
  const common = {
    type: question.type,
    prompt: question.prompt,
    rationale: question.rationale,
    area: question.area,
    codeSetYear: release.codeSetYear ?? question.codeSetYear,
    codeSetReleaseId: release.codeSetReleaseId,
    points: question.points,
    codeSystem: null as ParsedQuestion['codeSystem'] | null,
    acceptedAnswers: [] as string[],
    answerCodes: [] as string[],
  };
  let options: { position: number; text: string; correct: boolean }[] = [];
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      options = question.options.map((option, index) => ({ ...option, position: index + 1 }));
      break;
    case 'TRUE_FALSE':
      options = [
        { position: 1, text: 'True', correct: question.trueFalseAnswer === true },
        { position: 2, text: 'False', correct: question.trueFalseAnswer === false },
      ];
      break;
    case 'SHORT_TEXT':
      common.acceptedAnswers = question.acceptedAnswers;
      break;
    case 'CODE_SET':
      common.codeSystem = question.codeSystem ?? null;
      common.answerCodes = question.answerCodes;
      break;
  }
  return { data: common, options };
}
