import { readFile } from 'node:fs/promises';
import { providerDayAsDate } from '@lms/core';
import { createCourse } from '@lms/db/testing';
import { extractPdfTextLines } from '@lms/pdf/testing';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { callApi, DEMO_PASSWORD, signedInPage } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';

// Issue 9: the instructor sees an approval expiring, opens its roster, and the learner downloads
// the audit packet of the certificate it earned.

const journey = useJourneyStack();

const INSTRUCTOR = 'dana.whitfield@example.com';
const LEARNER = { email: 'grace.okafor@example.com', name: 'Grace Okafor' };
const TITLE = 'Z-Codes for Social Determinants of Health';
const APPROVAL_NUMBER = 'PMI-SDOH-2026';

const api = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
  callApi<T>(journey.stack, query, variables, token);

/** A day counted from today on the provider's calendar (the API's "today"), as a date column. */
function providerDayFromToday(offset: number): Date {
  return new Date(providerDayAsDate(new Date()).getTime() + offset * 86_400_000);
}

/** Dana's CE course with a PMI approval that ends in 20 days, published as authoring does. */
async function expiringCourse(): Promise<string> {
  const db = journey.stack.database.db;
  const owner = await db.user.findUniqueOrThrow({ where: { email: INSTRUCTOR } });
  const { course } = await createCourse(db, {
    ownerId: owner.id,
    slug: 'z-codes-sdoh',
    publishedById: owner.id,
    title: TITLE,
    summary: 'Coding social needs with ICD-10-CM Z55–Z65.',
    instructionalMinutes: 60,
    modules: [
      {
        title: 'Z-codes',
        lessons: [
          { title: 'Z59.0 Homelessness', body: 'Z59.0 and its subcodes.', estimatedMinutes: 45 },
          {
            title: 'Post-test',
            body: 'Good luck.',
            estimatedMinutes: 15,
            quiz: {
              mode: 'POST_TEST',
              passPercent: 70,
              questions: [
                {
                  type: 'SINGLE_CHOICE',
                  prompt: 'Which category holds problems related to housing?',
                  options: [{ text: 'Z59', correct: true }, { text: 'Z00' }],
                },
              ],
            },
          },
        ],
      },
    ],
    creditApprovals: [
      {
        body: 'PMI',
        approvalNumber: APPROVAL_NUMBER,
        validFrom: providerDayFromToday(-300),
        validUntil: providerDayFromToday(20),
      },
    ],
  });
  return course.id;
}

/** The learner enrols and completes the course through the API: lesson, then the post-test. */
async function completeAsLearner(courseId: string): Promise<string> {
  const { token } = await api<{ token: string }>(
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email: LEARNER.email, password: DEMO_PASSWORD } },
  );
  // Certificates wait until the learner has confirmed the name to print.
  await api(
    'mutation($name: String!) { confirmCertificateName(name: $name) { confirmed } }',
    { name: LEARNER.name },
    token,
  );
  await api(
    'mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id } }',
    { courseId },
    token,
  );
  const { modules } = await api<{ modules: { lessons: { id: string; kind: string }[] }[] }>(
    'query($courseId: ID!) { learningCourse(courseId: $courseId) { modules { lessons { id kind } } } }',
    { courseId },
    token,
  );
  const lessons = modules.flatMap((module) => module.lessons);
  await api(
    'mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted } }',
    { lessonId: lessons.find((l) => l.kind !== 'QUIZ')!.id },
    token,
  );
  const attempt = await api<{
    id: string;
    questions: { id: string; options: { id: string; text: string }[] }[];
  }>(
    'mutation($lessonId: ID!) { startQuizAttempt(lessonId: $lessonId) { id questions { id options { id text } } } }',
    { lessonId: lessons.find((l) => l.kind === 'QUIZ')!.id },
    token,
  );
  const question = attempt.questions[0]!;
  await api(
    'mutation($attemptId: ID!, $questionId: ID!, $answer: AnswerInput!) { saveAnswer(attemptId: $attemptId, questionId: $questionId, answer: $answer) { savedAt } }',
    {
      attemptId: attempt.id,
      questionId: question.id,
      answer: { optionIds: [question.options.find((o) => o.text === 'Z59')!.id] },
    },
    token,
  );
  const submitted = await api<{ courseCompleted: boolean }>(
    'mutation($attemptId: ID!) { submitQuizAttempt(attemptId: $attemptId) { courseCompleted } }',
    { attemptId: attempt.id },
    token,
  );
  expect(submitted.courseCompleted).toBe(true);
  const certificates = await api<{ serial: string; programTitle: string }[]>(
    '{ myCertificates { serial programTitle } }',
    {},
    token,
  );
  return certificates.find((c) => c.programTitle === TITLE)!.serial;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download');
  await click();
  const download: Download = await waiting;
  return readFile((await download.path())!);
}

