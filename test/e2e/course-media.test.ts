import { createEnrollment } from '@lms/db/testing';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { callApi, DEMO_PASSWORD, flashText, pageSettled, signedInPage } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';
import { screenshot } from '../support/screenshots';

/** A 2×1 PNG (a real picture, read by its bytes). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mNkYPhfz8DAwMAAAA0FAf/hK9NmAAAAAElFTkSuQmCC',
  'base64',
);
const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nCode to the highest specificity.\n';
const INSTRUCTOR = 'marcus.lee@example.com';

const journey = useJourneyStack();

const shot = screenshot;

async function instructorCourse() {
  const marcus = await journey.stack.database.db.user.findUniqueOrThrow({
    where: { email: INSTRUCTOR },
  });
  return journey.stack.database.db.course.findFirstOrThrow({
    where: { ownerId: marcus.id, latestPublishedVersionId: { not: null } },
    orderBy: { slug: 'asc' },
    select: { id: true, slug: true, latestPublishedVersionId: true },
  });
}

/** The draft's lessons of a course (the details page creates the draft when there is none). */
async function draftLessons(courseId: string) {
  const course = await journey.stack.database.db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { draftVersionId: true },
  });
  return journey.stack.database.db.lesson.findMany({
    where: { module: { versionId: course.draftVersionId ?? '' } },
    orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
  });
}

/** Publishes the course's draft through the API, as its instructor (the page is tested elsewhere). */
async function publishDraft(courseId: string) {
  const { token } = await callApi<{ token: string }>(
    journey.stack,
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email: INSTRUCTOR, password: DEMO_PASSWORD } },
  );
  const course = await journey.stack.database.db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { draftVersion: { select: { revision: true } } },
  });
  await callApi(
    journey.stack,
    'mutation($courseId: ID!, $revision: Int!) { publishCourse(courseId: $courseId, revision: $revision) { publishedVersionNumber } }',
    { courseId, revision: course.draftVersion?.revision ?? 0 },
    token,
  );
  return journey.stack.database.db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { latestPublishedVersionId: true },
  });
}

async function signedIn(width: number, javaScriptEnabled = true, email = INSTRUCTOR) {
  const context = await journey.browser.newContext({
    viewport: { width: 1280, height: 1000 },
    javaScriptEnabled,
  });
  if (javaScriptEnabled) {
    const page = await signedInPage(journey.stack, context, email);
    await page.setViewportSize({ width, height: 1000 });
    return { context, page };
  }
  const page = await context.newPage();
  await page.goto(`${journey.stack.webUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await expect.poll(() => page.getByRole('banner').innerText()).toContain('Sign out');
  return { context, page };
}

describe('course cover images', () => {
  it('uploads a cover, refuses a fake picture, and shows it with alt text on the card and the course page', async () => {
    const course = await instructorCourse();
    const { context, page } = await signedIn(1280);
    await page.goto(`${journey.stack.webUrl}/teach/courses/${course.id}`);
    await pageSettled(page);

    // A text file named .png is refused by its content; what was typed stays.
    await page.getByLabel('Alt text (what the picture shows)').fill('A coder reviewing a chart');
    await page.getByLabel('Picture', { exact: true }).setInputFiles({
      name: 'cover.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect
      .poll(() => page.locator('#field-coverImage').getAttribute('aria-invalid'))
      .toBe('true');
    expect(await page.locator('#field-coverImage-error').innerText()).toMatch(
      /must be a PNG, JPEG, WebP or GIF picture/,
    );
    expect(await page.getByLabel('Alt text (what the picture shows)').inputValue()).toBe(
      'A coder reviewing a chart',
    );

    await page.getByLabel('Picture', { exact: true }).setInputFiles({
      name: 'cover.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => flashText(page)).toContain('Course details saved.');
    await pageSettled(page);
    const draft = await journey.stack.database.db.course.findUniqueOrThrow({
      where: { id: course.id },
      select: { draftVersion: { select: { coverImageUrl: true, coverImageAlt: true } } },
    });
    const coverUrl = draft.draftVersion?.coverImageUrl ?? '';
    expect(coverUrl).toMatch(/^\/media\/covers\/[a-f0-9]{64}\.png$/);
    expect(draft.draftVersion?.coverImageAlt).toBe('A coder reviewing a chart');
    expect(await page.locator('img.cover-thumb').getAttribute('src')).toBe(coverUrl);
    await expectNoA11yViolations(page);
    await shot(page, 'teach-course-details-1280');

    // Served from the web app's origin, with its type and a long cache.
    const served = await context.request.get(`${journey.stack.webUrl}${coverUrl}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');
    expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await served.body()).equals(PNG)).toBe(true);

    // Once published, the catalog card and the course page show it.
    await publishDraft(course.id);
    for (const width of [1280, 390]) {
      const visitor = await journey.browser.newContext({ viewport: { width, height: 900 } });
      const catalog = await visitor.newPage();
      await catalog.goto(`${journey.stack.webUrl}/courses`);
      const card = catalog.locator(`img.course-card-cover[src="${coverUrl}"]`);
      expect(await card.getAttribute('alt')).toBe('A coder reviewing a chart');
      // The card's image is lazy-loaded; when Chromium starts a lazy load is its own choice,
      // so the test asks for it now and waits until the served picture (2×1) is decoded.
      expect(await card.getAttribute('loading')).toBe('lazy');
      const decodedWidth = await card.evaluate(async (img: HTMLImageElement) => {
        img.loading = 'eager';
        await img.decode();
        return img.naturalWidth;
      });
      expect(decodedWidth).toBe(2);
      await expectNoA11yViolations(catalog);
      await shot(catalog, `catalog-${width}`);
      await catalog.goto(`${journey.stack.webUrl}/courses/${course.slug}`);
      const cover = catalog.getByRole('img', { name: 'A coder reviewing a chart' });
      expect(await cover.getAttribute('src')).toBe(coverUrl);
      await expectNoA11yViolations(catalog);
      await shot(catalog, `course-page-${width}`);
      await visitor.close();
    }
    await context.close();
  });
});

