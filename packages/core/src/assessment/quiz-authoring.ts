import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import type { EditableCourse } from '../authoring/editable-course';
import { editSyllabus, renumber, reorder } from '../authoring/syllabus-edit';
import { resolveQuestionRelease } from '../codesets/question-release';
import { isUuid } from '../db/ids';
import type { Tx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import {
  type ParsedQuestion,
  QUIZ_LIMITS,
  type QuestionInput,
  type QuizSettingsInput,
  questionSchema,
  quizSettingsSchema,
} from './quiz-schemas';

interface DraftEditOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  revision: number;
}

async function draftQuiz(tx: Tx, draftVersionId: string, quizId: string) {
  const quiz = isUuid(quizId)
    ? await tx.quiz.findFirst({
        where: { id: quizId, lesson: { module: { versionId: draftVersionId } } },
        select: { id: true, questionsPerAttempt: true },
      })
    : null;
  if (!quiz) throw AppError.notFound('Quiz');
  return quiz;
}

async function draftQuestion(tx: Tx, draftVersionId: string, questionId: string) {
  const question = isUuid(questionId)
    ? await tx.question.findFirst({
        where: { id: questionId, quiz: { lesson: { module: { versionId: draftVersionId } } } },
        select: { id: true, quizId: true },
      })
    : null;
  if (!question) throw AppError.notFound('Question');
  return question;
}

async function questionIds(tx: Tx, quizId: string): Promise<string[]> {
  const rows = await tx.question.findMany({
    where: { quizId },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

const renumberQuestions = (tx: Tx, ids: string[]) =>
  renumber(ids, (id, position) =>
    tx.question.update({ where: { id }, data: { position }, select: { id: true } }),
  );

/**
 * Creates or replaces the settings of a QUIZ lesson's quiz in the draft (created on first
 * save). At most one post-test per course version; questionsPerAttempt cannot exceed the pool.
 */
export async function configureQuiz(
  options: DraftEditOptions & { lessonId: string; input: QuizSettingsInput },
): Promise<EditableCourse> {
  const settings = parseInput(quizSettingsSchema, options.input);
  return editSyllabus(options, async (tx, draftVersionId) => {
    const lesson = isUuid(options.lessonId)
      ? await tx.lesson.findFirst({
          where: { id: options.lessonId, module: { versionId: draftVersionId } },
          select: {
            id: true,
            kind: true,
            quiz: { select: { id: true, _count: { select: { questions: true } } } },
          },
        })
      : null;
    if (!lesson) throw AppError.notFound('Lesson');
    if (lesson.kind !== 'QUIZ') {
      throw AppError.badInput(
        { lessonId: ['Only quiz lessons have a quiz. Change the lesson’s kind to QUIZ first.'] },
        'Only quiz lessons have a quiz.',
      );
    }
    if (settings.mode === 'POST_TEST') {
      const other = await tx.quiz.findFirst({
        where: {
          mode: 'POST_TEST',
          lessonId: { not: lesson.id },
          lesson: { module: { versionId: draftVersionId } },
        },
        select: { lesson: { select: { title: true } } },
      });
      if (other) {
        throw AppError.badInput(
          { mode: [`A course has at most one post-test; “${other.lesson.title}” already is one.`] },
          'A course has at most one post-test.',
        );
      }
    }
    const pool = lesson.quiz?._count.questions ?? 0;
    if (settings.questionsPerAttempt !== null && settings.questionsPerAttempt > pool) {
      throw AppError.badInput(
        {
          questionsPerAttempt: [
            pool === 0
              ? 'Add questions to the pool first, or leave this empty to use the whole pool.'
              : `The pool has ${pool} question${pool === 1 ? '' : 's'}: draw at most ${pool} per attempt.`,
          ],
        },
        'Questions per attempt cannot exceed the pool.',
      );
    }
    await tx.quiz.upsert({
      where: { lessonId: lesson.id },
      create: { lessonId: lesson.id, ...settings },
      update: settings,
      select: { id: true },
    });
  });
}

/** Deletes a lesson's quiz from the draft (e.g. after the lesson stopped being a quiz). */
export async function deleteQuiz(
  options: DraftEditOptions & { quizId: string },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const quiz = await draftQuiz(tx, draftVersionId, options.quizId);
    await tx.quiz.delete({ where: { id: quiz.id }, select: { id: true } });
  });
}

function questionData(
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

/** Adds a question at the end of a draft quiz's pool. */
export async function addQuestion(
  options: DraftEditOptions & { quizId: string; input: QuestionInput },
): Promise<EditableCourse> {
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

/** Replaces a draft question (its options are recreated). */
export async function updateQuestion(
  options: DraftEditOptions & { questionId: string; input: QuestionInput },
): Promise<EditableCourse> {
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

/** Moves a question to a 1-based position in its pool (clamped). */
export async function moveQuestion(
  options: DraftEditOptions & { questionId: string; position: number },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const question = await draftQuestion(tx, draftVersionId, options.questionId);
    await renumberQuestions(
      tx,
      reorder(await questionIds(tx, question.quizId), question.id, options.position),
    );
  });
}

export async function deleteQuestion(
  options: DraftEditOptions & { questionId: string },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const question = await draftQuestion(tx, draftVersionId, options.questionId);
    await tx.question.delete({ where: { id: question.id }, select: { id: true } });
    await renumberQuestions(tx, await questionIds(tx, question.quizId));
  });
}
