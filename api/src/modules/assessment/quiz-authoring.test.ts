import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import * as quiz from '../../testing/assessment-operations';
import * as ops from '../../testing/authoring-operations';

type Result = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions?: { code?: string; fieldErrors?: Record<string, string[]> };
  }[];
};

let api: TestApi;
let author: Actor;
let stranger: Actor;
let student: Actor;
let must: ReturnType<typeof quiz.mustCall>;

const call = (query: string, variables: Record<string, unknown>, actor: Actor = author) =>
  api.gql(query, variables, { token: actor.token }) as Promise<Result>;

beforeAll(async () => {
  api = await startTestApi();
  must = quiz.mustCall(api);
  [author, stranger, student] = await Promise.all([
    registerActor(api, 'INSTRUCTOR', 'Quinn Author'),
    registerActor(api, 'INSTRUCTOR', 'Sam Stranger'),
    registerActor(api, 'STUDENT', 'Stu Dent'),
  ]);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('quiz settings', () => {
  it('creates the quiz on first save, keyed to the QUIZ lesson, and answers CONFLICT when stale', async () => {
    const editor = await quiz.draftQuizCourse(api, author, { questions: [] });
    const lesson = quiz.quizLesson(editor);
    expect(lesson.quiz).toMatchObject({ mode: 'POST_TEST', questions: [] });

    const stale = await call(quiz.CONFIGURE_QUIZ, {
      courseId: editor.id,
      revision: editor.revision - 1,
      lessonId: lesson.id,
      input: { ...quiz.POST_TEST, passPercent: 80 },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const updated = await must<quiz.Editor>(
      quiz.CONFIGURE_QUIZ,
      {
        courseId: editor.id,
        revision: editor.revision,
        lessonId: lesson.id,
        input: { ...quiz.POST_TEST, mode: 'MOCK_EXAM', passPercent: 80, timeLimitMinutes: 240 },
      },
      author,
    );
    expect(quiz.quizLesson(updated).quiz).toMatchObject({ id: lesson.quiz!.id, mode: 'MOCK_EXAM' });
  });

  it('names the field for each settings rule', async () => {
    const editor = await quiz.draftQuizCourse(api, author);
    const lesson = quiz.quizLesson(editor);
    const textLesson = editor.modules[0]!.lessons.find((l) => l.kind === 'TEXT')!;
    const attempt = async (input: Record<string, unknown>, lessonId = lesson.id) => {
      const result = await call(quiz.CONFIGURE_QUIZ, {
        courseId: editor.id,
        revision: editor.revision,
        lessonId,
        input: { ...quiz.POST_TEST, ...input },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return result.errors![0]!.extensions!.fieldErrors!;
    };
    expect(await attempt({ passPercent: 0 })).toHaveProperty('passPercent');
    expect(await attempt({ passPercent: 101 })).toHaveProperty('passPercent');
    expect(await attempt({ timeLimitMinutes: 0 })).toHaveProperty('timeLimitMinutes');
    expect(await attempt({ maxAttempts: 0 })).toHaveProperty('maxAttempts');
    expect((await attempt({ questionsPerAttempt: 5 })).questionsPerAttempt?.[0]).toMatch(
      /pool has 4/,
    );
    expect((await attempt({}, textLesson.id)).lessonId?.[0]).toMatch(/Only quiz lessons/);
  });

  it('allows at most one post-test per course version', async () => {
    let editor = await quiz.draftQuizCourse(api, author);
    editor = await must<quiz.Editor>(
      ops.ADD_LESSON,
      {
        courseId: editor.id,
        revision: editor.revision,
        moduleId: editor.modules[0]!.id,
        input: { title: 'Second test', kind: 'QUIZ', estimatedMinutes: 5 },
      },
      author,
    );
    const second = editor.modules[0]!.lessons.at(-1)!;
    const result = await call(quiz.CONFIGURE_QUIZ, {
      courseId: editor.id,
      revision: editor.revision,
      lessonId: second.id,
      input: quiz.POST_TEST,
    });
    expect(result.errors?.[0]?.extensions?.fieldErrors?.mode?.[0]).toMatch(/at most one post-test/);
    const practice = await call(quiz.CONFIGURE_QUIZ, {
      courseId: editor.id,
      revision: editor.revision,
      lessonId: second.id,
      input: { ...quiz.POST_TEST, mode: 'PRACTICE' },
    });
    expect(practice.errors).toBeUndefined();
  });

  it('hides the course from strangers and students (NOT_FOUND)', async () => {
    const editor = await quiz.draftQuizCourse(api, author, { questions: [] });
    for (const actor of [stranger, student]) {
      const result = await call(
        quiz.CONFIGURE_QUIZ,
        {
          courseId: editor.id,
          revision: editor.revision,
          lessonId: quiz.quizLesson(editor).id,
          input: quiz.POST_TEST,
        },
        actor,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const add = await call(
        quiz.ADD_QUESTION,
        {
          courseId: editor.id,
          revision: editor.revision,
          quizId: quiz.quizLesson(editor).quiz!.id,
          input: quiz.QUESTIONS[0],
        },
        actor,
      );
      expect(add.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe('questions', () => {
  it('adds each type, generates True/False, stores codes in display form', async () => {
    const editor = await quiz.draftQuizCourse(api, author, {
      questions: [
        ...quiz.QUESTIONS,
        {
          type: 'SHORT_TEXT',
          prompt: '7th character for active treatment?',
          acceptedAnswers: ['A'],
        },
        {
          type: 'CODE_SET',
          prompt: 'Laparoscopic appendectomy',
          codeSystem: 'ICD10PCS',
          answerCodes: ['0dtj4zz'],
        },
        {
          type: 'CODE_SET',
          prompt: 'Crutches and strips',
          codeSystem: 'HCPCS',
          answerCodes: ['e0114', 'A4253'],
        },
        { type: 'CODE_SET', prompt: 'Fracture', codeSystem: 'ICD10CM', answerCodes: ['s52501a'] },
      ],
    });
    const questions = quiz.quizLesson(editor).quiz!.questions;
    expect(questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(questions[2]!.options.map(({ text, correct }) => ({ text, correct }))).toEqual([
      { text: 'True', correct: false },
      { text: 'False', correct: true },
    ]);
    expect(questions[1]!.answerCodes).toEqual(['E11.9', 'Z79.4']);
    expect(questions.slice(5).map((q) => q.answerCodes)).toEqual([
      ['0DTJ4ZZ'],
      ['E0114', 'A4253'],
      ['S52.501A'],
    ]);
  });

  it('keeps HCPCS modifiers in the key and flags items written for an older code-set year', async () => {
    const now = new Date();
    const fiscalYear = now.getUTCMonth() >= 9 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
    const editor = await quiz.draftQuizCourse(api, author, {
      questions: [
        {
          type: 'CODE_SET',
          prompt: 'Rented crutches',
          codeSystem: 'HCPCS',
          answerCodes: ['e0114-rr'],
        },
        {
          type: 'CODE_SET',
          prompt: 'Old item',
          codeSystem: 'ICD10CM',
          answerCodes: ['I10'],
          codeSetYear: fiscalYear - 1,
        },
        {
          type: 'CODE_SET',
          prompt: 'Current item',
          codeSystem: 'ICD10CM',
          answerCodes: ['I10'],
          codeSetYear: fiscalYear,
        },
      ],
    });
    const ids = quiz.quizLesson(editor).quiz!.questions.map((q) => q.id);
    const detail = await api.gql<{
      editableCourse: {
        modules: {
          lessons: {
            quiz: {
              questions: { id: string; answerCodes: string[]; codeSetStale: boolean }[];
            } | null;
          }[];
        }[];
      };
    }>(
      `query($id: ID!) { editableCourse(id: $id) { modules { lessons { quiz { questions { id answerCodes codeSetStale } } } } } }`,
      { id: editor.id },
      { token: author.token },
    );
    const questions = detail
      .data!.editableCourse.modules.flatMap((module) => module.lessons)
      .flatMap((lesson) => lesson.quiz?.questions ?? [])
      .filter((question) => ids.includes(question.id));
    expect(questions.map((q) => [q.answerCodes, q.codeSetStale])).toEqual([
      [['E0114-RR'], false],
      [['I10'], true],
      [['I10'], false],
    ]);
  });

  it('refuses every invalid question with the field named', async () => {
    const editor = await quiz.draftQuizCourse(api, author, { questions: [] });
    const quizId = quiz.quizLesson(editor).quiz!.id;
    const refused = async (input: Record<string, unknown>) => {
      const result = await call(quiz.ADD_QUESTION, {
        courseId: editor.id,
        revision: editor.revision,
        quizId,
        input,
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return result.errors![0]!.extensions!.fieldErrors!;
    };
    const two = [{ text: 'A', correct: true }, { text: 'B' }];
    expect(
      await refused({
        type: 'SINGLE_CHOICE',
        prompt: 'Q',
        options: [{ text: 'A', correct: true }],
      }),
    ).toHaveProperty('options');
    expect(
      (
        await refused({
          type: 'SINGLE_CHOICE',
          prompt: 'Q',
          options: two.map((o) => ({ ...o, correct: true })),
        })
      ).options,
    ).toEqual(['Mark exactly one option as correct.']);
    expect(
      await refused({
        type: 'MULTIPLE_CHOICE',
        prompt: 'Q',
        options: [{ text: 'A' }, { text: 'B' }],
      }),
    ).toHaveProperty('options');
    expect(await refused({ type: 'TRUE_FALSE', prompt: 'Q' })).toHaveProperty('trueFalseAnswer');
    expect(await refused({ type: 'SHORT_TEXT', prompt: 'Q' })).toHaveProperty('acceptedAnswers');
    expect(await refused({ type: 'CODE_SET', prompt: 'Q', answerCodes: ['I10'] })).toHaveProperty(
      'codeSystem',
    );
    expect(
      await refused({ type: 'CODE_SET', prompt: 'Q', codeSystem: 'ICD10CM', answerCodes: [] }),
    ).toHaveProperty('answerCodes');
    expect(
      (
        await refused({
          type: 'CODE_SET',
          prompt: 'Q',
          codeSystem: 'HCPCS',
          answerCodes: ['12345'],
        })
      ).answerCodes![0],
    ).toMatch(/CPT content is not allowed/);
    expect(
      (
        await refused({
          type: 'CODE_SET',
          prompt: 'Q',
          codeSystem: 'HCPCS',
          answerCodes: ['D0000'],
        })
      ).answerCodes![0],
    ).toMatch(/ADA/);
    expect(
      (
        await refused({
          type: 'CODE_SET',
          prompt: 'Q',
          codeSystem: 'ICD10CM',
          answerCodes: ['E11.9', 'e119'],
        })
      ).answerCodes![0],
    ).toMatch(/listed twice/);
    expect(
      await refused({
        type: 'CODE_SET',
        prompt: 'Q',
        codeSystem: 'ICD10PCS',
        answerCodes: ['0DTJ4ZO'],
      }),
    ).toHaveProperty('answerCodes');
    expect(
      await refused({ type: 'SINGLE_CHOICE', prompt: 'x'.repeat(20 * 1024 + 1), options: two }),
    ).toHaveProperty('prompt');
    expect(
      await refused({ type: 'SINGLE_CHOICE', prompt: 'Q', options: two, points: 11 }),
    ).toHaveProperty('points');
    expect(
      await refused({ type: 'SINGLE_CHOICE', prompt: 'Q', options: two, codeSetYear: 1999 }),
    ).toHaveProperty('codeSetYear');
  });

  it('updates, moves and deletes questions on the draft', async () => {
    let editor = await quiz.draftQuizCourse(api, author);
    const [first, second] = quiz.quizLesson(editor).quiz!.questions;
    editor = await must<quiz.Editor>(
      quiz.UPDATE_QUESTION,
      {
        courseId: editor.id,
        revision: editor.revision,
        questionId: second!.id,
        input: {
          type: 'CODE_SET',
          prompt: 'Essential hypertension',
          codeSystem: 'ICD10CM',
          answerCodes: ['i10'],
        },
      },
      author,
    );
    expect(quiz.quizLesson(editor).quiz!.questions[1]).toMatchObject({
      prompt: 'Essential hypertension',
      answerCodes: ['I10'],
    });
    editor = await must<quiz.Editor>(
      quiz.MOVE_QUESTION,
      { courseId: editor.id, revision: editor.revision, questionId: first!.id, position: 4 },
      author,
    );
    expect(
      quiz
        .quizLesson(editor)
        .quiz!.questions.map((q) => q.id)
        .at(-1),
    ).toBe(first!.id);
    editor = await must<quiz.Editor>(
      quiz.DELETE_QUESTION,
      { courseId: editor.id, revision: editor.revision, questionId: second!.id },
      author,
    );
    const left = quiz.quizLesson(editor).quiz!.questions;
    expect(left).toHaveLength(3);
    expect(left.map((q) => q.position)).toEqual([1, 2, 3]);
    const stale = await call(quiz.DELETE_QUESTION, {
      courseId: editor.id,
      revision: editor.revision - 1,
      questionId: left[0]!.id,
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('publishing quizzes', () => {
  it('refuses a quiz lesson without a quiz, an empty pool, or more draws than the pool', async () => {
    let editor = await quiz.draftQuizCourse(api, author, { questions: [] });
    const preview = async () =>
      (await must<{ problems: string[] }>(ops.PUBLISH_PREVIEW, { courseId: editor.id }, author))
        .problems;
    expect(await preview()).toContain('The quiz of “Post-test” has no questions.');

    editor = await must<quiz.Editor>(
      ops.ADD_LESSON,
      {
        courseId: editor.id,
        revision: editor.revision,
        moduleId: editor.modules[0]!.id,
        input: { title: 'Unconfigured', kind: 'QUIZ', estimatedMinutes: 5 },
      },
      author,
    );
    expect(await preview()).toContain('Quiz lesson “Unconfigured” has no quiz yet.');

    const full = await quiz.draftQuizCourse(api, author, { settings: { questionsPerAttempt: 4 } });
    const questions = quiz.quizLesson(full).quiz!.questions;
    const trimmed = await must<quiz.Editor>(
      quiz.DELETE_QUESTION,
      { courseId: full.id, revision: full.revision, questionId: questions[0]!.id },
      author,
    );
    const problems = (
      await must<{ problems: string[] }>(ops.PUBLISH_PREVIEW, { courseId: full.id }, author)
    ).problems;
    expect(problems).toContain(
      'The quiz of “Post-test” draws 4 questions per attempt but its pool has only 3.',
    );
    const publish = await call(ops.PUBLISH, { courseId: full.id, revision: trimmed.revision });
    expect(publish.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('returns publishing problems as values: kind, the lesson and quiz they are about, and the message', async () => {
    const PROBLEMS = `query($courseId: ID!) { publishPreview(courseId: $courseId) {
      problems publishingProblems { kind message moduleId lessonId quizId creditApprovalId } } }`;
    type Problem = {
      kind: string;
      message: string;
      lessonId: string | null;
      quizId: string | null;
    };
    const full = await quiz.draftQuizCourse(api, author, { settings: { questionsPerAttempt: 4 } });
    const lesson = quiz.quizLesson(full);
    // A second quiz lesson whose title contains the first one's: no substring can tell them apart.
    const editor = await must<quiz.Editor>(
      ops.ADD_LESSON,
      {
        courseId: full.id,
        revision: full.revision,
        moduleId: full.modules[0]!.id,
        input: { title: `${lesson.title} (practice)`, kind: 'QUIZ', estimatedMinutes: 5 },
      },
      author,
    );
    const practice = editor.modules[0]!.lessons.find(
      (l) => l.title === `${lesson.title} (practice)`,
    )!;
    await must<quiz.Editor>(
      quiz.DELETE_QUESTION,
      {
        courseId: full.id,
        revision: editor.revision,
        questionId: lesson.quiz!.questions[0]!.id,
      },
      author,
    );
    const preview = await must<{ problems: string[]; publishingProblems: Problem[] }>(
      PROBLEMS,
      { courseId: full.id },
      author,
    );
    expect(preview.publishingProblems).toEqual([
      {
        kind: 'QUIZ_DRAWS_MORE_THAN_POOL',
        message: `The quiz of “${lesson.title}” draws 4 questions per attempt but its pool has only 3.`,
        moduleId: full.modules[0]!.id,
        lessonId: lesson.id,
        quizId: lesson.quiz!.id,
        creditApprovalId: null,
      },
      {
        kind: 'QUIZ_LESSON_WITHOUT_QUIZ',
        message: `Quiz lesson “${practice.title}” has no quiz yet.`,
        moduleId: full.modules[0]!.id,
        lessonId: practice.id,
        quizId: null,
        creditApprovalId: null,
      },
    ]);
    expect(preview.problems).toEqual(preview.publishingProblems.map((p) => p.message));
  });

  it('copies the quiz into the next draft and keeps the published quiz unchanged', async () => {
    const editor = await quiz.draftQuizCourse(api, author);
    const published = await quiz.publishQuizCourse(api, author, editor);
    const draftQuiz = quiz.quizLesson(published.editor).quiz!;
    expect(draftQuiz.id).not.toBe(published.quizId);
    expect(draftQuiz.questions.map((q) => q.prompt)).toEqual(quiz.QUESTIONS.map((q) => q.prompt));
    expect(draftQuiz.questions[0]!.options.map((o) => o.text)).toEqual(
      published.questions[0]!.options.map((o) => o.text),
    );
    const keys = async (quizId: string) =>
      (
        await api.database.db.question.findMany({
          where: { quizId },
          orderBy: { position: 'asc' },
          select: { key: true },
        })
      ).map((q) => q.key);
    expect(await keys(draftQuiz.id)).toEqual(await keys(published.quizId));

    const snapshot = () =>
      api.database.db.quiz.findUniqueOrThrow({
        where: { id: published.quizId },
        include: {
          questions: {
            orderBy: { position: 'asc' },
            include: { options: { orderBy: { position: 'asc' } } },
          },
        },
      });
    const before = await snapshot();

    let next = await must<quiz.Editor>(
      quiz.UPDATE_QUESTION,
      {
        courseId: editor.id,
        revision: published.editor.revision,
        questionId: draftQuiz.questions[0]!.id,
        input: { ...quiz.QUESTIONS[0], prompt: 'What does NEC stand for?' },
      },
      author,
    );
    next = await must<quiz.Editor>(
      quiz.CONFIGURE_QUIZ,
      {
        courseId: editor.id,
        revision: next.revision,
        lessonId: quiz.quizLesson(next).id,
        input: { ...quiz.POST_TEST, passPercent: 80 },
      },
      author,
    );
    next = await must<quiz.Editor>(
      quiz.ADD_QUESTION,
      {
        courseId: editor.id,
        revision: next.revision,
        quizId: draftQuiz.id,
        input: {
          type: 'SHORT_TEXT',
          prompt: 'Abbreviation for unspecified?',
          acceptedAnswers: ['NOS'],
        },
      },
      author,
    );
    expect(await snapshot()).toEqual(before);

    const second = await must<{ changes: string[] }>(
      ops.PUBLISH,
      { courseId: editor.id, revision: next.revision },
      author,
    );
    expect(second.changes).toContain(
      'Quiz “Post-test” changed: pass mark, 1 question added, 1 question changed',
    );
    expect(await snapshot()).toEqual(before);

    // The database itself refuses to change a published quiz.
    await expect(
      api.database.db.question.update({
        where: { id: published.questions[0]!.id },
        data: { prompt: 'Edited' },
      }),
    ).rejects.toThrow(/cannot be changed/);
  });
});
