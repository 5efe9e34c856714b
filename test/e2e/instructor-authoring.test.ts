import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { flashText, signedInPage, signInAs } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';

const journey = useJourneyStack();

const COURSE_TITLE = 'Cardiorenal Coding with ICD-10-CM';

const signIn = (context: BrowserContext, email: string) => signInAs(journey.stack, context, email);

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

// Long flows: 300 s each, as the admin tools journey (at load 14 to 20 the first test ran into
// a 120 s limit).
describe('an instructor, in Chromium', { timeout: 300_000 }, () => {
  it('creates a course, builds its syllabus, fixes an approval and publishes; a student finds it', async () => {
    // Tall enough that dragging never scrolls (Playwright's drag does not survive a scroll).
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 2000 } });
    const page = await signIn(context, 'marcus.lee@example.com');

    // My courses, and a new course (price in dollars → cents).
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Teach' })
      .click();
    await expect.poll(() => h1(page)).toBe('My courses');
    await expectNoA11yViolations(page);
    const newCourse = page.getByRole('region', { name: 'New course' });
    await newCourse.getByLabel('Title').fill(COURSE_TITLE);
    await newCourse
      .getByLabel('Summary')
      .fill('Hypertensive heart and chronic kidney disease: combination codes and sequencing.');
    await newCourse.getByLabel('Kind').selectOption('CE');
    await newCourse.getByLabel('Price (US dollars)').fill('49.00');
    await newCourse.getByRole('button', { name: 'Create course' }).click();
    await expect.poll(() => page.url()).toMatch(/\/teach\/courses\/[0-9a-f-]{36}$/);
    await expect.poll(() => h1(page)).toBe(COURSE_TITLE);
    await expect.poll(() => flashText(page)).toMatch(/created as a draft/);
    const courseUrl = page.url();
    const courseId = courseUrl.split('/').at(-1)!;
    const draft = await journey.stack.database.db.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { draftVersion: { select: { priceCents: true } } },
    });
    expect(draft.draftVersion?.priceCents).toBe(4900);
    await expectNoA11yViolations(page);

    // Syllabus: two modules, one text lesson and one video lesson.
    await page.getByRole('link', { name: 'Syllabus' }).click();
    for (const title of ['Basics', 'Heart failure codes']) {
      await page.getByLabel('Module title').fill(title);
      await page.getByRole('button', { name: 'Add module' }).click();
      await expect.poll(() => flashText(page)).toContain(`Module “${title}” added.`);
    }
    const addLesson = async (
      moduleTitle: string,
      lesson: { title: string; kind: string; minutes: string; videoUrl?: string },
    ) => {
      const module = page.getByRole('listitem', { name: new RegExp(moduleTitle) });
      await module.getByText(`Add a lesson to “${moduleTitle}”`).click();
      await module.getByLabel('Lesson title').fill(lesson.title);
      await module.getByLabel('Kind').selectOption(lesson.kind);
      await module.getByLabel('Minutes').fill(lesson.minutes);
      if (lesson.videoUrl) await module.getByLabel(/Video URL/).fill(lesson.videoUrl);
      await module.getByRole('button', { name: 'Add lesson' }).click();
      await expect.poll(() => flashText(page)).toContain(`Lesson “${lesson.title}” added.`);
    };
    await addLesson('Basics', {
      title: 'Reading the combination rule',
      kind: 'TEXT',
      minutes: '20',
    });
    await addLesson('Heart failure codes', {
      title: 'Walkthrough video',
      kind: 'VIDEO',
      minutes: '15',
      videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    });
    await expect.poll(() => page.locator('.syllabus-total').innerText()).toMatch(/35 min/);

    // Reorder with the buttons (keyboard and no-JS path), then back by drag and drop.
    const moduleTitles = () => page.locator('.module-title').allInnerTexts();
    await page.getByRole('button', { name: 'Move “Heart failure codes” up' }).click();
    await expect
      .poll(moduleTitles)
      .toEqual([expect.stringContaining('Heart failure codes'), expect.stringContaining('Basics')]);
    await page
      .locator('.module-card', { hasText: 'Module 2: Basics' })
      .locator('.drag-handle')
      .first()
      .dragTo(
        page
          .locator('.module-card', { hasText: 'Module 1: Heart failure codes' })
          .locator('.module-title'),
      );
    await expect
      .poll(moduleTitles)
      .toEqual([expect.stringContaining('Basics'), expect.stringContaining('Heart failure codes')]);
    await expectNoA11yViolations(page);

    // The text lesson's Markdown, rendered after saving.
    await page.getByRole('link', { name: 'Reading the combination rule', exact: true }).click();
    await page
      .getByLabel('Lesson text (Markdown)')
      .fill(
        '## Hypertensive heart and chronic kidney disease\n\nAssign **I13.0** when both conditions are documented, then the code for the type of heart failure.',
      );
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expect.poll(() => flashText(page)).toContain('saved');
    const rendered = page.getByRole('region', { name: 'Preview of the saved text' });
    await expect
      .poll(() =>
        rendered
          .getByRole('heading', { name: 'Hypertensive heart and chronic kidney disease' })
          .count(),
      )
      .toBe(1);
    await expectNoA11yViolations(page);

    // The video lesson's length in minutes:seconds.
    await page.getByRole('link', { name: '← Back to the syllabus' }).click();
    await page.getByRole('link', { name: 'Walkthrough video', exact: true }).click();
    await page.getByLabel('Video length').fill('12:30');
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expect.poll(() => flashText(page)).toContain('saved');
    expect(await page.getByLabel('Video length').inputValue()).toBe('12:30');

    // Preview: the draft as a student would see it.
    await page.getByRole('link', { name: 'Preview', exact: true }).click();
    await expect
      .poll(() => page.locator('.preview-banner').innerText())
      .toMatch(/Preview of draft version 1 — not published/);
    const preview = page.getByRole('main');
    expect(
      await preview
        .getByRole('heading', { name: 'Hypertensive heart and chronic kidney disease' })
        .count(),
    ).toBe(1);
    expect(await preview.locator('.prose strong').first().innerText()).toBe('I13.0');
    expect(await preview.locator('iframe').getAttribute('src')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );

    // An AAPC approval whose title does not match the course: the problem is shown.
    await page.getByRole('link', { name: /Credit approvals/ }).click();
    const addApproval = page.getByRole('region', { name: 'Add an approval' });
    await addApproval.getByLabel('Approving body').selectOption('AAPC');
    await addApproval.getByLabel('Approval or index number').fill('AAPC-DEMO-0777');
    await addApproval.getByLabel('Approved program title').fill('Cardiorenal Coding (ICD-10-CM)');
    await addApproval.getByLabel('CEUs').fill('1.50');
    // AAPC approves for one year: dates relative to today, so the journey works in any year.
    const isoDay = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await addApproval.getByLabel('Valid from').fill(isoDay(-30));
    await addApproval.getByLabel('Valid until').fill(isoDay(300));
    await addApproval.getByRole('button', { name: 'Add approval' }).click();
    await expect.poll(() => flashText(page)).toContain('Approval AAPC-DEMO-0777 added.');
    await expect
      .poll(() => page.locator('.approval-card .alert-warning').innerText())
      .toMatch(/AAPC approves an exact program title/);
    // This course has no post-test, which AAPC requires: that is said too.
    expect(await page.locator('.approval-card .alert-warning').innerText()).toMatch(
      /needs a post-test/,
    );

    await page.getByRole('link', { name: 'Publish', exact: true }).click();
    await expect
      .poll(() => page.locator('.problem-list').innerText())
      .toMatch(/Cardiorenal Coding \(ICD-10-CM\)/);
    expect(await page.getByRole('button', { name: 'Publish version 1' }).isDisabled()).toBe(true);
    await page.getByRole('link', { name: 'Open credit approvals' }).first().click();

    // Fix the title, and make it the AHIMA approval this post-test-less course can carry.
    await page.getByText('Edit approval AAPC-DEMO-0777').click();
    const card = page.locator('.approval-card');
    await card.getByLabel('Approving body').selectOption('AHIMA');
    await card.getByLabel('Approved program title').fill(COURSE_TITLE);
    await card.getByRole('button', { name: 'Save approval' }).click();
    await expect.poll(() => flashText(page)).toContain('Approval AAPC-DEMO-0777 saved.');
    expect(await page.locator('.approval-card .alert-warning').count()).toBe(0);

    // The first approval set the default seat-time rule; the instructor sets their own on the
    // course page (a plain form).
    await page.goto(courseUrl);
    const perLesson = page.getByLabel('Minimum time per lesson (% of its estimated time)');
    expect(await perLesson.inputValue()).toBe('80');
    await perLesson.fill('90');
    await page.getByLabel('Minimum total study time (minutes)').fill('lots');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect
      .poll(() => page.locator('#field-minimumSeatMinutes-error').innerText())
      .toMatch(/whole minutes/);
    expect(await perLesson.inputValue()).toBe('90');
    await page.getByLabel('Minimum total study time (minutes)').fill('30');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => flashText(page)).toContain('Course details saved.');
    expect(await page.getByLabel('Minimum total study time (minutes)').inputValue()).toBe('30');
    await expectNoA11yViolations(page);
    const rules = await journey.stack.database.db.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        draftVersion: { select: { minimumLessonTimePercent: true, minimumSeatMinutes: true } },
      },
    });
    expect(rules.draftVersion).toEqual({ minimumLessonTimePercent: 90, minimumSeatMinutes: 30 });
    await page.getByRole('link', { name: /Credit approvals/ }).click();

    // Publish: the change summary, then version 1 is live.
    await page.getByRole('link', { name: 'Publish', exact: true }).click();
    await expect
      .poll(() => page.locator('.change-list').innerText())
      .toContain('First publication: 2 modules, 2 lessons');
    expect(await page.locator('.ready').innerText()).toMatch(/Nothing prevents publishing/);
    await expectNoA11yViolations(page);
    // Publishing asks for confirmation: the browser refuses the unticked box, and a request
    // sent without it (here: the form's validation switched off) publishes nothing.
    const publishForm = page.locator('form.publish-form');
    await publishForm.evaluate((form: HTMLFormElement) => {
      form.noValidate = true;
    });
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect
      .poll(() => page.locator('#publish-confirm-error').innerText())
      .toMatch(/Tick the box to publish version 1/);
    expect(await page.locator('.ready').count()).toBe(1);
    await page.getByLabel(/Publish version 1 now/).check();
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect.poll(() => flashText(page)).toContain('Version 1 is published.');
    expect(page.url()).toBe(courseUrl);
    expect(await page.locator('.editor-meta').innerText()).toMatch(/Published/);
    await context.close();

    // A student searches the catalog for a word of the title and opens the course.
    const studentContext = await journey.browser.newContext();
    const student = await signedInPage(journey.stack, studentContext, 'priya.shah@example.com');
    await student.goto(`${journey.stack.webUrl}/courses?q=cardiorenal`);
    await student.getByRole('link', { name: COURSE_TITLE }).click();
    await expect.poll(() => h1(student)).toBe(COURSE_TITLE);
    const main = await student.getByRole('main').innerText();
    expect(main).toContain('Reading the combination rule');
    expect(main).toContain('$49.00');
    expect(main).toMatch(/AHIMA[\s\S]*1\.50 CEUs/);
    await studentContext.close();
  });

  it('keeps what the user typed when someone else changed the course first', async () => {
    const context = await journey.browser.newContext();
    const page = await signedInPage(journey.stack, context, 'marcus.lee@example.com');
    await page.goto(`${journey.stack.webUrl}/teach`);
    const form = page.getByRole('region', { name: 'New course' });
    await form.getByLabel('Title').fill('Shared Draft Course');
    await form.getByLabel('Summary').fill('Edited in two tabs at once.');
    await form.getByRole('button', { name: 'Create course' }).click();
    await expect.poll(() => h1(page)).toBe('Shared Draft Course');
    const url = page.url();
    const other = await context.newPage();
    await other.goto(url);
    await other.getByLabel('Summary').fill('Changed in another tab.');
    await other.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => flashText(other)).toContain('Course details saved.');

    await page.getByLabel('Summary').fill('My own careful rewrite.');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toMatch(/Someone else changed this course/);
    expect(await page.getByLabel('Summary').inputValue()).toBe('My own careful rewrite.');
    expect(await page.getByRole('link', { name: 'Reload' }).count()).toBe(1);
    await context.close();
  });

  it('creates a course and adds a module with JavaScript turned off', async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    const page = await signedInPage(journey.stack, context, 'marcus.lee@example.com');
    await page.goto(`${journey.stack.webUrl}/teach`);
    const form = page.getByRole('region', { name: 'New course' });
    await form.getByLabel('Title').fill('No Script Course');
    await form.getByLabel('Summary').fill('Made with plain HTML forms.');
    await form.getByLabel('Price (US dollars)').fill('12.5x');
    await form.getByRole('button', { name: 'Create course' }).click();
    // Bad input: the price says what is wrong and the title is kept.
    await expect.poll(() => page.locator('#field-price-error').innerText()).toMatch(/like 49\.00/);
    expect(await form.getByLabel('Title').inputValue()).toBe('No Script Course');
    await form.getByLabel('Price (US dollars)').fill('12.50');
    await form.getByRole('button', { name: 'Create course' }).click();
    await expect.poll(() => h1(page)).toBe('No Script Course');
    await page.getByRole('link', { name: 'Syllabus' }).click();
    await page.getByLabel('Module title').fill('Only module');
    await page.getByRole('button', { name: 'Add module' }).click();
    await expect.poll(() => flashText(page)).toContain('Module “Only module” added.');
    const saved = await journey.stack.database.db.courseVersion.findFirstOrThrow({
      where: { title: 'No Script Course' },
      select: { priceCents: true, modules: { select: { title: true } } },
    });
    expect(saved).toEqual({ priceCents: 1250, modules: [{ title: 'Only module' }] });
    await context.close();
  });

  it('shows students a friendly 403 instead of the teaching pages', async () => {
    const context = await journey.browser.newContext();
    const page = await signIn(context, 'tomas.alvarez@example.com');
    expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).not.toContain('Teach');
    const response = await page.goto(`${journey.stack.webUrl}/teach`);
    expect(response?.status()).toBe(403);
    expect(await page.getByRole('main').innerText()).toMatch(/instructor role/);
    expect((await page.goto(`${journey.stack.webUrl}/admin/users`))?.status()).toBe(403);
    await context.close();
  });
});

