import type { Prisma } from './generated/client';
import {
  creditApprovalTermsSelect,
  lessonContentSelect,
  quizSettingsSelect,
  versionDetailsSelect,
} from './selects';

/**
 * Creates draft version `number` of a course as a deep copy of `sourceVersionId`: details,
 * modules, lessons (with their quizzes, questions and options) and credit approvals, keeping
 * their cross-version keys.
 */
export async function copyVersionAsDraft(
  tx: Prisma.TransactionClient,
  sourceVersionId: string,
  number: number,
  revision: number,
): Promise<string> {
  const source = await tx.courseVersion.findUniqueOrThrow({
    where: { id: sourceVersionId },
    select: {
      courseId: true,
      ...versionDetailsSelect,
      instructionalMinutes: true,
      minimumLessonTimePercent: true,
      minimumSeatMinutes: true,
      modules: {
        orderBy: { position: 'asc' },
        select: {
          key: true,
          position: true,
          title: true,
          lessons: {
            orderBy: { position: 'asc' },
            select: {
              key: true,
              position: true,
              ...lessonContentSelect,
              quiz: {
                select: {
                  ...quizSettingsSelect,
                  questions: {
                    orderBy: { position: 'asc' },
                    select: {
                      key: true,
                      position: true,
                      type: true,
                      prompt: true,
                      rationale: true,
                      area: true,
                      codeSetYear: true,
                      codeSetReleaseId: true,
                      codeSystem: true,
                      points: true,
                      acceptedAnswers: true,
                      answerCodes: true,
                      options: {
                        orderBy: { position: 'asc' },
                        select: { position: true, text: true, correct: true },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      creditApprovals: {
        select: {
          key: true,
          ...creditApprovalTermsSelect,
        },
      },
    },
  });
  const { modules, creditApprovals, ...details } = source;
  const draft = await tx.courseVersion.create({
    data: {
      ...details,
      number,
      revision,
      creditApprovals: { create: creditApprovals },
    },
    select: { id: true },
  });
  for (const module of modules) {
    const { lessons, ...moduleData } = module;
    await tx.module.create({
      data: {
        ...moduleData,
        versionId: draft.id,
        lessons: {
          create: lessons.map(({ quiz, ...lesson }) => ({
            ...lesson,
            ...(quiz && {
              quiz: {
                create: {
                  ...quiz,
                  questions: {
                    create: quiz.questions.map(({ options, ...question }) => ({
                      ...question,
                      options: { create: options },
                    })),
                  },
                },
              },
            }),
          })),
        },
      },
      select: { id: true },
    });
  }
  return draft.id;
}
