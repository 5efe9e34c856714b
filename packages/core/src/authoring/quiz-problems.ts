import type { VersionContent } from './editable-course';
import { type PublishingProblem, publishingProblem } from './publishing-problems';

/** What in a draft's quizzes prevents publishing: each problem with its lesson and quiz. */
export function quizProblems(draft: Pick<VersionContent, 'modules'>): PublishingProblem[] {
  const problems: PublishingProblem[] = [];
  let postTests = 0;
  for (const { moduleId, lesson } of draft.modules.flatMap((module) =>
    module.lessons.map((lesson) => ({ moduleId: module.id, lesson })),
  )) {
    const quiz = lesson.quiz ?? null;
    if (lesson.kind === 'QUIZ' && !quiz) {
      problems.push(
        publishingProblem(
          'QUIZ_LESSON_WITHOUT_QUIZ',
          `Quiz lesson “${lesson.title}” has no quiz yet.`,
          { moduleId, lessonId: lesson.id },
        ),
      );
      continue;
    }
    if (!quiz) continue;
    if (lesson.kind !== 'QUIZ') {
      problems.push(
        publishingProblem(
          'QUIZ_ON_NON_QUIZ_LESSON',
          `Lesson “${lesson.title}” is no longer a quiz lesson but still has a quiz: delete the quiz or make it a quiz lesson again.`,
          { moduleId, lessonId: lesson.id, quizId: quiz.id },
        ),
      );
      continue;
    }
    if (quiz.mode === 'POST_TEST') postTests += 1;
    const pool = quiz.questions.length;
    if (pool === 0) {
      problems.push(
        publishingProblem(
          'QUIZ_WITHOUT_QUESTIONS',
          `The quiz of “${lesson.title}” has no questions.`,
          { moduleId, lessonId: lesson.id, quizId: quiz.id },
        ),
      );
    } else if (quiz.questionsPerAttempt !== null && quiz.questionsPerAttempt > pool) {
      problems.push(
        publishingProblem(
          'QUIZ_DRAWS_MORE_THAN_POOL',
          `The quiz of “${lesson.title}” draws ${quiz.questionsPerAttempt} questions per attempt but its pool has only ${pool}.`,
          { moduleId, lessonId: lesson.id, quizId: quiz.id },
        ),
      );
    }
  }
  if (postTests > 1)
    problems.push(
      publishingProblem(
        'TOO_MANY_POST_TESTS',
        `A course has at most one post-test; this draft has ${postTests}.`,
      ),
    );
  return problems;
}
