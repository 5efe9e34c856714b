import type { Prisma } from '../../generated/client';
import type { DemoCourse } from '../types';

/**
 * Inserts the quizzes of a demo course's QUIZ lessons into a version that is still a draft
 * (a trigger forbids changing a published version's quizzes).
 */
export async function insertDemoQuizzes(
  tx: Prisma.TransactionClient,
  versionId: string,
  course: DemoCourse,
): Promise<void> {
  const modules = await tx.module.findMany({
    where: { versionId },
    orderBy: { position: 'asc' },
    select: { lessons: { orderBy: { position: 'asc' }, select: { id: true } } },
  });
  for (const [moduleIndex, module] of course.modules.entries()) {
    for (const [lessonIndex, lesson] of module.lessons.entries()) {
      if (!lesson.quiz) continue;
      const { questions, ...settings } = lesson.quiz;
      await tx.quiz.create({
        data: {
          ...settings,
          lessonId: modules[moduleIndex]!.lessons[lessonIndex]!.id,
          questions: {
            create: questions.map(({ options = [], ...question }, index) => ({
              ...question,
              position: index + 1,
              options: {
                create: options.map((option, optionIndex) => ({
                  text: option.text,
                  correct: option.correct ?? false,
                  position: optionIndex + 1,
                })),
              },
            })),
          },
        },
        select: { id: true },
      });
    }
  }
}
