/**
 * Route actions against the real API process (real HTTP, real PostgreSQL, seeded demo data):
 * the route's own `action` is called with a real Request, as Remix calls it. Nothing is mocked;
 * "the API is down" is the API process really stopped.
 */

import { seedDemoData } from '@lms/db';
import {
  createTestDatabase,
  DEMO_PASSWORD,
  expectConsoleError,
  type TestDatabase,
} from '@lms/db/testing';
import type { ActionFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiProcess } from '../../test/support/processes';
import { cookiesOf, post, run, signInCookie } from './action-kit';

let database: TestDatabase;
let api: Awaited<ReturnType<typeof startApiProcess>>;
let signIn: typeof import('../app/routes/sign-in').action;
let transcript: typeof import('../app/routes/transcript._index/route');
type Action = (args: ActionFunctionArgs) => unknown;
const routes: Record<'teach' | 'course' | 'syllabus' | 'quiz' | 'approvals' | 'profile', Action> =
  {} as never;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  api = await startApiProcess(database.url);
  // env.server reads API_URL once, when it is first imported: set it, then load the routes.
  vi.stubEnv('API_URL', `${api.url}/graphql`);
  signIn = (await import('../app/routes/sign-in')).action;
  transcript = await import('../app/routes/transcript._index/route');
  routes.teach = (await import('../app/routes/teach._index')).action;
  routes.course = (await import('../app/routes/teach.courses.$id._index/route')).action;
  routes.syllabus = (await import('../app/routes/teach.courses.$id.syllabus/route')).action;
  routes.quiz = (
    await import('../app/routes/teach.courses.$id.lessons.$lessonId_.quiz/route')
  ).action;
  routes.approvals = (await import('../app/routes/teach.courses.$id.approvals/route')).action;
  routes.profile = (await import('../app/routes/profile')).action;
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

async function signInAs(email: string): Promise<string> {
  return signInCookie(signIn, email);
}