describe('provider tools journey', () => {
  it('the instructor sees the approval expiring and its roster; the learner downloads the audit packet', async () => {
    const courseId = await expiringCourse();
    const serial = await completeAsLearner(courseId);
    expect(serial).toMatch(/^CEU-/);

    const instructorContext = await journey.browser.newContext();
    const teach = await signedInPage(journey.stack, instructorContext, INSTRUCTOR);
    await teach.goto(`${journey.stack.webUrl}/teach`);
    await teach.getByRole('link', { name: 'Credit approvals: status, expiry and rosters' }).click();
    await expect
      .poll(() => teach.getByRole('heading', { level: 1 }).innerText())
      .toBe('Credit approvals');
    const row = teach.getByRole('row').filter({ hasText: APPROVAL_NUMBER });
    const rowText = await row.innerText();
    expect(rowText).toContain('Expiring');
    expect(rowText).toContain('21 days');
    expect(rowText).toContain(TITLE);
    expect(await teach.locator('#expiring-note').innerText()).toMatch(/approval is expiring/);
    await expectNoA11yViolations(teach);

    // The same without JavaScript: the status filter is a plain GET form, the pages plain links.
    // (Signed in with the session of the page above.)
    const noScriptContext = await journey.browser.newContext({
      javaScriptEnabled: false,
      storageState: await instructorContext.storageState(),
    });
    const noScript = await noScriptContext.newPage();
    await noScript.goto(`${journey.stack.webUrl}/teach/approvals`);
    await noScript.getByLabel('Status').selectOption('EXPIRING');
    await noScript.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => noScript.url()).toContain('status=EXPIRING');
    const expiringRows = noScript.getByRole('row').filter({ hasText: 'Expiring' });
    expect(await expiringRows.filter({ hasText: APPROVAL_NUMBER }).count()).toBe(1);
    await noScript.getByRole('link', { name: `Roster of PMI ${APPROVAL_NUMBER}` }).click();
    await expect
      .poll(() => noScript.getByRole('heading', { level: 1 }).innerText())
      .toBe(`Roster of PMI ${APPROVAL_NUMBER}`);
    expect(await noScript.getByRole('row').filter({ hasText: LEARNER.name }).count()).toBe(1);
    await noScriptContext.close();

    await teach.getByRole('link', { name: `Roster of PMI ${APPROVAL_NUMBER}` }).click();
    await expect
      .poll(() => teach.getByRole('heading', { level: 1 }).innerText())
      .toBe(`Roster of PMI ${APPROVAL_NUMBER}`);
    const learnerRow = teach.getByRole('row').filter({ hasText: LEARNER.name });
    const learnerText = await learnerRow.innerText();
    expect(learnerText).toContain(serial);
    expect(learnerText).toContain('100.00 % (passed)');
    await expectNoA11yViolations(teach);
    const csv = (
      await downloaded(teach, () => teach.getByRole('link', { name: 'Download CSV' }).click())
    ).toString('utf8');
    expect(csv.startsWith('\uFEFFLearner,Member id,')).toBe(true);
    expect(csv).toContain(`${LEARNER.name},`);
    expect(csv).toContain(`${serial},VALID`);
    await instructorContext.close();

    // The learner downloads the audit packet of that certificate: a PDF whose text has the serial.
    const learnerContext = await journey.browser.newContext();
    const certificates = await signedInPage(journey.stack, learnerContext, LEARNER.email);
    await certificates.goto(`${journey.stack.webUrl}/certificates`);
    const card = certificates.locator('.certificate-card').filter({ hasText: serial });
    await expectNoA11yViolations(certificates);
    const pdf = await downloaded(certificates, () =>
      card.getByRole('link', { name: `Audit packet (PDF) of ${serial}` }).click(),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await extractPdfTextLines(pdf)).join('\n');
    expect(text).toContain(serial);
    expect(text).toContain(APPROVAL_NUMBER);
    const json = JSON.parse(
      (
        await downloaded(certificates, () =>
          card.getByRole('link', { name: `Audit packet (JSON) of ${serial}` }).click(),
        )
      ).toString('utf8'),
    );
    expect(json.certificate.serial).toBe(serial);
    expect(json.approval).toMatchObject({
      approvalNumber: APPROVAL_NUMBER,
      statusOnCompletionDate: 'EXPIRING',
    });

    // Another learner cannot fetch it.
    const otherContext = await journey.browser.newContext();
    const other = await signedInPage(journey.stack, otherContext, 'tomas.alvarez@example.com');
    const refused = await other.request.get(
      `${journey.stack.webUrl}/certificates/${serial}/audit-packet.json`,
    );
    expect(refused.status()).toBe(404);
    await otherContext.close();
    await learnerContext.close();
  }, 300_000);
});
