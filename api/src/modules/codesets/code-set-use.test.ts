import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import * as quiz from '../../testing/assessment-operations';
import { FIXTURES, fixture, uploadCodeFile, waitForImport } from './code-set-testing';

type Result = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions?: { code?: string; fieldErrors?: Record<string, string[]> };
  }[];
};

const LOOKUP = `query($system: CodeSystem!, $query: String!) { codeLookup(system: $system, query: $query) {
  release { name system } results { code billable shortDescription longDescription } } }`;
const NOTICES = `query($courseId: ID!) { courseCodeSetNotices(courseId: $courseId) { releaseName system
  changes { code kind oldBillable newBillable oldDescription newDescription
    uses { draft versionNumber lessonTitle questionPosition written } } } }`;
const MANAGED = `{ manageableCourses(first: 50) { edges { node { id openCodeSetNotices } } } }`;
const RELEASE_DIFF = `query($id: ID!) { codeSetRelease(id: $id) { name previousReleaseName addedCount deletedCount changedCount
  changes { code kind } } }`;

let api: TestApi;
let admin: Actor;
let author: Actor;
let student: Actor;
let must: ReturnType<typeof quiz.mustCall>;
let cm2027: string;
let pcs2027: string;

const call = (query: string, variables: Record<string, unknown>, actor: Actor) =>
  api.gql(query, variables, { token: actor.token }) as Promise<Result>;

async function importFile(system: string, effectiveOn: string, path: string) {
  const response = await uploadCodeFile(api, admin.token, {
    system,
    effectiveOn,
    file: fixture(path),
  });
  const job = await waitForImport(api, response.body.import.id);
  expect(job.status).toBe('SUCCEEDED');
  return job.releaseId!;
}

const codeItem = (answerCodes: string[], extra: Record<string, unknown> = {}) => ({
  type: 'CODE_SET',
  prompt: 'Code the encounter.',
  area: 'ICD10CM_GUIDELINES',
  codeSystem: 'ICD10CM',
  codeSetReleaseId: cm2027,
  answerCodes,
  rationale: 'See the guidelines.',
  ...extra,
});