describe('sign-in action', () => {
  it('names each empty field without asking the API, and never echoes the password', async () => {
    const response = await run(signIn, post('/sign-in', { email: '  ', password: '' }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toEqual({
      email: ['Enter your email address.'],
      password: ['Enter your password.'],
    });
    expect(body.initialValue?.password).toBeUndefined();
  });

  it('signs a learner in and lands on My learning with a welcome flash', async () => {
    const response = await run(
      signIn,
      post('/sign-in', { email: 'priya.shah@example.com', password: DEMO_PASSWORD }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/learn');
    expect(cookiesOf(response)).toMatch(/lms_flash=/);
  });

  it('answers a wrong password on the form with the email kept', async () => {
    const response = await run(
      signIn,
      post('/sign-in', { email: ' priya.shah@example.com ', password: 'not-the-password' }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    // Conform's reply: the email as typed, without the password, and the API's message.
    expect(body.initialValue).toEqual({ email: ' priya.shah@example.com ' });
    expect(body.error['']).toEqual([expect.stringMatching(/do not match an account/)]);
  });
});

/** "Add CEUs earned elsewhere" as the form posts it (category and note left empty). */
function addSelfReported(cookie: string, fields: { title: string; ceuAmount: string }) {
  const form = {
    intent: 'add-self-reported',
    body: 'AAPC',
    provider: 'Local chapter',
    completedOn: '2026-10-01',
    category: '',
    note: '',
    ...fields,
  };
  return run(transcript.action, post('/transcript', form, cookie));
}

describe('self-reported CEU action', () => {
  it('shows the API’s message on the field when the amount is not a CEU amount', async () => {
    const cookie = await signInAs('grace.okafor@example.com');
    const response = await addSelfReported(cookie, { title: 'Webinar', ceuAmount: 'two' });
    expect(response.status).toBe(400);
    const { result } = await response.json();
    // The API's message on the CEUs field, and the form's summary above it.
    expect(Object.keys(result.error).sort()).toEqual(['', 'ceuAmount']);
    expect(result.error['']).toEqual(['Please correct the errors below.']);
    expect(result.initialValue.title).toBe('Webinar');
  });

  it('adds a credit with the optional category left empty', async () => {
    const cookie = await signInAs('grace.okafor@example.com');
    const response = await addSelfReported(cookie, {
      title: 'Regional coding workshop',
      ceuAmount: '2',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/transcript');
    const rows = await database.db.selfReportedCredit.findMany({
      where: { title: 'Regional coding workshop' },
      select: { category: true, ceuAmount: true },
    });
    expect(rows).toHaveLength(1);
    // No category given: the core rule files it under the default, core.
    expect(rows[0]?.category).toBe('core');
  });

  it('names the field to fix when a required one is missing, and keeps what was typed', async () => {
    const cookie = await signInAs('grace.okafor@example.com');
    const response = await addSelfReported(cookie, { title: '', ceuAmount: '2' });
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error).toEqual({ title: ['Enter the program title.'] });
    expect(result.initialValue.provider).toBe('Local chapter');
  });
});

/** The draft of a course as stored (price, seat time, revision). */
async function draftOf(courseId: string) {
  const course = await database.db.course.findUniqueOrThrow({
    where: { id: courseId },
    include: { draftVersion: true },
  });
  if (!course.draftVersion) throw new Error('no draft');
  return course.draftVersion;
}

describe('teach forms (Conform + zod on the server)', () => {
  let cookie: string;
  let courseId: string;
  const revision = async () => String((await draftOf(courseId)).revision);

  beforeAll(async () => {
    cookie = await signInAs('dana.whitfield@example.com');
    // "This course is free" ticked: the typed price is ignored.
    const created = await run(
      routes.teach,
      post(
        '/teach',
        {
          title: 'Conform test course',
          summary: 'A course made by the action test.',
          kind: 'CE',
          level: 'BEGINNER',
          price: 'not a price',
          free: 'on',
        },
        cookie,
      ),
    );
    expect(created.status).toBe(302);
    courseId = created.headers.get('Location')?.split('/').at(-1) ?? '';
    expect((await draftOf(courseId)).priceCents).toBe(0);
  });

  it('creating a course refuses a price that is not dollars, on the price field', async () => {
    const response = await run(
      routes.teach,
      post(
        '/teach',
        { title: 'Priced', summary: 'S', kind: 'CE', level: 'BEGINNER', price: '4.999' },
        cookie,
      ),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.intent).toBe('create');
    expect(body.result.error.price).toEqual([
      'Enter a price in dollars, like 49.00 (or 0 for free).',
    ]);
    expect(body.result.initialValue).toMatchObject({ title: 'Priced', price: '4.999' });
  });

  it('saves the details: dollars as exact cents, a blank seat time as 0, the checkbox off', async () => {
    const params = { id: courseId };
    const fields = {
      intent: 'details',
      revision: await revision(),
      title: 'Conform test course',
      summary: 'Edited summary',
      description: '## Heading\n',
      kind: 'CE',
      level: 'INTERMEDIATE',
      price: '$1,249.5',
      coverImageUrl: '',
      coverImageAlt: '',
      minimumLessonTimePercent: '80',
      minimumSeatMinutes: '',
    };
    const saved = await run(
      routes.course,
      post(`/teach/courses/${courseId}`, fields, cookie),
      params,
    );
    expect(saved.status).toBe(302);
    const draft = await draftOf(courseId);
    expect(draft).toMatchObject({
      priceCents: 124950,
      minimumLessonTimePercent: 80,
      minimumSeatMinutes: 0,
      level: 'INTERMEDIATE',
      summary: 'Edited summary',
    });

    // Not whole numbers: both fields named, what was typed kept, nothing saved.
    const refused = await run(
      routes.course,
      post(
        `/teach/courses/${courseId}`,
        {
          ...fields,
          revision: await revision(),
          summary: 'Not saved',
          minimumLessonTimePercent: '4.5',
          minimumSeatMinutes: 'ninety',
        },
        cookie,
      ),
      params,
    );
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.result.error).toEqual({
      '': ['Please correct the errors below.'],
      minimumLessonTimePercent: ['Enter a whole percentage from 0 to 100, like 80.'],
      minimumSeatMinutes: ['Enter whole minutes, like 90.'],
    });
    expect(body.result.initialValue).toMatchObject({
      summary: 'Not saved',
      minimumSeatMinutes: 'ninety',
    });
    expect(body.revision).toBe(Number(fields.revision) + 1);
    expect((await draftOf(courseId)).summary).toBe('Edited summary');
  });

  it('a stale revision is a 409 conflict with the typed values kept', async () => {
    const response = await run(
      routes.course,
      post(
        `/teach/courses/${courseId}`,
        {
          intent: 'details',
          revision: '0',
          title: 'Stale edit',
          summary: 'S',
          kind: 'CE',
          level: 'BEGINNER',
          price: '10',
        },
        cookie,
      ),
      { id: courseId },
    );
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.conflict).toMatch(/someone else changed/i);
    expect(body.revision).toBe(0);
    expect(body.result.initialValue.title).toBe('Stale edit');
  });

  let quizLessonId: string;

  it('adds a module and a quiz lesson; blank minutes are refused on the lesson form', async () => {
    const params = { id: courseId };
    const added = await run(
      routes.syllabus,
      post(
        `/teach/courses/${courseId}/syllabus`,
        { intent: 'add-module', revision: await revision(), title: 'Module one' },
        cookie,
      ),
      params,
    );
    expect(added.status).toBe(302);
    const module = await database.db.module.findFirstOrThrow({
      where: { versionId: (await draftOf(courseId)).id },
    });
    const lesson = {
      intent: 'add-lesson',
      moduleId: module.id,
      title: 'Check your coding',
      kind: 'QUIZ',
      estimatedMinutes: '',
      videoUrl: '',
    };
    const refused = await run(
      routes.syllabus,
      post(
        `/teach/courses/${courseId}/syllabus`,
        { ...lesson, revision: await revision() },
        cookie,
      ),
      params,
    );
    expect(refused.status).toBe(400);
    const body = await refused.json();
    // The error belongs to this module's "add lesson" form.
    expect(body).toMatchObject({ intent: 'add-lesson', target: module.id });
    expect(body.result.error.estimatedMinutes).toEqual(['Enter the estimated minutes, e.g. 15.']);
    const ok = await run(
      routes.syllabus,
      post(
        `/teach/courses/${courseId}/syllabus`,
        { ...lesson, estimatedMinutes: '15', revision: await revision() },
        cookie,
      ),
      params,
    );
    expect(ok.status).toBe(302);
    quizLessonId = (
      await database.db.lesson.findFirstOrThrow({
        where: { moduleId: module.id, title: 'Check your coding' },
      })
    ).id;
  });

  it('saves quiz settings: a percent sign, blank limits as none, unticked boxes as false', async () => {
    const response = await run(
      routes.quiz,
      post(
        `/teach/courses/${courseId}/lessons/${quizLessonId}/quiz`,
        {
          intent: 'save-settings',
          revision: await revision(),
          mode: 'PRACTICE',
          passPercent: '75 %',
          timeLimitMinutes: '',
          maxAttempts: '3',
          questionsPerAttempt: '',
          shuffleOptions: 'on',
        },
        cookie,
      ),
      { id: courseId, lessonId: quizLessonId },
    );
    expect(response.status).toBe(302);
    const quiz = await database.db.quiz.findUniqueOrThrow({ where: { lessonId: quizLessonId } });
    expect(quiz).toMatchObject({
      mode: 'PRACTICE',
      passPercent: 75,
      timeLimitMinutes: null,
      maxAttempts: 3,
      shuffleQuestions: false,
      shuffleOptions: true,
    });
  });

  it('adds a question from option rows: blank rows dropped, ticks kept with their rows', async () => {
    const quiz = await database.db.quiz.findUniqueOrThrow({ where: { lessonId: quizLessonId } });
    const fields: [string, string][] = [
      ['intent', 'add-question'],
      ['revision', await revision()],
      ['quizId', quiz.id],
      ['type', 'MULTIPLE_CHOICE'],
      ['prompt', 'Which ICD-10-CM codes are for type 2 diabetes?'],
      ['rationale', 'E11 is type 2 diabetes mellitus.'],
      ['area', 'GENERAL'],
      ['points', '2'],
      ['optionText', 'E11.9'],
      ['optionText', ''],
      ['optionText', 'E10.9'],
      ['optionText', 'E11.65'],
      ['optionText', ''],
      ['optionCorrect', '0'],
      ['optionCorrect', '3'],
    ];
    const params = { id: courseId, lessonId: quizLessonId };
    const path = `/teach/courses/${courseId}/lessons/${quizLessonId}/quiz`;
    const response = await run(routes.quiz, post(path, fields, cookie), params);
    expect(response.status).toBe(302);
    const question = await database.db.question.findFirstOrThrow({
      where: { quizId: quiz.id },
      include: { options: { orderBy: { position: 'asc' } } },
    });
    expect(question.points).toBe(2);
    expect(question.options.map((option) => [option.text, option.correct])).toEqual([
      ['E11.9', true],
      ['E10.9', false],
      ['E11.65', true],
    ]);

    // One option only: the API's error lands on the options, and every row comes back typed.
    const one: [string, string][] = [
      ...fields.filter(([name]) => !name.startsWith('option') && name !== 'revision'),
      ['revision', await revision()],
      ['optionText', ''],
      ['optionText', 'Z99.89'],
      ['optionCorrect', '1'],
    ];
    const refused = await run(routes.quiz, post(path, one, cookie), params);
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.intent).toBe('add-question');
    const fieldNames = Object.keys(body.result.error).filter((name) => name !== '');
    expect(fieldNames.length).toBeGreaterThan(0);
    expect(fieldNames.every((name) => name === 'options' || name.startsWith('option.'))).toBe(true);
    expect(body.result.initialValue.optionText).toEqual([null, 'Z99.89']);
    expect(body.result.initialValue.optionCorrect).toBe('1');
  });

  it('adds a credit approval with its dates, and names a date that is not one', async () => {
    const path = `/teach/courses/${courseId}/approvals`;
    const approval = {
      intent: 'add-approval',
      body: 'AAPC',
      bodyName: '',
      approvalNumber: 'ZZ001',
      approvedTitle: 'Conform test course',
      ceuAmount: '1.5',
      category: '',
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    };
    const refused = await run(
      routes.approvals,
      post(path, { ...approval, validUntil: '2026-02-30', revision: await revision() }, cookie),
      { id: courseId },
    );
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(Object.keys(body.result.error)).toContain('validUntil');
    expect(body.result.initialValue.validUntil).toBe('2026-02-30');

    const saved = await run(
      routes.approvals,
      post(path, { ...approval, revision: await revision() }, cookie),
      { id: courseId },
    );
    expect(saved.status).toBe(302);
    const stored = await database.db.creditApproval.findFirstOrThrow({
      where: { versionId: (await draftOf(courseId)).id },
    });
    expect(stored.validFrom.toISOString().slice(0, 10)).toBe('2026-01-01');
    expect(stored.validUntil.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(stored.category).toBe('core');
  });
});

describe('profile form (repeated credential rows)', () => {
  it('names the row whose year is wrong and sends every row back as typed', async () => {
    const cookie = await signInAs('marcus.lee@example.com');
    const response = await run(
      routes.profile,
      post(
        '/profile',
        [
          ['intent', 'profile'],
          ['name', 'Marcus Lee'],
          ['bio', 'CPC, CCS.'],
          ['credential', 'CPC'],
          ['awardedYear', '2015'],
          ['credential', ''],
          ['awardedYear', ''],
          ['credential', 'CCS'],
          ['awardedYear', '15'],
        ],
        cookie,
      ),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error).toEqual({
      '': ['Please correct the errors below.'],
      'credentials.2.awardedYear': ['Enter the year, like 2015.'],
    });
    expect(body.result.initialValue.credential).toEqual(['CPC', null, 'CCS']);
    expect(body.result.initialValue.awardedYear).toEqual(['2015', null, '15']);
  });
});

// Last: it stops the API process.
describe('sign-in while the API is down', () => {
  it('keeps the typed email and says to try again, with a 503 and Retry-After', async () => {
    await api.stop();
    // The web logs the unreachable API for its operators; the user gets the 503 below.
    expectConsoleError(/GraphQL API unreachable/);
    const response = await run(
      signIn,
      post('/sign-in', { email: 'priya.shah@example.com', password: DEMO_PASSWORD }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('30');
    const body = await response.json();
    expect(body.initialValue).toEqual({ email: 'priya.shah@example.com' });
    expect(body.error['']).toEqual([expect.stringMatching(/not possible right now/)]);
  });
});
