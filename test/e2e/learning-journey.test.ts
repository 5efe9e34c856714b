import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { callApi, DEMO_PASSWORD, flashText, pageSettled } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';

const journey = useJourneyStack();

const COURSE_TITLE = 'Diabetes Coding Essentials';
const TEXT_LESSON = 'Reading the diabetes guidelines';
const VIDEO_LESSON = 'Walkthrough: insulin and oral agents';
const QUIZ_LESSON = 'Post-test: diabetes coding';

const api = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
  callApi<T>(journey.stack, query, variables, token);

type Draft = {
  id: string;
  slug: string;
  revision: number;
  modules: { id: string; lessons: { id: string; title: string; quiz: { id: string } | null }[] }[];
};
const DRAFT = 'id slug revision modules { id lessons { id title quiz { id } } }';

/**
 * A free course built by an instructor through the API: a text lesson (1 min), a video lesson
 * (10 min) and a post-test (pass mark 70 %), under a 5 % minimum-time rule: 3 s for the text
 * lesson, 30 s for the video.
 */
async function createCourse(): Promise<{ courseId: string; slug: string }> {
  const { token } = await api<{ token: string }>(
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email: 'marcus.lee@example.com', password: DEMO_PASSWORD } },
  );
  let draft = await api<Draft>(
    `mutation($input: CourseDetailsInput!) { createCourse(input: $input) { ${DRAFT} } }`,
    {
      input: {
        title: COURSE_TITLE,
        summary: 'Type 2 diabetes, long-term insulin use and the codes that go with them.',
        kind: 'CE',
        priceCents: 0,
        minimumLessonTimePercent: 5,
      },
    },
    token,
  );
  const edit = async (mutation: string, variables: Record<string, unknown>) => {
    draft = await api<Draft>(
      mutation,
      { courseId: draft.id, revision: draft.revision, ...variables },
      token,
    );
  };
  await edit(
    `mutation($courseId: ID!, $revision: Int!, $title: String!) { addModule(courseId: $courseId, revision: $revision, title: $title) { ${DRAFT} } }`,
    { title: 'Diabetes mellitus' },
  );
  const moduleId = draft.modules[0]!.id;
  const addLesson = `mutation($courseId: ID!, $revision: Int!, $moduleId: ID!, $input: LessonInput!) {
    addLesson(courseId: $courseId, revision: $revision, moduleId: $moduleId, input: $input) { ${DRAFT} } }`;
  for (const input of [
    {
      title: TEXT_LESSON,
      kind: 'TEXT',
      estimatedMinutes: 1,
      body: '## Combination codes\n\nType 2 diabetes mellitus without complications is **E11.9**. Add **Z79.4** for long-term insulin use.',
    },
    {
      title: VIDEO_LESSON,
      kind: 'VIDEO',
      estimatedMinutes: 10,
      videoUrl: 'https://youtu.be/dQw4w9WgXcQ',
      videoSeconds: 600,
      body: 'Watch the walkthrough, then mark the lesson complete.',
    },
    {
      title: QUIZ_LESSON,
      kind: 'QUIZ',
      estimatedMinutes: 5,
      body: 'Three questions. You need 70 % to pass.',
    },
  ]) {
    await edit(addLesson, { moduleId, input });
  }
  const quizLessonId = draft.modules[0]!.lessons.find((l) => l.title === QUIZ_LESSON)!.id;
  await edit(
    `mutation($courseId: ID!, $revision: Int!, $lessonId: ID!, $input: QuizSettingsInput!) {
      configureQuiz(courseId: $courseId, revision: $revision, lessonId: $lessonId, input: $input) { ${DRAFT} } }`,
    {
      lessonId: quizLessonId,
      input: {
        mode: 'POST_TEST',
        passPercent: 70,
        shuffleQuestions: false,
        shuffleOptions: false,
        allowReview: true,
      },
    },
  );
  const quizId = draft.modules[0]!.lessons.find((l) => l.title === QUIZ_LESSON)!.quiz!.id;
  const addQuestion = `mutation($courseId: ID!, $revision: Int!, $quizId: ID!, $input: QuestionInput!) {
    addQuestion(courseId: $courseId, revision: $revision, quizId: $quizId, input: $input) { ${DRAFT} } }`;
  for (const input of [
    {
      type: 'SINGLE_CHOICE',
      prompt: 'Which ICD-10-CM code reports type 2 diabetes mellitus without complications?',
      rationale: '**E11.9**: E11 is type 2 diabetes; .9 is without complications.',
      options: [
        { text: 'E10.9', correct: false },
        { text: 'E11.9', correct: true },
        { text: 'E13.9', correct: false },
      ],
    },
    {
      type: 'TRUE_FALSE',
      prompt: 'Long-term (current) use of insulin is reported with Z79.4 in addition to E11.9.',
      rationale: 'True: Z79.4 is added for long-term insulin use.',
      trueFalseAnswer: true,
    },
    {
      type: 'CODE_SET',
      prompt: 'Code the encounter: type 2 diabetes without complications, on long-term insulin.',
      rationale: 'E11.9 and Z79.4, in any order.',
      codeSystem: 'ICD10CM',
      codeSetYear: 2027,
      points: 2,
      answerCodes: ['E11.9', 'Z79.4'],
    },
  ]) {
    await edit(addQuestion, { quizId, input });
  }
  await api(
    `mutation($courseId: ID!, $revision: Int!) { publishCourse(courseId: $courseId, revision: $revision) { publishedVersionNumber } }`,
    { courseId: draft.id, revision: draft.revision },
    token,
  );
  return { courseId: draft.id, slug: draft.slug };
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const question = (page: Page, number: number) =>
  page.getByRole('group', { name: new RegExp(`^Question ${number} `) });

