import type { EditableCourse } from '../authoring/editable-course';
import { editSyllabus, type SyllabusEditOptions } from '../authoring/syllabus-edit';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type QuizSettingsInput, quizSettingsSchema } from './quiz-schemas';

export interface ConfigureQuizOptions extends SyllabusEditOptions {
  lessonId: string;
  input: QuizSettingsInput;
}

/**
 * Creates or replaces the settings of a QUIZ lesson's quiz in the draft (created on first
 * save). At most one post-test per course version; questionsPerAttempt cannot exceed the pool.
 */
export async function configureQuiz(options: ConfigureQuizOptions): Promise<EditableCourse> {
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