describe('captions of MP4 lesson videos', () => {
  it('uploads a WebVTT file for an MP4 lesson, refuses SRT, and learners get a captions track', async () => {
    const course = await instructorCourse();
    const { context, page } = await signedIn(1280);
    // The details page opens the draft; make its first lesson an MP4 video.
    await page.goto(`${journey.stack.webUrl}/teach/courses/${course.id}`);
    const [lesson] = await draftLessons(course.id);
    if (!lesson) throw new Error('the demo course has no lessons');
    await journey.stack.database.db.lesson.update({
      where: { id: lesson.id },
      data: { kind: 'VIDEO', videoUrl: 'https://media.example.org/e11.mp4', videoSeconds: 90 },
    });
    const editor = `${journey.stack.webUrl}/teach/courses/${course.id}/lessons/${lesson.id}`;
    await page.goto(editor);
    await pageSettled(page);
    expect(await page.locator('#captions-note').innerText()).toMatch(
      /YouTube and Vimeo videos show their own captions/,
    );

    await page.getByLabel('Captions file (.vtt)').setInputFiles({
      name: 'captions.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from('1\n00:00:00,000 --> 00:00:03,000\nSRT, not WebVTT\n'),
    });
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expect
      .poll(() => page.locator('#field-captionsFile').getAttribute('aria-invalid'))
      .toBe('true');
    expect(await page.locator('#field-captionsFile-error').innerText()).toMatch(
      /first line must be "WEBVTT"/,
    );

    await page.getByLabel('Captions file (.vtt)').setInputFiles({
      name: 'captions.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from(VTT),
    });
    await page.getByLabel('Language code').fill('en');
    await page.getByLabel('Captions name').fill('English');
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expect.poll(() => flashText(page)).toContain('saved.');
    const saved = await journey.stack.database.db.lesson.findUniqueOrThrow({
      where: { id: lesson.id },
    });
    expect(saved.captionsUrl).toMatch(/^\/media\/captions\/[a-f0-9]{64}\.vtt$/);
    expect(saved).toMatchObject({ captionsLanguage: 'en', captionsLabel: 'English' });
    await pageSettled(page);
    await expectNoA11yViolations(page);
    await shot(page, 'teach-lesson-editor-1280');
    await context.close();

    // Published, a learner enrolled in that version gets the track on the video.
    const { latestPublishedVersionId } = await publishDraft(course.id);
    const student = await journey.stack.database.db.user.findFirstOrThrow({
      where: { role: 'STUDENT', enrollments: { none: { courseId: course.id } } },
      orderBy: { email: 'asc' },
    });
    const enrollment = await createEnrollment(journey.stack.database.db, {
      userId: student.id,
      courseId: course.id,
    });
    const published = await journey.stack.database.db.lesson.findFirstOrThrow({
      where: { module: { versionId: latestPublishedVersionId ?? '' }, key: lesson.key },
    });
    const learner = await signedIn(390, true, student.email);
    await learner.page.goto(
      `${journey.stack.webUrl}/learn/${enrollment.courseId}/lessons/${published.id}`,
    );
    const track = learner.page.locator('video.lesson-video track');
    expect(await track.getAttribute('kind')).toBe('captions');
    expect(await track.getAttribute('srclang')).toBe('en');
    expect(await track.getAttribute('label')).toBe('English');
    const vtt = await learner.context.request.get(
      `${journey.stack.webUrl}${await track.getAttribute('src')}`,
    );
    expect(vtt.headers()['content-type']).toBe('text/vtt; charset=utf-8');
    expect(await vtt.text()).toBe(VTT);
    await expectNoA11yViolations(learner.page);
    await learner.context.close();
  });

  it('tells authors of YouTube lessons that the provider shows the captions', async () => {
    const course = await instructorCourse();
    const { context, page } = await signedIn(390);
    await page.goto(`${journey.stack.webUrl}/teach/courses/${course.id}`);
    const [, lesson] = await draftLessons(course.id);
    if (!lesson) throw new Error('the demo course has fewer than two lessons');
    await journey.stack.database.db.lesson.update({
      where: { id: lesson.id },
      data: { kind: 'VIDEO', videoUrl: 'https://youtu.be/dQw4w9WgXcQ', videoSeconds: 90 },
    });
    await page.goto(`${journey.stack.webUrl}/teach/courses/${course.id}/lessons/${lesson.id}`);
    await page.getByLabel('Captions file (.vtt)').setInputFiles({
      name: 'captions.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from(VTT),
    });
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expect
      .poll(() =>
        page
          .locator('#field-captionsFile-error')
          .innerText()
          .catch(() => ''),
      )
      .toMatch(/YouTube and Vimeo show their own captions/);
    await context.close();
  });
});