async function register(context: BrowserContext, name: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${journey.stack.webUrl}/register`);
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('insulin-and-oral-agents');
  await page.getByRole('button', { name: 'Create account' }).click();
  // Registration hashes the password, checks its strength and queues the confirmation email.
  await expect
    .poll(() => page.getByRole('banner').innerText(), { timeout: 15_000 })
    .toContain(name);
  return page;
}

/** Answers the three questions of an attempt (with JavaScript: each is autosaved). */
async function answer(page: Page, answers: { choice: string; trueFalse: string; codes: string }) {
  await question(page, 1).getByLabel(answers.choice, { exact: true }).check();
  await expect
    .poll(() => question(page, 1).locator('.save-status').innerText())
    .toMatch(/^✓ Saved/);
  await question(page, 2).getByLabel(answers.trueFalse, { exact: true }).check();
  await expect
    .poll(() => question(page, 2).locator('.save-status').innerText())
    .toMatch(/^✓ Saved/);
  const codes = question(page, 3).getByLabel('Your ICD-10-CM codes');
  await codes.fill(answers.codes);
  await codes.blur();
  await expect
    .poll(() => question(page, 3).locator('.save-status').innerText())
    .toMatch(/^✓ Saved/);
}

async function submitAttempt(page: Page) {
  await page.getByText('Submit attempt…').click();
  await page.getByRole('button', { name: 'Yes, submit my answers' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Your result' }).count()).toBe(1);
}

describe('a learner, in Chromium', { timeout: 180_000 }, () => {
  it('enrols, studies under a minimum-time rule, fails then passes the post-test, and completes the course', async () => {
    const { courseId, slug } = await createCourse();
    const context = await journey.browser.newContext();
    // No internet here: the embedded player must not hold up the page.
    await context.route(/youtube|vimeo/, (route) => route.abort());
    const page = await register(context, 'Leah Brennan', 'leah.brennan@example.com');

    // The course page: a free course offers "Enrol for free".
    await page.goto(`${journey.stack.webUrl}/courses/${slug}`);
    await expect.poll(() => h1(page)).toBe(COURSE_TITLE);
    await page.getByRole('button', { name: 'Enrol for free' }).click();
    await expect.poll(() => page.url()).toBe(`${journey.stack.webUrl}/learn/${courseId}`);
    await pageSettled(page);
    await expect.poll(() => flashText(page)).toMatch(/You are enrolled/);
    const outline = await page.getByRole('main').innerText();
    expect(outline).toMatch(/Spend at least 5% of each lesson’s estimated time/);
    expect(outline).toContain(`Complete “${TEXT_LESSON}”`);
    await expectNoA11yViolations(page);

    // The text lesson: rendered Markdown, the syllabus marks it current; after the minimum
    // 3 seconds the page says so, and marking it complete moves on to the video.
    await page.getByRole('link', { name: `Start: ${TEXT_LESSON}` }).click();
    await expect.poll(() => h1(page)).toBe(TEXT_LESSON);
    expect(await page.locator('.lesson-body strong').first().innerText()).toBe('E11.9');
    const syllabus = page.getByRole('navigation', { name: 'Course syllabus' });
    expect(await syllabus.locator('[aria-current="page"]').innerText()).toContain(TEXT_LESSON);
    await expect
      .poll(() => page.locator('.clock-note').innerText(), { timeout: 15_000 })
      .toMatch(/You have spent the minimum time/);
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await expect.poll(() => h1(page)).toBe(VIDEO_LESSON);
    await expect.poll(() => flashText(page)).toMatch(/Lesson marked complete/);
    expect(
      await syllabus
        .getByRole('link', { name: new RegExp(TEXT_LESSON) })
        .locator('.tick-done')
        .count(),
    ).toBe(1);

    // The video lesson: an embedded player; completing at once is refused, clearly.
    const videoUrl = page.url();
    expect(await page.locator('iframe').getAttribute('title')).toBe(`Video: ${VIDEO_LESSON}`);
    expect(await page.locator('iframe').getAttribute('src')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    expect(await page.locator('.clock-note').innerText()).toMatch(
      /at least 30 s on this lesson\. Marking it complete now would be refused/,
    );
    await page.getByRole('button', { name: 'Mark complete' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not yet complete' });
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.innerText()).toMatch(/at least 30 s on this lesson; you have spent/);
    expect(page.url()).toBe(videoUrl);
    await expectNoA11yViolations(page);

    // The page's script reports visibility through the activity resource route.
    const beat = await page.evaluate(async () => {
      const response = await fetch(`${window.location.pathname}/activity`, {
        method: 'POST',
        body: new URLSearchParams({ event: 'HEARTBEAT' }),
      });
      return (await response.json()) as { progress: { requiredSeconds: number } };
    });
    expect(beat.progress.requiredSeconds).toBe(30);

    // A minute passes (the test moves the clock of the learner's progress back by 60 s).
    const lessonId = videoUrl.split('/').at(-1)!;
    const rewound = await journey.stack.database.db.lessonProgress.updateMany({
      where: { lessonId, enrollment: { user: { email: 'leah.brennan@example.com' } } },
      data: { lastSeenAt: new Date(Date.now() - 60_000) },
    });
    expect(rewound.count).toBe(1);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await expect.poll(() => h1(page)).toBe(QUIZ_LESSON);

    // The quiz lesson leads to the quiz page.
    expect(await page.getByRole('button', { name: 'Mark complete' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Go to the quiz' }).click();
    await expect.poll(() => h1(page)).toMatch(QUIZ_LESSON);
    const facts = await page.locator('.quiz-facts').innerText();
    expect(facts).toMatch(/Pass mark\s+70%/);
    expect(facts).toMatch(/Questions\s+3/);
    expect(facts).toMatch(/Time limit\s+Untimed/);
    await expectNoA11yViolations(page);

    // Attempt 1: a malformed code is refused next to its question (the text is kept), then
    // wrong answers are saved and submitted: not passed.
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect.poll(() => page.url()).toMatch(/\/learn\/attempts\/[0-9a-f-]{36}$/);
    await pageSettled(page);
    await expectNoA11yViolations(page);
    await question(page, 1).getByLabel('E10.9', { exact: true }).check();
    await expect.poll(() => question(page, 1).locator('.save-status').innerText()).toMatch(/Saved/);
    const codes = question(page, 3).getByLabel('Your ICD-10-CM codes');
    await codes.fill('E11.9, XYZ');
    await codes.blur();
    await expect
      .poll(() => question(page, 3).getByRole('alert').innerText())
      .toMatch(/Not valid ICD-10-CM codes: XYZ/);
    expect(await codes.inputValue()).toBe('E11.9, XYZ');
    expect(await codes.getAttribute('aria-invalid')).toBe('true');
    await answer(page, { choice: 'E10.9', trueFalse: 'False', codes: 'E10.9' });
    await submitAttempt(page);
    expect(await page.locator('.result-summary').innerText()).toMatch(/0%[\s\S]*Not passed/);
    // A failed post-test with attempts left keeps its key: no review, a plain reason.
    expect(await page.locator('.review-list').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Review' }).innerText()).toMatch(
      /shown once you pass it or have used your last attempt/,
    );
    expect(await page.locator('main').innerText()).not.toMatch(/Z79\.4/);
    await expectNoA11yViolations(page);

    // Attempt 2: right answers (codes in any order and case): passed, and the course is done.
    await page.getByRole('link', { name: 'Back to the quiz to retake it' }).click();
    await expect.poll(() => page.locator('.data-table tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Retake the quiz' }).click();
    await expect.poll(() => page.url()).toMatch(/\/learn\/attempts\/[0-9a-f-]{36}$/);
    await pageSettled(page);
    await answer(page, { choice: 'E11.9', trueFalse: 'True', codes: 'z79.4 e11.9' });
    await submitAttempt(page);
    expect(await page.locator('.result-summary').innerText()).toMatch(/100%[\s\S]*Passed/);
    await expect.poll(() => flashText(page)).toMatch(/You have completed the course!/);
    // Passed: now the review shows the key.
    const review = await page.locator('.review-list').innerText();
    expect(review).toMatch(/Question 1\s+Correct/);
    expect(review).toMatch(/Answer key\s+E11\.9, Z79\.4/);

    // History shows the improvement.
    await page.getByRole('link', { name: 'Back to the quiz' }).click();
    await expect.poll(() => page.locator('.data-table tbody tr').count()).toBe(2);
    expect(await page.locator('.data-table tbody tr').nth(1).innerText()).toMatch(
      /#2[\s\S]*100%[\s\S]*Passed[\s\S]*\+100 points/,
    );
    expect(await page.getByRole('img', { name: /Scores by attempt/ }).count()).toBe(1);
    await expectNoA11yViolations(page);

    // My learning: the course is completed.
    await page.goto(`${journey.stack.webUrl}/learn`);
    await expect.poll(() => h1(page)).toBe('My learning');
    const card = page.getByRole('article', { name: COURSE_TITLE });
    expect(await card.innerText()).toContain('Completed');
    const bar = card.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await expectNoA11yViolations(page);

    // The course page now offers to review it.
    await page.goto(`${journey.stack.webUrl}/courses/${slug}`);
    expect(await page.locator('.enrol-actions').innerText()).toContain('Review the course');
    await context.close();
  });

  it('enrols, completes a lesson and saves quiz answers without JavaScript', async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    const page = await register(context, 'Noor Haddad', 'noor.haddad@example.com');
    const course = await journey.stack.database.db.course.findFirstOrThrow({
      where: { latestPublishedVersion: { title: COURSE_TITLE } },
      select: { id: true, slug: true },
    });

    await page.goto(`${journey.stack.webUrl}/courses/${course.slug}`);
    await page.getByRole('button', { name: 'Enrol for free' }).click();
    await expect.poll(() => page.url()).toBe(`${journey.stack.webUrl}/learn/${course.id}`);

    // The video lesson says how long is needed; completing early is refused with the reason.
    await page.getByRole('link', { name: VIDEO_LESSON }).click();
    expect(await page.locator('.clock-note').innerText()).toMatch(/about 30 s to go/);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    expect(await page.getByRole('alert').innerText()).toMatch(/at least 30 s on this lesson/);

    // The quiz: typing two answers and pressing one question's "Save answer" keeps both;
    // a malformed code is refused next to its question with the text kept.
    await page.goto(`${journey.stack.webUrl}/learn/${course.id}`);
    await page.getByRole('link', { name: QUIZ_LESSON }).click();
    await page.getByRole('link', { name: 'Go to the quiz' }).click();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    expect(await page.locator('.countdown').count()).toBe(0);
    await question(page, 1).getByLabel('E11.9', { exact: true }).check();
    await question(page, 3).getByLabel('Your ICD-10-CM codes').fill('E11.9, Q');
    await question(page, 1)
      .getByRole('button', { name: /Save answer/ })
      .click();
    expect(await question(page, 3).getByRole('alert').innerText()).toMatch(
      /Not valid ICD-10-CM codes: Q/,
    );
    expect(await question(page, 3).getByLabel('Your ICD-10-CM codes').inputValue()).toBe(
      'E11.9, Q',
    );
    // The summary at the top links to the failing question.
    const toQuestion = page
      .locator('.attempt-form > .alert-error')
      .getByRole('link', { name: /^Question 3: Not valid ICD-10-CM codes: Q/ });
    expect(await toQuestion.getAttribute('href')).toMatch(/^#question-/);
    await toQuestion.click();
    expect(new URL(page.url()).hash).toBe(`#${await question(page, 3).getAttribute('id')}`);
    await question(page, 3).getByLabel('Your ICD-10-CM codes').fill('E11.9, Z79.4');
    await question(page, 3)
      .getByRole('button', { name: /Save answer/ })
      .click();
    await expect.poll(() => flashText(page)).toMatch(/Answer saved/);
    const attemptId = page.url().split('/').at(-1)!.split('#')[0]!;
    const saved = await journey.stack.database.db.attemptAnswer.count({ where: { attemptId } });
    expect(saved).toBe(2);
    expect(await question(page, 1).getByLabel('E11.9', { exact: true }).isChecked()).toBe(true);

    // Submitting (after the confirmation) grades what was saved: 3 of 4 points.
    await page.getByText('Submit attempt…').click();
    await page.getByRole('button', { name: 'Yes, submit my answers' }).click();
    expect(await page.locator('.result-summary').innerText()).toMatch(/75%[\s\S]*Passed/);

    // A retake whose deadline passes: reading it grades what was saved by the deadline.
    await page.getByRole('link', { name: 'Back to the quiz' }).click();
    await page.getByRole('button', { name: 'Retake to improve your score' }).click();
    await question(page, 1).getByLabel('E11.9', { exact: true }).check();
    await question(page, 1)
      .getByRole('button', { name: /Save answer/ })
      .click();
    await expect.poll(() => flashText(page)).toMatch(/Answer saved/);
    const retakeId = page.url().split('/').at(-1)!.split('#')[0]!;
    await journey.stack.database.db.quizAttempt.update({
      where: { id: retakeId },
      data: { deadlineAt: new Date() },
    });
    await page.goto(`${journey.stack.webUrl}/learn/attempts/${retakeId}`);
    const summary = await page.locator('.result-summary').innerText();
    expect(summary).toMatch(/25%[\s\S]*Not passed/);
    expect(summary).toMatch(/graded on the answers saved by then/);
    await context.close();
  });
});