describe('an admin, in Chromium', { timeout: 60_000 }, () => {
  it('makes a student an instructor, and the audit log records it', async () => {
    const context = await journey.browser.newContext();
    const page = await signIn(context, 'admin@example.com');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' })
      .click();
    await expect.poll(() => h1(page)).toBe('Users');
    await page.getByLabel('Name or email').fill('grace');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('.results-count').innerText()).toMatch(/^1 user/);
    await expectNoA11yViolations(page);
    // An admin cannot change their own role: their row has no form.
    await page.goto(`${journey.stack.webUrl}/admin/users?role=ADMIN`);
    expect(await page.getByRole('combobox', { name: /Role of/ }).count()).toBe(0);
    await page.goto(`${journey.stack.webUrl}/admin/users?q=grace`);
    await page.getByLabel('Role of Grace Okafor').selectOption('INSTRUCTOR');
    await page.getByRole('button', { name: 'Save role of Grace Okafor' }).click();
    await expect.poll(() => flashText(page)).toContain('Grace Okafor is now an instructor.');
    expect(
      (
        await journey.stack.database.db.user.findUniqueOrThrow({
          where: { email: 'grace.okafor@example.com' },
        })
      ).role,
    ).toBe('INSTRUCTOR');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => h1(page)).toBe('Audit log');
    const firstRow = await page.locator('.data-table tbody tr').first().innerText();
    expect(firstRow).toMatch(/Changed a role/);
    expect(firstRow).toMatch(/From student to instructor/);
    expect(firstRow).toContain('Alex Morgan');
    expect(firstRow).toContain('Grace Okafor'); // the person acted on, by name
    await expectNoA11yViolations(page);
    await context.close();
  });
});
