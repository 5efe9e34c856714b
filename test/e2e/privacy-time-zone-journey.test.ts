import { createEnrollment } from '@lms/db/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { useJourneyStack } from '../support/journey-stack';
import { screenshot } from '../support/screenshots';

const journey = useJourneyStack();

const PASSWORD = 'icd10-guidelines-2027';

async function register(context: BrowserContext, name: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${journey.stack.webUrl}/register`);
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect
    .poll(() => page.getByRole('banner').innerText(), { timeout: 15_000 })
    .toContain('Sign out');
  return page;
}

describe('a learner in Los Angeles, in Chromium', () => {
  it('sees times in the zone their browser reported, and the mock-exam deadline as “h:mm PM PST”', {
    timeout: 90_000,
  }, async () => {
    const context = await journey.browser.newContext({ timezoneId: 'America/Los_Angeles' });
    const page = await register(context, 'Lena Park', 'lena.park@example.com');
    const user = await journey.stack.database.db.user.findUniqueOrThrow({
      where: { email: 'lena.park@example.com' },
    });
    expect(user.timeZone).toBe('America/Los_Angeles');

    await page.goto(`${journey.stack.webUrl}/profile`);
    await expect
      .poll(() => page.getByLabel('Show dates and times in').inputValue())
      .toBe('America/Los_Angeles');
    await expectNoA11yViolations(page);

    // A timed mock exam (granted, as an employer would): its deadline reads in Pacific time.
    const course = await journey.stack.database.db.course.findUniqueOrThrow({
      where: { slug: 'cpc-exam-prep-complete-review' },
      select: { id: true, latestPublishedVersionId: true },
    });
    await createEnrollment(journey.stack.database.db, { userId: user.id, courseId: course.id });
    const mock = await journey.stack.database.db.lesson.findFirstOrThrow({
      where: {
        quiz: { mode: 'MOCK_EXAM' },
        module: { versionId: course.latestPublishedVersionId! },
      },
      select: { id: true },
    });
    await page.goto(`${journey.stack.webUrl}/learn/${course.id}/quiz/${mock.id}`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/learn/attempts/');
    const deadline = await page.locator('.countdown-deadline').innerText();
    expect(deadline).toMatch(/Ends at \d{1,2}:\d{2} [AP]M P[SD]T/);
    expect(deadline).not.toContain('UTC');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'mock-exam-deadline-390');
    await context.close();
  });

  it('chooses another zone in the profile (validated), without JavaScript', {
    timeout: 60_000,
  }, async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    const page = await register(context, 'Omar Haddad', 'omar.haddad@example.com');
    const user = await journey.stack.database.db.user.findUniqueOrThrow({
      where: { email: 'omar.haddad@example.com' },
    });
    // No JavaScript: nothing was detected, pages use the provider's zone until one is chosen.
    expect(user.timeZone).toBeNull();
    await page.goto(`${journey.stack.webUrl}/profile`);
    expect(await page.getByLabel('Show dates and times in').inputValue()).toBe('America/New_York');
    await page.getByLabel('Show dates and times in').selectOption('America/Chicago');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText())
      .toMatch(/America\/Chicago|America Chicago/);
    expect(
      (await journey.stack.database.db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone,
    ).toBe('America/Chicago');
    await context.close();
  });
});

describe('deleting my account, in Chromium', () => {
  it('downloads my data, then deletes the account with the password and the typed confirmation', {
    timeout: 60_000,
  }, async () => {
    const context = await journey.browser.newContext();
    const page = await register(context, 'Nadia Rahman', 'nadia.rahman@example.com');
    await page.goto(`${journey.stack.webUrl}/profile`);
    const download = await page.request.get(`${journey.stack.webUrl}/profile/data-export.json`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(
      /^attachment; filename="my-codecred-data-/,
    );
    expect(((await download.json()) as { profile: { email: string } }).profile.email).toBe(
      'nadia.rahman@example.com',
    );

    await page.getByRole('link', { name: 'Delete my account' }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/profile/delete');
    await expectNoA11yViolations(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'delete-account-1280');

    // A wrong password: the field says so, nothing is deleted.
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('Type “delete my account” to confirm').fill('delete my account');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    const password = page.getByLabel('Current password');
    await expect
      .poll(() => password.getAttribute('aria-invalid'), { timeout: 15_000 })
      .toBe('true');
    expect(
      await journey.stack.database.db.user.count({ where: { email: 'nadia.rahman@example.com' } }),
    ).toBe(1);

    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText(), { timeout: 15_000 })
      .toMatch(/account is deleted/);
    expect(await page.getByRole('banner').innerText()).toContain('Sign in');
    expect(
      await journey.stack.database.db.user.count({ where: { email: 'nadia.rahman@example.com' } }),
    ).toBe(0);
    await context.close();
  });
});