beforeAll(async () => {
  api = await startTestApi();
  must = quiz.mustCall(api);
  [admin, author, student] = await Promise.all([
    registerActor(api, 'ADMIN', 'Ada Admin'),
    registerActor(api, 'INSTRUCTOR', 'Quinn Author'),
    registerActor(api, 'STUDENT', 'Stu Dent'),
  ]);
  cm2027 = await importFile('ICD10CM', '2026-10-01', FIXTURES.cm2027);
  pcs2027 = await importFile('ICD10PCS', '2026-10-01', FIXTURES.pcs2027);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('code look-up', () => {
  it('ranks an exact code first, then broader codes under the prefix, with the billable flag', async () => {
    const result = await call(LOOKUP, { system: 'ICD10CM', query: 'e11' }, student);
    const lookup = result.data!.codeLookup as {
      release: { name: string };
      results: { code: string; billable: boolean }[];
    };
    expect(lookup.release.name).toBe('ICD-10-CM FY2027');
    expect(lookup.results.map((r) => [r.code, r.billable])).toEqual([
      ['E11', false],
      ['E11.2', false],
      ['E11.6', false],
      ['E11.9', true],
      ['E11.21', true],
      ['E11.22', true],
      ['E11.65', true],
    ]);
    const dotted = await call(LOOKUP, { system: 'ICD10CM', query: 'E11.6' }, student);
    expect(
      (dotted.data!.codeLookup as { results: { code: string }[] }).results.map((r) => r.code),
    ).toEqual(['E11.6', 'E11.65']);
  });

  it('finds codes by words of the description (stemmed), ranked', async () => {
    const result = await call(LOOKUP, { system: 'ICD10CM', query: 'hypertension' }, student);
    const lookup = result.data!.codeLookup as {
      results: { code: string; longDescription: string }[];
    };
    expect(lookup.results.map((r) => r.code)).toEqual(['I10', 'I11', 'I11.0', 'I11.9']);
    const words = await call(LOOKUP, { system: 'ICD10CM', query: 'low back pain' }, student);
    expect(
      (words.data!.codeLookup as { results: { code: string }[] }).results.map((r) => r.code),
    ).toEqual(['M54.5']);
  });
});

describe('quiz builder checks answer codes against the release', () => {
  it('requires a release once one of the system is loaded, of the same system', async () => {
    const editor = await quiz.draftQuizCourse(api, author, { questions: [] });
    const add = (input: Record<string, unknown>) =>
      call(
        quiz.ADD_QUESTION,
        {
          courseId: editor.id,
          revision: editor.revision,
          quizId: quiz.quizLesson(editor).quiz!.id,
          input,
        },
        author,
      );
    const missing = await add(codeItem(['E11.9'], { codeSetReleaseId: null }));
    expect(missing.errors?.[0]?.extensions?.fieldErrors).toEqual({
      codeSetReleaseId: [
        'Choose the ICD-10-CM release this item is written for (e.g. ICD-10-CM FY2027).',
      ],
    });
    const otherSystem = await add(codeItem(['E11.9'], { codeSetReleaseId: pcs2027 }));
    expect(otherSystem.errors?.[0]?.extensions?.fieldErrors).toEqual({
      codeSetReleaseId: [
        'ICD-10-PCS FY2027 is an ICD-10-PCS release; choose an ICD-10-CM release.',
      ],
    });
  });

  it('refuses unknown, header and other-system codes with what to use instead', async () => {
    const editor = await quiz.draftQuizCourse(api, author, { questions: [] });
    const result = await call(
      quiz.ADD_QUESTION,
      {
        courseId: editor.id,
        revision: editor.revision,
        quizId: quiz.quizLesson(editor).quiz!.id,
        input: codeItem(['E11', 'E11.99']),
      },
      author,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fieldErrors).toEqual({
      answerCodes: [
        'E11 is a header (category) in ICD-10-CM FY2027, not billable: use a code under it, e.g. E11.9, E11.21, E11.22.',
        'E11.99 is not a code in ICD-10-CM FY2027.',
      ],
    });
    const pcsItem = await call(
      quiz.ADD_QUESTION,
      {
        courseId: editor.id,
        revision: editor.revision,
        quizId: quiz.quizLesson(editor).quiz!.id,
        input: codeItem(['S52501A'], { codeSystem: 'ICD10PCS', codeSetReleaseId: pcs2027 }),
      },
      author,
    );
    expect(pcsItem.errors?.[0]?.extensions?.fieldErrors).toEqual({
      answerCodes: ['S52501A is an ICD-10-CM code, not a code of ICD-10-PCS FY2027.'],
    });
  });

  it('saves a valid item with its release and the release year', async () => {
    const editor = await quiz.draftQuizCourse(api, author, {
      questions: [codeItem(['E11.22', 'N18.31'], { codeSetYear: 2020 })],
    });
    const row = await api.database.db.question.findFirstOrThrow({
      where: { quizId: quiz.quizLesson(editor).quiz!.id },
      select: { codeSetReleaseId: true, codeSetYear: true, answerCodes: true },
    });
    expect(row).toEqual({
      codeSetReleaseId: cm2027,
      codeSetYear: 2027,
      answerCodes: ['E11.22', 'N18.31'],
    });
  });
});

describe('learners get the same check, without the key', () => {
  it('refuses a header or unknown code with a helpful message and keeps the saved answer', async () => {
    const editor = await quiz.draftQuizCourse(api, author, {
      questions: [codeItem(['E11.22', 'N18.31'])],
    });
    const course = await quiz.publishQuizCourse(api, author, editor);
    await quiz.enrol(api, student, course);
    const attempt = await must<{ id: string; questions: { id: string }[] }>(
      quiz.START_ATTEMPT,
      { lessonId: course.lessonId },
      student,
    );
    const save = (text: string) =>
      call(
        quiz.SAVE_ANSWER,
        { attemptId: attempt.id, questionId: attempt.questions[0]!.id, answer: { text } },
        student,
      );
    expect((await save('E11.22 N18.30')).errors).toBeUndefined();
    const header = await save('E11 N18.31');
    expect(header.errors?.[0]?.extensions?.fieldErrors).toEqual({
      text: [
        'E11 is a category header in ICD-10-CM FY2027, not a billable code: code to the highest level of detail.',
      ],
    });
    const unknown = await save('E11.99');
    expect(unknown.errors?.[0]?.message).toBe(
      'E11.99 is not an ICD-10-CM code in ICD-10-CM FY2027. Check it in the code look-up. Your saved answer has not changed.',
    );
    const saved = await api.database.db.attemptAnswer.findFirstOrThrow({
      where: { attemptId: attempt.id },
      select: { response: true },
    });
    expect(saved.response).toMatchObject({ codes: ['E11.22', 'N18.30'] });
  });
});

describe('change notices', () => {
  let ckd: quiz.Editor;
  let published: quiz.PublishedQuiz;
  let untouched: quiz.Editor;
  let backPain: quiz.Editor;
  let fy2028: string;

  beforeAll(async () => {
    ckd = await quiz.draftQuizCourse(api, author, {
      title: 'CKD Coding',
      questions: [codeItem(['E11.22', 'N18.31'])],
    });
    published = await quiz.publishQuizCourse(api, author, ckd);
    untouched = await quiz.draftQuizCourse(api, author, {
      title: 'Unaffected',
      questions: [codeItem(['E11.9'])],
    });
    backPain = await quiz.draftQuizCourse(api, author, { title: 'Back pain', questions: [] });
    const course = await api.database.db.course.findUniqueOrThrow({ where: { id: backPain.id } });
    await api.database.db.lesson.updateMany({
      where: { module: { versionId: course.draftVersionId! }, kind: 'TEXT' },
      data: {
        body: 'Low back pain was **M54.5** before the split; N18.3 is a header. M545 again.',
      },
    });
    fy2028 = await importFile('ICD10CM', '2027-10-01', FIXTURES.cm2028);
  }, 60_000);

  const counts = async () =>
    Object.fromEntries(
      (
        (await call(MANAGED, {}, author)).data!.manageableCourses as {
          edges: { node: { id: string; openCodeSetNotices: number } }[];
        }
      ).edges.map((edge) => [edge.node.id, edge.node.openCodeSetNotices]),
    );

  it('stores the diff and shows it with the previous release', async () => {
    const diff = await call(RELEASE_DIFF, { id: fy2028 }, admin);
    expect(diff.data!.codeSetRelease).toEqual({
      name: 'ICD-10-CM FY2028',
      previousReleaseName: 'ICD-10-CM FY2027',
      addedCount: 2,
      deletedCount: 1,
      changedCount: 2,
      changes: [
        { code: 'M54.5', kind: 'CHANGED' },
        { code: 'M54.50', kind: 'ADDED' },
        { code: 'M54.59', kind: 'ADDED' },
        { code: 'N18.31', kind: 'DELETED' },
        { code: 'Z79.4', kind: 'CHANGED' },
      ],
    });
  });

  it('notifies a course that uses a deleted code, lists each place, and clears once fixed', async () => {
    const notices = await call(NOTICES, { courseId: ckd.id }, author);
    expect(notices.data!.courseCodeSetNotices).toEqual([
      {
        releaseName: 'ICD-10-CM FY2028',
        system: 'ICD10CM',
        changes: [
          {
            code: 'N18.31',
            kind: 'DELETED',
            oldBillable: true,
            newBillable: null,
            oldDescription: 'Chronic kidney disease, stage 3a',
            newDescription: null,
            uses: [
              {
                draft: true,
                versionNumber: 2,
                lessonTitle: 'Post-test',
                questionPosition: 1,
                written: 'N18.31',
              },
              {
                draft: false,
                versionNumber: 1,
                lessonTitle: 'Post-test',
                questionPosition: 1,
                written: 'N18.31',
              },
            ],
          },
        ],
      },
    ]);
    expect(await counts()).toMatchObject({ [ckd.id]: 1, [untouched.id]: 0 });

    // The instructor fixes the item in the draft (against the new release): the notice clears.
    const draft = published.editor;
    const questionId = quiz.quizLesson(draft).quiz!.questions[0]!.id;
    await must(
      quiz.UPDATE_QUESTION,
      {
        courseId: draft.id,
        revision: draft.revision,
        questionId,
        input: codeItem(['E11.22', 'N18.30'], { codeSetReleaseId: fy2028 }),
      },
      author,
    );
    expect((await call(NOTICES, { courseId: ckd.id }, author)).data!.courseCodeSetNotices).toEqual(
      [],
    );
    expect(await counts()).toMatchObject({ [ckd.id]: 0 });
    const row = await api.database.db.codeSetNotice.findFirstOrThrow({
      where: { courseId: ckd.id },
    });
    expect(row.clearedAt).not.toBeNull();
  });

  it('finds code-shaped tokens in lesson text (with or without the dot)', async () => {
    const notices = (await call(NOTICES, { courseId: backPain.id }, author)).data!
      .courseCodeSetNotices as { changes: unknown[] }[];
    expect(notices).toHaveLength(1);
    expect(notices[0]!.changes).toEqual([
      {
        code: 'M54.5',
        kind: 'CHANGED',
        oldBillable: true,
        newBillable: false,
        oldDescription: 'Low back pain',
        newDescription: 'Low back pain',
        uses: [
          {
            draft: true,
            versionNumber: 1,
            lessonTitle: 'Conventions',
            questionPosition: null,
            written: 'M54.5',
          },
        ],
      },
    ]);
  });
});

describe('the learner-facing course page', () => {
  it('says which code-set year the course teaches', async () => {
    const editor = await quiz.draftQuizCourse(api, author, {
      title: 'Year Course',
      questions: [codeItem(['E11.9'])],
    });
    await quiz.publishQuizCourse(api, author, editor);
    const course = await api.database.db.course.findUniqueOrThrow({ where: { id: editor.id } });
    const result = await api.gql<{ course: { codeSetsTaught: string[] } }>(
      `query($slug: String!) { course(slug: $slug) { codeSetsTaught } }`,
      { slug: course.slug },
    );
    expect(result.data?.course.codeSetsTaught).toEqual(['ICD-10-CM FY2027']);
  });

  it('keeps each item pinned to its release in the draft made at publish, and so in the next version', async () => {
    const editor = await quiz.draftQuizCourse(api, author, {
      title: 'Pinned Release Course',
      questions: [codeItem(['E11.9'])],
    });
    await quiz.publishQuizCourse(api, author, editor);
    const items = await api.database.db.question.findMany({
      where: { quiz: { lesson: { module: { version: { courseId: editor.id } } } } },
      select: {
        codeSetReleaseId: true,
        quiz: {
          select: {
            lesson: {
              select: {
                module: {
                  select: { version: { select: { number: true, publishedAt: true } } },
                },
              },
            },
          },
        },
      },
    });
    const byVersion = items.map((item) => ({
      number: item.quiz.lesson.module.version.number,
      published: item.quiz.lesson.module.version.publishedAt !== null,
      codeSetReleaseId: item.codeSetReleaseId,
    }));
    expect(byVersion.sort((a, b) => a.number - b.number)).toEqual([
      { number: 1, published: true, codeSetReleaseId: cm2027 },
      { number: 2, published: false, codeSetReleaseId: cm2027 },
    ]);
  });
});
