import { createEnrollment } from '@lms/db/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { pageSettled, signedInPage } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';
import { screenshot } from '../support/screenshots';

/** The page background in dark mode (--color-page), as the browser computes it. */
const DARK_PAGE = 'rgb(14, 21, 28)';

const journey = useJourneyStack();

async function darkContext(): Promise<BrowserContext> {
  return journey.browser.newContext({
    colorScheme: 'dark',
    viewport: { width: 1280, height: 900 },
  });
}

/** Each page at 1280 and 390 px: dark colours in effect, and axe (contrast included) clean. */
async function checkPages(page: Page, paths: [string, string][]) {
  for (const [name, path] of paths) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${journey.stack.webUrl}${path}`);
      await pageSettled(page);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(`${name}: ${background}`).toBe(`${name}: ${DARK_PAGE}`);
      await expectNoA11yViolations(page);
      await screenshot(page, `dark-${name}-${width}`);
    }
  }
}

describe('dark mode follows the system setting', () => {
  it('keeps the light colours when the system asks for light', async () => {
    const context = await journey.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${journey.stack.webUrl}/courses`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(245, 248, 250)',
    );
    await context.close();
  });

  it('public pages', async () => {
    const context = await darkContext();
    const page = await context.newPage();
    const course = await journey.stack.database.db.course.findFirstOrThrow({
      where: { latestPublishedVersionId: { not: null } },
      orderBy: { slug: 'asc' },
    });
    await checkPages(page, [
      ['home', '/'],
      ['catalog', '/courses'],
      ['course', `/courses/${course.slug}`],
      ['sign-in', '/sign-in'],
    ]);
    await context.close();
  });

  it('a learner’s pages', async () => {
    const context = await darkContext();
    // A student granted a published course (the demo data enrols nobody).
    const student = await journey.stack.database.db.user.findFirstOrThrow({
      where: { role: 'STUDENT' },
      orderBy: { email: 'asc' },
    });
    const course = await journey.stack.database.db.course.findFirstOrThrow({
      where: { latestPublishedVersionId: { not: null } },
      orderBy: { slug: 'asc' },
    });
    const enrollment = await createEnrollment(journey.stack.database.db, {
      userId: student.id,
      courseId: course.id,
    });
    const lesson = await journey.stack.database.db.lesson.findFirstOrThrow({
      where: { module: { versionId: enrollment.versionId }, kind: { not: 'QUIZ' } },
    });
    const page = await signedInPage(journey.stack, context, student.email);
    await checkPages(page, [
      ['my-learning', '/learn'],
      ['lesson', `/learn/${enrollment.courseId}/lessons/${lesson.id}`],
      ['transcript', '/transcript'],
      ['profile', '/profile'],
    ]);
    await context.close();
  });

  it('an instructor’s pages', async () => {
    const context = await darkContext();
    const marcus = await journey.stack.database.db.user.findUniqueOrThrow({
      where: { email: 'marcus.lee@example.com' },
    });
    const course = await journey.stack.database.db.course.findFirstOrThrow({
      where: { ownerId: marcus.id },
      orderBy: { slug: 'asc' },
    });
    const page = await signedInPage(journey.stack, context, marcus.email);
    await checkPages(page, [
      ['teach', '/teach'],
      ['teach-course', `/teach/courses/${course.id}`],
      ['teach-syllabus', `/teach/courses/${course.id}/syllabus`],
    ]);
    await context.close();
  });
});
