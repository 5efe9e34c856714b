/**
 * What prevents publishing a draft, as a value: what kind of problem, the record it is about
 * (module, lesson, quiz, credit approval) and the message in words. Pages link to the place to
 * fix it by these ids, never by matching words in the message.
 */
export type PublishingProblemKind =
  | 'NO_MODULES'
  | 'EMPTY_MODULE'
  | 'LESSON_WITHOUT_TEXT'
  | 'LESSON_WITHOUT_VIDEO'
  | 'QUIZ_LESSON_WITHOUT_QUIZ'
  | 'QUIZ_ON_NON_QUIZ_LESSON'
  | 'QUIZ_WITHOUT_QUESTIONS'
  | 'QUIZ_DRAWS_MORE_THAN_POOL'
  | 'TOO_MANY_POST_TESTS'
  | 'CREDIT_APPROVAL'
  | 'NOTHING_CHANGED';

export interface PublishingProblem {
  kind: PublishingProblemKind;
  message: string;
  moduleId: string | null;
  lessonId: string | null;
  quizId: string | null;
  creditApprovalId: string | null;
}

export function publishingProblem(
  kind: PublishingProblemKind,
  message: string,
  about: Partial<
    Pick<PublishingProblem, 'moduleId' | 'lessonId' | 'quizId' | 'creditApprovalId'>
  > = {},
): PublishingProblem {
  return {
    kind,
    message,
    moduleId: about.moduleId ?? null,
    lessonId: about.lessonId ?? null,
    quizId: about.quizId ?? null,
    creditApprovalId: about.creditApprovalId ?? null,
  };
}
