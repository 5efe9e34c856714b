import type { VersionContent } from './editable-course';

/** What in a draft's quizzes prevents publishing, in words. */
export function quizProblems(draft: Pick<VersionContent, 'modules'>): string[] {
  const problems: string[] = [];
  const lessons = draft.modules.flatMap((module) => module.lessons);
  let postTests = 0;
  for (const lesson of lessons) {
    const quiz = lesson.quiz ?? null;
    if (lesson.kind === 'QUIZ' && !quiz) {
      problems.push(`Quiz lesson “${lesson.title}” has no quiz yet.`);
      continue;
    }
    if (!quiz) continue;
    if (lesson.kind !== 'QUIZ') {
      problems.push(
        `Lesson “${lesson.title}” is no longer a quiz lesson but still has a quiz: delete the quiz or make it a quiz lesson again.`,
      );
      continue;
    }
    if (quiz.mode === 'POST_TEST') postTests += 1;
    const pool = quiz.questions.length;
    if (pool === 0) {
      problems.push(`The quiz of “${lesson.title}” has no questions.`);
    } else if (quiz.questionsPerAttempt !== null && quiz.questionsPerAttempt > pool) {
      problems.push(
        `The quiz of “${lesson.title}” draws ${quiz.questionsPerAttempt} questions per attempt but its pool has only ${pool}.`,
      );
    }
  }
  if (postTests > 1)
    problems.push(`A course has at most one post-test; this draft has ${postTests}.`);
  return problems;
}
