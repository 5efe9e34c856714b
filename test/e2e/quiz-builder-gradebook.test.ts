import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { callApi, DEMO_PASSWORD, flashText, signedInPage } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';

const journey = useJourneyStack();

const COURSE_TITLE = 'Diabetes and Supplies: Coding Check';
const QUIZ_LESSON = 'Final post-test';
/** Shaped like a CPT code (five digits) but not one: the API must refuse it. */
const CPT_SHAPED = '12345';

const api = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
  callApi<T>(journey.stack, query, variables, token);

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

type AttemptQuestion = {
  id: string;
  type: string;
  options: { id: string; text: string }[];
};

/**
 * A student enrols and submits one attempt through the API: the single-choice question right,
 * only one of the two correct options of the multiple-choice one, the code right.
 */
async function studentSubmitsAttempt(courseId: string): Promise<number> {
  const { token } = await api<{ token: string }>(
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email: 'priya.shah@example.com', password: DEMO_PASSWORD } },
  );
  await api(
    'mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id } }',
    { courseId },
    token,
  );
  const lesson = await journey.stack.database.db.lesson.findFirstOrThrow({
    where: {
      title: QUIZ_LESSON,
      module: { version: { courseId, publishedAt: { not: null } } },
    },
    select: { id: true },
  });
  const attempt = await api<{ id: string }>(
    'mutation($lessonId: ID!) { startQuizAttempt(lessonId: $lessonId) { id } }',
    { lessonId: lesson.id },
    token,
  );
  const view = await api<{ questions: AttemptQuestion[] }>(
    'query($id: ID!) { quizAttempt(id: $id) { questions { id type options { id text } } } }',
    { id: attempt.id },
    token,
  );
  const pick = (question: AttemptQuestion, texts: string[]) =>
    question.options.filter((option) => texts.includes(option.text)).map((option) => option.id);
  for (const question of view.questions) {
    const answer =
      question.type === 'SINGLE_CHOICE'
        ? { optionIds: pick(question, ['E11.9']) }
        : question.type === 'MULTIPLE_CHOICE'
          ? { optionIds: pick(question, ['E11.9']) }
          : { text: 'e0114' };
    await api(
      `mutation($attemptId: ID!, $questionId: ID!, $answer: AnswerInput!) {
        saveAnswer(attemptId: $attemptId, questionId: $questionId, answer: $answer) { questionId } }`,
      { attemptId: attempt.id, questionId: question.id, answer },
      token,
    );
  }
  const submitted = await api<{ attempt: { result: { scorePercent: number } } }>(
    `mutation($attemptId: ID!) { submitQuizAttempt(attemptId: $attemptId) {
      attempt { result { scorePercent } } } }`,
    { attemptId: attempt.id },
    token,
  );
  return submitted.attempt.result.scorePercent;
}