describe('the Markdown editor', () => {
  it('has a toolbar and a live preview from the learners’ renderer, at 1280 and 390 px', async () => {
    const course = await instructorCourse();
    // One sign-in; each width in a page of its own.
    const { context, page: first } = await signedIn(1280);
    for (const width of [1280, 390]) {
      const page = width === 1280 ? first : await context.newPage();
      await page.setViewportSize({ width, height: 1000 });
      await page.goto(`${journey.stack.webUrl}/teach/courses/${course.id}`);
      const lessons = await draftLessons(course.id);
      const lesson = lessons.find((candidate) => candidate.kind === 'TEXT') ?? lessons[0];
      await page.goto(`${journey.stack.webUrl}/teach/courses/${course.id}/lessons/${lesson?.id}`);
      await pageSettled(page);
      const text = page.getByLabel('Lesson text (Markdown)');
      await text.fill('');
      await text.pressSequentially('Sequencing');
      await text.selectText();
      await page
        .getByRole('toolbar', { name: 'Formatting' })
        .getByRole('button', { name: 'Bold' })
        .click();
      expect(await text.inputValue()).toBe('**Sequencing**');
      await text.press('End');
      await text.pressSequentially('\n\n## Z codes\n\n<script>window.hacked = 1</script>');
      const preview = page.getByRole('region', { name: 'Live preview' });
      await expect.poll(() => preview.getByRole('heading', { name: 'Z codes' }).count()).toBe(1);
      expect(await preview.locator('strong').innerText()).toBe('Sequencing');
      expect(await preview.innerHTML()).not.toContain('<script');
      // Keyboard: the toolbar is one Tab stop; arrows move within it.
      await page
        .getByRole('toolbar', { name: 'Formatting' })
        .getByRole('button', { name: 'Bold' })
        .focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Italic');
      await expectNoA11yViolations(page);
      await shot(page, `markdown-editor-${width}`);
      await page.close();
    }
    await context.close();
  });

  it('is a plain textarea without JavaScript, and an uploaded image is added as Markdown', async () => {
    const course = await instructorCourse();
    const { context, page } = await signedIn(1280, false);
    await page.goto(`${journey.stack.webUrl}/teach/courses/${course.id}`);
    const lessons = await draftLessons(course.id);
    const lesson = lessons.find((candidate) => candidate.kind === 'TEXT') ?? lessons[0];
    await page.goto(`${journey.stack.webUrl}/teach/courses/${course.id}/lessons/${lesson?.id}`);
    expect(await page.getByRole('toolbar').count()).toBe(0);
    await page.getByLabel('Lesson text (Markdown)').fill('Box 21 holds the diagnosis codes.');
    await page
      .getByLabel('Picture', { exact: true })
      .setInputFiles({ name: 'form.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('Image description (alt text)').fill('Claim form, box 21');
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expect.poll(() => page.locator('.flash-region').innerText()).toContain('saved.');
    const saved = await journey.stack.database.db.lesson.findUniqueOrThrow({
      where: { id: lesson?.id },
    });
    expect(saved.body).toMatch(
      /^Box 21 holds the diagnosis codes\.\n\n!\[Claim form, box 21\]\(\/media\/lesson-images\/[a-f0-9]{64}\.png\)\n$/,
    );
    const image = page.locator('.rendered-preview img');
    expect(await image.getAttribute('alt')).toBe('Claim form, box 21');
    expect(await image.getAttribute('src')).toMatch(/^\/media\/lesson-images\//);
    await context.close();
  });
});
