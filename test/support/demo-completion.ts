import { createEnrollment } from '@lms/db/testing';
import { expect } from 'vitest';
import { callApi } from './journey';
import type { Stack } from './stack';

export const DEMO_CE_COURSE_SLUG = 'icd-10-cm-guidelines-fy2027-update';

/**
 * The student completes the paid CE demo course (enrolled by a grant, as an admin or a purchase
 * would): every text lesson marked complete, the post-test passed with the key read from the DB.
 */
export async function completeDemoCourse(
  stack: Stack,
  student: { email: string; password: string },
): Promise<{ attemptId: string }> {
  const api = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    callApi<T>(stack, query, variables, token);
  const db = stack.database.db;
  const { token } = await api<{ token: string }>(
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email: student.email, password: student.password } },
  );
  const user = await db.user.findUniqueOrThrow({ where: { email: student.email } });
  const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_CE_COURSE_SLUG } });
  await createEnrollment(db, { userId: user.id, courseId: course.id });
  const lessons = await db.lesson.findMany({
    where: { module: { versionId: course.latestPublishedVersionId! } },
    orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
    select: { id: true, kind: true, estimatedMinutes: true },
  });
  // The course asks for 80 % of each lesson's time: open each lesson, let its time pass (the
  // clock is moved back in the database, as a learner reading it would move it forward), then
  // complete it through the API, which credits the gap and checks the minimum.
  for (const lesson of lessons.filter((l) => l.kind !== 'QUIZ')) {
    await api(
      'mutation($lessonId: ID!) { recordLessonActivity(lessonId: $lessonId, event: OPEN) { seatSeconds } }',
      { lessonId: lesson.id },
      token,
    );
    // Completing it right away is refused: the demo course cannot be clicked through.
    await expect(
      api(
        'mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted } }',
        { lessonId: lesson.id },
        token,
      ),
    ).rejects.toThrow(/PRECONDITION_FAILED/);
    await db.lessonProgress.updateMany({
      where: { lessonId: lesson.id, enrollment: { userId: user.id } },
      data: { lastSeenAt: new Date(Date.now() - lesson.estimatedMinutes * 60_000) },
    });
    await api(
      'mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted } }',
      { lessonId: lesson.id },
      token,
    );
  }
  const quizLesson = lessons.find((l) => l.kind === 'QUIZ')!;
  const attempt = await api<{ id: string; questions: { id: string }[] }>(
    'mutation($lessonId: ID!) { startQuizAttempt(lessonId: $lessonId) { id questions { id } } }',
    { lessonId: quizLesson.id },
    token,
  );
  for (const { id } of attempt.questions) {
    const key = await db.question.findUniqueOrThrow({
      where: { id },
      select: {
        type: true,
        acceptedAnswers: true,
        answerCodes: true,
        options: { select: { id: true, correct: true } },
      },
    });
    const answer =
      key.type === 'CODE_SET'
        ? { text: key.answerCodes.join(', ') }
        : key.type === 'SHORT_TEXT'
          ? { text: key.acceptedAnswers[0] }
          : { optionIds: key.options.filter((o) => o.correct).map((o) => o.id) };
    await api(
      'mutation($attemptId: ID!, $questionId: ID!, $answer: AnswerInput!) { saveAnswer(attemptId: $attemptId, questionId: $questionId, answer: $answer) { savedAt } }',
      { attemptId: attempt.id, questionId: id, answer },
      token,
    );
  }
  const submitted = await api<{ courseCompleted: boolean }>(
    'mutation($attemptId: ID!) { submitQuizAttempt(attemptId: $attemptId) { courseCompleted } }',
    { attemptId: attempt.id },
    token,
  );
  expect(submitted.courseCompleted).toBe(true);
  return { attemptId: attempt.id };
}
