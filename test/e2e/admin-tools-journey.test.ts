import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { completeDemoCourse } from '../support/demo-completion';
import { callApi, DEMO_PASSWORD, flashText, pageSettled, signedInPage } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';
import { screenshot } from '../support/screenshots';

// Issue 13's admin and instructor items in Chromium, at 1280 and 390 px, with axe finding no
// WCAG A/AA violation of any impact: the results page links the certificate its completion
// issued; the admin finds it by learner, revokes it with a confirmation and a reason; the audit
// log says so in words, filtered by actor, action and day.

const journey = useJourneyStack();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const STUDENT = { email: 'priya.shah@example.com', password: DEMO_PASSWORD, name: 'Priya Shah' };
const ADMIN_NAME = 'Alex Morgan';
/** Width and axe checks; a screenshot `<name>-<width>.png` to look at when SCREENSHOT_DIR is set. */
async function lookAt(page: Page, name: string) {
  const width = page.viewportSize()?.width ?? 0;
  await screenshot(page, `${name}-${width}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
  await expectNoA11yViolations(page);
}

/**
 * The same page at 390 px, in a new page of the test's context (signed in at 1280 px, where the
 * header shows "Sign out"): the same session, without signing in again.
 */
async function atPhoneWidth(context: BrowserContext, url: string, name: string) {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(url);
  await pageSettled(page);
  await lookAt(page, name);
  await page.close();
}

let serial = '';

describe('admin and instructor tools, in Chromium', { timeout: 300_000 }, () => {
  it('the results page of the post-test that completed the course links its certificates', async () => {
    const { token } = await callApi<{ token: string }>(
      journey.stack,
      'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
      { input: { email: STUDENT.email, password: STUDENT.password } },
    );
    await callApi(
      journey.stack,
      'mutation($name: String!) { confirmCertificateName(name: $name) { confirmed } }',
      { name: STUDENT.name },
      token,
    );
    const { attemptId } = await completeDemoCourse(journey.stack, STUDENT);
    const context: BrowserContext = await journey.browser.newContext({ viewport: DESKTOP });
    const page = await signedInPage(journey.stack, context, STUDENT.email);
    const url = `${journey.stack.webUrl}/learn/attempts/${attemptId}`;
    await page.goto(url);
    const section = page.getByRole('region', { name: 'Course complete' });
    const links = section.getByRole('link', { name: /^Certificate CEU-/ });
    await expect.poll(() => links.count()).toBe(2);
    const label = await links.first().innerText();
    serial = /CEU-[0-9A-Z-]+/.exec(label)?.[0] ?? '';
    expect(serial).toMatch(/^CEU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await links.first().getAttribute('href')).toBe(`/certificates/${serial}/pdf`);
    const pdf = await context.request.get(`${journey.stack.webUrl}/certificates/${serial}/pdf`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await lookAt(page, 'attempt-results');
    await atPhoneWidth(context, url, 'attempt-results');
    await context.close();
  });

  it('an admin finds the certificate by learner, revokes it only when confirmed, with the reason shown', async () => {
    expect(serial).not.toBe('');
    const context = await journey.browser.newContext({ viewport: DESKTOP });
    const page = await signedInPage(journey.stack, context, 'admin@example.com');
    await page.goto(`${journey.stack.webUrl}/admin/certificates`);
    await page.getByLabel('Learner, course or serial').fill('priya');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('priya');
    await pageSettled(page);
    const rows = page.locator('.certificate-search-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().innerText()).toContain('Priya Shah');
    // Nobody else matches.
    await page.goto(`${journey.stack.webUrl}/admin/certificates?q=nobody-at-all`);
    await expect.poll(() => page.getByRole('main').innerText()).toContain('No certificate matches');
    await page.goto(`${journey.stack.webUrl}/admin/certificates?q=priya`);
    await lookAt(page, 'admin-certificates');
    // By course title, and by a serial typed loosely.
    await page.goto(`${journey.stack.webUrl}/admin/certificates?q=FY2027`);
    await expect.poll(() => rows.count()).toBe(2);
    await page.goto(
      `${journey.stack.webUrl}/admin/certificates?q=${serial.toLowerCase().replaceAll('-', '')}`,
    );
    await expect.poll(() => rows.count()).toBe(1);

    await page.getByRole('link', { name: serial }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().innerText())
      .toContain(serial);
    await pageSettled(page);
    const detailUrl = page.url();
    // Without the confirmation (the form leaves its checks to the server, whose errors are tied
    // to the fields), nothing is revoked and the box says why.
    const revokeForm = page.locator('form[aria-labelledby="revoke-title"]');
    await page.getByLabel('Reason (shown on the verify page)').fill('Completed by someone else');
    await page.getByRole('button', { name: 'Revoke certificate' }).click();
    await expect
      .poll(() => page.locator('#revoke-confirm-error').innerText())
      .toMatch(/Tick the box to confirm/);
    expect(await page.locator('#revoke-confirm').getAttribute('aria-invalid')).toBe('true');
    expect(
      (await journey.stack.database.db.certificate.findUniqueOrThrow({ where: { serial } }))
        .revokedAt,
    ).toBeNull();
    await lookAt(page, 'admin-certificate-confirm');
    // The typed reason survived; confirm and revoke.
    expect(await page.getByLabel('Reason (shown on the verify page)').inputValue()).toBe(
      'Completed by someone else',
    );
    await revokeForm.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Revoke certificate' }).click();
    await expect.poll(() => flashText(page)).toContain(`Certificate ${serial} revoked.`);
    await pageSettled(page);
    const note = page.locator('.revocation-note');
    expect(await note.innerText()).toContain(`by ${ADMIN_NAME}`);
    expect(await note.innerText()).toContain('Reason: Completed by someone else');
    await lookAt(page, 'admin-certificate-revoked');
    await atPhoneWidth(context, detailUrl, 'admin-certificate-revoked');
    await atPhoneWidth(
      context,
      `${journey.stack.webUrl}/admin/certificates?q=priya`,
      'admin-certificates',
    );

    // The public verify page says so, with the reason.
    const verify = await context.newPage();
    await verify.goto(`${journey.stack.webUrl}/verify/${serial}`);
    await expect.poll(() => verify.getByRole('main').innerText()).toMatch(/Revoked/i);
    expect(await verify.getByRole('main').innerText()).toContain('Completed by someone else');
    await context.close();
  });

  it('the audit log says it in words, by name, in the reader’s time, filtered by actor, action and day', async () => {
    const context = await journey.browser.newContext({
      viewport: DESKTOP,
      timezoneId: 'America/Los_Angeles',
    });
    const page = await signedInPage(journey.stack, context, 'admin@example.com');
    await page.goto(`${journey.stack.webUrl}/admin/audit`);
    await page.getByLabel('Who (name or email)').fill('alex');
    await page.getByLabel('What').selectOption({ label: 'Revoked a certificate' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('action'))
      .toBe('certificate.revoke');
    await pageSettled(page);
    const rows = page.locator('.audit-table tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const url = new URL(page.url());
    expect([...url.searchParams.keys()].sort()).toEqual(['action', 'actor']);
    const row = await rows.first().innerText();
    expect(row).toContain(ADMIN_NAME);
    expect(row).toContain('Revoked a certificate');
    expect(row).toContain(serial);
    expect(row).toContain('Reason: Completed by someone else');
    expect(row).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no ids
    await lookAt(page, 'admin-audit');
    // Days are the reader's: today in Los Angeles holds it, tomorrow does not.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(
      new Date(),
    );
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(
      new Date(Date.now() + 86_400_000),
    );
    await page.getByLabel('From (day)').fill(today);
    await page.getByLabel('To (day)').fill(today);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(today);
    await pageSettled(page);
    expect(await rows.count()).toBe(1);
    await page.getByLabel('From (day)').fill(tomorrow);
    await page.getByLabel('To (day)').fill(tomorrow);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain('No entry matches these filters.');
    // An end before the start: the field says what to fix.
    await page.goto(`${journey.stack.webUrl}/admin/audit?from=${tomorrow}&to=${today}`);
    await expect
      .poll(() => page.locator('#audit-to-error').innerText())
      .toMatch(/end date is before the start date/);
    await lookAt(page, 'admin-audit-error');
    await atPhoneWidth(
      context,
      `${journey.stack.webUrl}/admin/audit?actor=alex&action=certificate.revoke`,
      'admin-audit',
    );
    await context.close();
  });

  it('the publish page asks for confirmation, at both widths', async () => {
    const db = journey.stack.database.db;
    const course = await db.course.findFirstOrThrow({
      where: { status: 'PUBLISHED', owner: { email: 'marcus.lee@example.com' } },
      select: { id: true, draftVersionId: true },
    });
    // A change in the draft, so that it can be published.
    await db.courseVersion.update({
      where: { id: course.draftVersionId! },
      data: { summary: 'Updated for the FY2027 guideline changes, with new practice items.' },
    });
    const url = `${journey.stack.webUrl}/teach/courses/${course.id}/publish`;
    const context = await journey.browser.newContext({ viewport: DESKTOP });
    const page = await signedInPage(journey.stack, context, 'marcus.lee@example.com');
    await page.goto(url);
    await pageSettled(page);
    const confirm = page.getByRole('checkbox', { name: /Publish version 2 now/ });
    await expect.poll(() => confirm.count()).toBe(1);
    expect(await confirm.getAttribute('required')).not.toBeNull();
    await lookAt(page, 'teach-publish');
    await atPhoneWidth(context, url, 'teach-publish');
    await context.close();
  });
});
