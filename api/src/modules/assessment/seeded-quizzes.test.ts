import { questionSchema, quizProblems } from '@lms/core';
import { seedDemoData } from '@lms/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import * as quiz from '../../testing/assessment-operations';

let api: TestApi;
let learner: Actor;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoData(api.database.db);
  learner = await registerActor(api, 'STUDENT', 'Demo Learner');
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const quizzesOf = (slug: string) =>
  api.database.db.quiz.findMany({
    where: { lesson: { module: { version: { course: { slug } } } } },
    include: {
      lesson: {
        select: { id: true, title: true, kind: true, module: { select: { versionId: true } } },
      },
      questions: {
        orderBy: { position: 'asc' },
        include: { options: { orderBy: { position: 'asc' } } },
      },
    },
  });

describe('demo quizzes', () => {
  it('give the ICD-10-CM CE course a post-test, the CPC course a mock exam and the HCPCS course a practice quiz', async () => {
    const [postTest] = await quizzesOf('icd-10-cm-guidelines-fy2027-update');
    expect(postTest).toMatchObject({
      mode: 'POST_TEST',
      passPercent: 70,
      maxAttempts: 3,
      questionsPerAttempt: 8,
    });
    expect(postTest!.questions).toHaveLength(10);
    const [mock] = await quizzesOf('cpc-exam-prep-complete-review');
    expect(mock).toMatchObject({ mode: 'MOCK_EXAM', timeLimitMinutes: 30 });
    expect(mock!.questions).toHaveLength(20);
    expect(new Set(mock!.questions.map((q) => q.area)).size).toBeGreaterThanOrEqual(5);
    const [practice] = await quizzesOf('hcpcs-level-ii-supplies-dme-drugs');
    expect(practice!.mode).toBe('PRACTICE');
    for (const seeded of [postTest!, mock!, practice!]) {
      expect(seeded.lesson.kind).toBe('QUIZ');
      expect(seeded.questions.some((q) => q.type === 'CODE_SET')).toBe(true);
    }
  });

  it('pass the authoring rules and the publishing checks, with rationales and no CPT', async () => {
    const quizzes = await api.database.db.quiz.findMany({
      include: {
        lesson: true,
        questions: {
          orderBy: { position: 'asc' },
          include: { options: { orderBy: { position: 'asc' } } },
        },
      },
    });
    expect(quizzes.length).toBeGreaterThanOrEqual(3);
    for (const seeded of quizzes) {
      for (const question of seeded.questions) {
        const correct = question.options.filter((o) => o.correct);
        const parsed = questionSchema.safeParse({
          ...question,
          trueFalseAnswer: question.type === 'TRUE_FALSE' ? correct[0]?.text === 'True' : null,
        });
        expect(parsed.error?.issues ?? [], question.prompt).toEqual([]);
        expect(question.rationale.length, question.prompt).toBeGreaterThan(20);
        const text = [
          question.prompt,
          question.rationale,
          ...question.options.map((o) => o.text),
        ].join('\n');
        expect(text, question.prompt).not.toMatch(/\b\d{5}\b|\b\d{4}[FT]\b/);
      }
      expect(
        quizProblems({ modules: [{ lessons: [{ ...seeded.lesson, quiz: seeded }] }] as never }),
      ).toEqual([]);
    }
  });

  it('can be taken by an enrolled learner: 8 of 10 post-test questions, no key', async () => {
    const [postTest] = await quizzesOf('icd-10-cm-guidelines-fy2027-update');
    const course = await api.database.db.course.findUniqueOrThrow({
      where: { slug: 'icd-10-cm-guidelines-fy2027-update' },
    });
    await quiz.enrol(api, learner, {
      courseId: course.id,
      versionId: postTest!.lesson.module.versionId,
    });
    const result = await api.gql<{
      startQuizAttempt: { questions: unknown[]; deadlineAt: string };
    }>(quiz.START_ATTEMPT, { lessonId: postTest!.lesson.id }, { token: learner.token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.startQuizAttempt.questions).toHaveLength(8);
    expect(JSON.stringify(result.data)).not.toMatch(/E11\.9|"correct/);
  });
});
