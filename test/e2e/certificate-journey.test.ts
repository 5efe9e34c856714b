import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import { callApi, DEMO_PASSWORD } from '../support/journey';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const STUDENT = {
  email: 'priya.shah@example.com',
  password: DEMO_PASSWORD,
  name: 'Priya Shah',
};
const COURSE_SLUG = 'icd-10-cm-guidelines-fy2027-update';
const COURSE_TITLE = 'ICD-10-CM Official Guidelines for Coding and Reporting: FY2027 Update';

/** Page changes on a busy 2-core CI machine can take seconds: poll for up to 15 s. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const api = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
  callApi<T>(stack, query, variables, token);

/**
 * The student completes the paid CE demo course (enrolled by a grant, as an admin or a purchase
 * would): every text lesson marked complete, the post-test passed with the key read from the DB.
 */
async function completeDemoCourse(): Promise<void> {
  const db = stack.database.db;
  const { token } = await api<{ token: string }>(
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email: STUDENT.email, password: STUDENT.password } },
  );
  const user = await db.user.findUniqueOrThrow({ where: { email: STUDENT.email } });
  const course = await db.course.findUniqueOrThrow({ where: { slug: COURSE_SLUG } });
  await db.enrollment.create({
    data: {
      userId: user.id,
      courseId: course.id,
      versionId: course.latestPublishedVersionId!,
      source: 'GRANT',
    },
  });
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
}

describe('certificate journey', { timeout: 300_000 }, () => {
  it('completes the CE course, downloads the certificate, verifies it through the PDF’s link and counts the CEUs toward CPC', async () => {
    await completeDemoCourse();
    const context = await browser.newContext();
    const page = await context.newPage();

    await page.goto(`${stack.webUrl}/sign-in?redirectTo=/certificates`);
    await page.getByLabel('Email').fill(STUDENT.email);
    await page.getByLabel('Password').fill(STUDENT.password);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('My certificates');

    // The certificates wait until the learner confirms the name to print (no-JS form).
    const cards = page.locator('.certificate-card');
    expect(await cards.count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(
      'A completed course is waiting for you to confirm the name to print on its certificates.',
    );
    await page.getByRole('link', { name: 'Confirm your name' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Name on your certificates',
    );
    const nameField = page.getByLabel('Your name, exactly as it should be printed');
    expect(await nameField.inputValue()).toBe(STUDENT.name);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Confirm name' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('My certificates');

    // One certificate per approval: AAPC and AHIMA, each with its own index number.
    await poll(() => cards.count()).toBe(2);
    const aapcCard = cards.filter({ hasText: 'index number AAPC-DEMO-0001' });
    expect(await aapcCard.innerText()).toContain(COURSE_TITLE);
    expect(await aapcCard.innerText()).toContain('2.00 CEUs (core)');
    const serial = (await aapcCard.locator('code').first().innerText()).trim();
    expect(serial).toMatch(/^CEU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Share: LinkedIn's add-to-profile form, prefilled.
    const linkedIn = new URL(
      (await aapcCard
        .getByRole('link', { name: /Add to LinkedIn profile/ })
        .getAttribute('href')) ?? '',
    );
    expect(linkedIn.searchParams.get('certId')).toBe(serial);
    expect(linkedIn.searchParams.get('name')).toBe(COURSE_TITLE);
    await expectNoSeriousA11yViolations(page);

    // The PDF, through the web server (it adds the session token), links to the verify page.
    const download = await page.request.get(
      `${stack.webUrl}/certificates/${serial}/pdf?size=letter`,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    const pdf = (await download.body()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const uris = [...pdf.matchAll(/\/URI \(((?:\\.|[^\\)])*)\)/g)].map((m) =>
      m[1]!.replace(/\\(.)/g, '$1'),
    );
    const verifyUrl = new URL(uris.find((uri) => uri.includes('/verify/'))!);
    expect(verifyUrl.pathname).toBe(`/verify/${serial}`);
    const badge = await page.request.get(`${stack.webUrl}/certificates/${serial}/credential.jwt`);
    expect((await badge.text()).split('.')).toHaveLength(3);

    // The verify page (the deployment's public URL is another host here: follow its path), signed out.
    const visitor = await browser.newContext();
    const verify = await visitor.newPage();
    await verify.goto(`${stack.webUrl}${verifyUrl.pathname}`);
    const verdict = await verify.locator('.verdict').innerText();
    expect(verdict).toMatch(/^Valid\./);
    const text = await verify.locator('main').innerText();
    expect(text).toContain(STUDENT.name);
    expect(text).toContain('AAPC-DEMO-0001');
    expect(await verify.content()).not.toContain(STUDENT.email);
    // Link previews: Open Graph and Twitter tags.
    expect(await verify.locator('meta[property="og:url"]').getAttribute('content')).toBe(
      verifyUrl.href,
    );
    expect(
      await verify.locator('meta[property="og:description"]').getAttribute('content'),
    ).toContain(`Valid. Awarded to ${STUDENT.name}`);
    expect(await verify.locator('meta[name="twitter:card"]').getAttribute('content')).toBe(
      'summary',
    );
    await expectNoSeriousA11yViolations(verify);
    // Typed from paper, in lower case without dashes.
    await verify.goto(`${stack.webUrl}/verify`);
    await verify.getByLabel('Serial').fill(serial.toLowerCase().replaceAll('-', ''));
    await verify.getByRole('button', { name: 'Verify' }).click();
    await poll(() => verify.locator('.verdict').innerText()).toMatch(/^Valid\./);
    await visitor.close();

    // The transcript: add the CPC credential; the AAPC CEUs count toward its cycle.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Transcript' })
      .click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('CEU transcript');
    await page.locator('#credential-body').selectOption('AAPC');
    await page.getByLabel('Credential', { exact: true }).fill('CPC');
    await page.getByLabel('Certified on').fill('2025-06-01');
    await page.getByRole('button', { name: 'Add credential' }).click();
    const cycle = page.locator('.transcript-cycle', { hasText: 'CPC (AAPC)' });
    await poll(() => cycle.count()).toBe(1);
    expect(await cycle.innerText()).toContain('2.00 of 36.00');
    expect(await cycle.innerText()).toContain(`Certificate ${serial}`);
    expect(await cycle.innerText()).toContain('index number AAPC-DEMO-0001');
    expect(await page.getByRole('note').innerText()).toMatch(
      /an estimate[\s\S]*own CEU tracker is the record/,
    );
    expect(await cycle.getByRole('progressbar').getAttribute('aria-label')).toContain(
      '2.00 of 36.00 CEUs',
    );
    await expectNoSeriousA11yViolations(page);
    const csv = await page.request.get(`${stack.webUrl}/transcript/export/csv`);
    expect(await csv.text()).toContain(
      '"CPC (AAPC)","2025-06-01","2027-05-31","36.00","2.00","34.00"',
    );
    await context.close();
  }, 120_000);
});