describe('an instructor builds a quiz and reads the gradebook, in Chromium', {
  timeout: 180_000,
}, () => {
  let courseUrl = '';
  let quizUrl = '';

  it('builds a post-test with three question types, refuses a CPT-shaped code, publishes, and sees a learner’s result in the gradebook', async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 1600 } });
    const page = await signedInPage(journey.stack, context, 'marcus.lee@example.com');

    // A free course with one module and a quiz lesson.
    await page.goto(`${journey.stack.webUrl}/teach`);
    const newCourse = page.getByRole('region', { name: 'New course' });
    await newCourse.getByLabel('Title').fill(COURSE_TITLE);
    await newCourse
      .getByLabel('Summary')
      .fill('Type 2 diabetes codes and the HCPCS Level II supplies that go with them.');
    await newCourse.getByLabel('Kind').selectOption('CE');
    await newCourse.getByRole('button', { name: 'Create course' }).click();
    await expect.poll(() => h1(page)).toBe(COURSE_TITLE);
    courseUrl = page.url();
    const courseId = courseUrl.split('/').at(-1)!;

    await page.getByRole('link', { name: 'Syllabus' }).click();
    await page.getByLabel('Module title').fill('Check your coding');
    await page.getByRole('button', { name: 'Add module' }).click();
    await expect.poll(() => flashText(page)).toContain('Module “Check your coding” added.');
    const module = page.getByRole('listitem', { name: /Check your coding/ });
    await module.getByText('Add a lesson to “Check your coding”').click();
    await module.getByLabel('Lesson title').fill(QUIZ_LESSON);
    await module.getByLabel('Kind').selectOption('QUIZ');
    await module.getByLabel('Minutes').fill('10');
    await module.getByRole('button', { name: 'Add lesson' }).click();
    await expect.poll(() => flashText(page)).toContain(`Lesson “${QUIZ_LESSON}” added.`);

    // The lesson page leads to the quiz builder; the quiz is created with its settings.
    await page.getByRole('link', { name: QUIZ_LESSON, exact: true }).click();
    await page.getByRole('link', { name: 'Set up the quiz' }).click();
    await expect.poll(() => page.url()).toMatch(/\/quiz$/);
    quizUrl = page.url();
    const settings = page.getByRole('region', { name: 'Create the quiz' });
    expect(await settings.getByLabel('Post-test', { exact: true }).isChecked()).toBe(true);
    expect(await settings.getByText(/exam simulation/).count()).toBe(1);
    await settings.getByLabel('Pass mark (%)').fill('70');
    await settings.getByLabel('Shuffle the questions in each attempt').uncheck();
    await settings.getByLabel('Shuffle the options of choice questions').uncheck();
    await settings.getByRole('button', { name: 'Create quiz' }).click();
    await expect.poll(() => flashText(page)).toContain('Quiz settings saved.');
    await expectNoA11yViolations(page);

    const editor = page.getByRole('region', { name: 'Add a question' });
    const rows = page.locator('.question-row');
    // The flash repeats “Question added.”: wait for the pool to grow instead.
    const added = (count: number) => expect.poll(() => rows.count()).toBe(count);
    const option = (row: number) => editor.getByLabel(`Option ${row}`, { exact: true });
    const correct = (row: number) => editor.getByLabel(`Correct (option ${row})`);

    // 1. Single choice (radio buttons mark the one correct option).
    await editor.getByLabel('Question type').selectOption('SINGLE_CHOICE');
    await editor
      .getByLabel('Question (Markdown)')
      .fill('Which ICD-10-CM code reports **type 2 diabetes mellitus without complications**?');
    await option(1).fill('E10.9');
    await option(2).fill('E11.9');
    await option(3).fill('E13.9');
    expect(await correct(2).getAttribute('type')).toBe('radio');
    await correct(2).check();
    await editor.getByLabel('Exam area').selectOption('ICD10CM_GUIDELINES');
    await editor.getByLabel('Code-set year').fill('2027');
    await editor.getByRole('button', { name: 'Add question' }).click();
    await added(1);

    // 2. Multiple choice (checkboxes), 2 points.
    await editor.getByLabel('Question type').selectOption('MULTIPLE_CHOICE');
    expect(await correct(1).getAttribute('type')).toBe('checkbox');
    await editor
      .getByLabel('Question (Markdown)')
      .fill('Type 2 diabetes without complications, on long-term insulin: which codes apply?');
    await option(1).fill('E11.9');
    await option(2).fill('Z79.4');
    await option(3).fill('E10.9');
    await correct(1).check();
    await correct(2).check();
    await editor.getByLabel('Points').fill('2');
    await editor.getByRole('button', { name: 'Add question' }).click();
    await added(2);

    // 3. A code-set question: a CPT-shaped code is refused next to the field, input kept.
    await editor.getByLabel('Question type').selectOption('CODE_SET');
    expect(await option(1).isVisible()).toBe(false);
    const codesHint = await editor.locator('#new-question-answerCodes-hint').innerText();
    expect(codesHint).toMatch(/CPT codes are not allowed/);
    expect(codesHint).toMatch(/E11\.9[\s\S]*0DTJ4ZZ[\s\S]*E0114/);
    const codePrompt =
      'Code the supply: a pair of underarm wooden crutches with pads, tips and handgrips.';
    await editor.getByLabel('Question (Markdown)').fill(codePrompt);
    await editor.getByLabel('Code system').selectOption('HCPCS');
    await editor.getByLabel('Answer codes').fill(CPT_SHAPED);
    await editor.getByLabel('Exam area').selectOption('HCPCS_LEVEL_II');
    await editor.getByRole('button', { name: 'Add question' }).click();
    const codesError = page.locator('#new-question-answerCodes-error');
    await expect.poll(() => codesError.innerText()).toMatch(/CPT content is not allowed/);
    expect(await page.getByLabel('Answer codes').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Question (Markdown)').inputValue()).toBe(codePrompt);
    expect(await page.getByLabel('Code system').inputValue()).toBe('HCPCS');
    await expectNoA11yViolations(page);
    await page.getByLabel('Answer codes').fill('e0114');
    await page.getByRole('button', { name: 'Add question' }).click();
    await added(3);
    await expect.poll(() => flashText(page)).toContain('Question added.');

    expect(await rows.nth(2).innerText()).toMatch(/Code set[\s\S]*HCPCS Level II: E0114/);
    expect(await rows.nth(0).innerText()).toMatch(/Single choice[\s\S]*Code set 2027/);

    // Reorder: the code question up, then back down.
    await page.getByRole('button', { name: 'Move question 3 up' }).click();
    await expect.poll(() => rows.nth(1).innerText()).toMatch(/crutches/);
    await page.getByRole('button', { name: 'Move question 2 down' }).click();
    await expect.poll(() => rows.nth(2).innerText()).toMatch(/crutches/);

    // Drawing more questions than the pool holds is the API's problem, shown at the field.
    const settingsForm = page.getByRole('region', { name: 'Quiz settings' });
    await settingsForm.getByLabel('Questions per attempt', { exact: true }).fill('5');
    await settingsForm.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page.locator('#field-questionsPerAttempt-error').innerText())
      .toMatch(/pool has 3 questions: draw at most 3/);
    await page.getByLabel('Questions per attempt', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => flashText(page)).toContain('Quiz settings saved.');

    // Publish.
    await page.getByRole('link', { name: 'Publish', exact: true }).click();
    await page.getByLabel(/Publish version 1 now/).check();
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect.poll(() => flashText(page)).toContain('Version 1 is published.');

    // A learner takes the post-test (through the API for speed).
    const score = await studentSubmitsAttempt(courseId);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(100);

    // The gradebook: the learner's row and the score distribution.
    await page.getByRole('link', { name: 'Gradebook', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Gradebook' }).count()).toBe(1);
    const row = page.getByRole('row', { name: /Priya Shah/ });
    const rowText = await row.innerText();
    expect(rowText).toContain('priya.shah@example.com');
    expect(rowText).toMatch(/v1/);
    expect(rowText).toMatch(/1 attempt/);
    expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).not.toBeNull();
    const chart = page.getByRole('img', { name: /score distribution of 1 submitted attempt/ });
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/Pass mark 70%/);
    await expectNoA11yViolations(page);

    // The CSV: its headers, then a real download with the course's slug as the file name.
    const slug = (
      await journey.stack.database.db.course.findUniqueOrThrow({
        where: { id: courseId },
        select: { slug: true },
      })
    ).slug;
    const csv = await context.request.get(`${courseUrl}/gradebook.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toBe(
      `attachment; filename="${slug}-gradebook.csv"`,
    );
    const text = await csv.text();
    const [header, first] = text.split('\r\n');
    expect(header).toContain(`${QUIZ_LESSON}: best %`);
    expect(first).toMatch(/^Priya Shah,priya\.shah@example\.com,1,ACTIVE,/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${slug}-gradebook.csv`);

    // The quiz's own statistics: per question, and the attempt.
    await page.getByRole('link', { name: /Question statistics and attempts/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: `Statistics: ${QUIZ_LESSON}` }).count())
      .toBe(1);
    const questionRows = page.locator('.question-stats-table tbody tr');
    expect(await questionRows.count()).toBe(3);
    // Nobody got the multiple-choice question fully right: flagged.
    expect(await questionRows.nth(1).innerText()).toMatch(/0%[\s\S]*Flagged/);
    expect(await questionRows.nth(0).innerText()).toMatch(/100%/);
    expect(await page.getByRole('region', { name: /Recent attempts/ }).innerText()).toMatch(
      /Priya Shah[\s\S]*#1/,
    );
    await expectNoA11yViolations(page);
    await context.close();
  });

  it('adds and edits questions without JavaScript', async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    const page = await signedInPage(journey.stack, context, 'marcus.lee@example.com');
    // Publishing copied the course into a new draft (new lesson ids): find the quiz again.
    await page.goto(`${courseUrl}/syllabus`);
    await page.getByRole('link', { name: QUIZ_LESSON, exact: true }).click();
    await page.getByRole('link', { name: 'Open the quiz builder' }).click();
    expect(page.url()).toMatch(/\/quiz$/);
    expect(page.url()).not.toBe(quizUrl);
    const editor = page.getByRole('region', { name: 'Add a question' });

    // True/false: the type's own answer fields are the ones shown.
    await editor.getByLabel('Question type').selectOption('TRUE_FALSE');
    expect(await editor.getByLabel('Option 1', { exact: true }).isVisible()).toBe(false);
    await editor
      .getByLabel('Question (Markdown)')
      .fill('HCPCS Level II codes are updated quarterly.');
    await editor.getByLabel('The statement is true').check();
    await editor.getByRole('button', { name: 'Add question' }).click();
    await expect.poll(() => flashText(page)).toContain('Question added.');

    // Single choice with two of the five rows filled: the blank rows are ignored. A missing
    // correct mark is refused with the rows kept.
    await editor.getByLabel('Question type').selectOption('SINGLE_CHOICE');
    expect(await editor.locator('.option-row').count()).toBe(5);
    await editor.getByLabel('Question (Markdown)').fill('Which code set reports diagnoses?');
    await editor.getByLabel('Option 1', { exact: true }).fill('ICD-10-CM');
    await editor.getByLabel('Option 3', { exact: true }).fill('ICD-10-PCS');
    await editor.getByRole('button', { name: 'Add question' }).click();
    await expect
      .poll(() => page.locator('#new-question-options-error').innerText())
      .toMatch(/Mark exactly one option as correct/);
    expect(await page.getByLabel('Option 3', { exact: true }).inputValue()).toBe('ICD-10-PCS');
    await page.getByLabel('Correct (option 1)').check();
    await page.getByRole('button', { name: 'Add question' }).click();
    await expect.poll(() => flashText(page)).toContain('Question added.');
    const rows = page.locator('.question-row');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await rows.nth(4).innerText()).toMatch(/Key: ICD-10-CM/);

    // Edit the true/false question: it becomes false.
    await page.getByRole('link', { name: 'Edit question 4' }).click();
    const edit = page.getByRole('region', { name: 'Edit question 4' });
    expect(await edit.getByLabel('The statement is true').isChecked()).toBe(true);
    await edit.getByLabel('The statement is false').check();
    await edit.getByRole('button', { name: 'Save question' }).click();
    await expect.poll(() => flashText(page)).toContain('Question 4 saved.');
    await expect.poll(() => rows.nth(3).innerText()).toMatch(/Key: False/);

    // Delete it behind its confirmation.
    await rows.nth(3).getByText('Delete…').click();
    await page.getByRole('button', { name: 'Delete question 4' }).click();
    await expect.poll(() => flashText(page)).toContain('Question 4 deleted.');
    await expect.poll(() => rows.count()).toBe(4);
    await context.close();
  });
});
