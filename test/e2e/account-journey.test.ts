import { type MailCatcher, startMailCatcher } from '@lms/mail/catcher';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import { DEMO_PASSWORD, flashText, signInAs } from '../support/journey';
import { type RunningProcess, startWorkerProcess } from '../support/processes';
import { type Stack, startStack } from '../support/stack';

// Account security as a user meets it, with real mail: the API queues each email in the
// outbox, a worker process delivers it over SMTP to a local catcher, and the test reads the
// link from the message the catcher received.

let stack: Stack;
let browser: Browser;
let catcher: MailCatcher;
let worker: RunningProcess;

beforeAll(async () => {
  [stack, browser, catcher] = await Promise.all([
    startStack(),
    launchBrowser(),
    startMailCatcher(),
  ]);
  worker = await startWorkerProcess(stack.database.url, {
    SMTP_URL: catcher.smtpUrl,
    PUBLIC_WEB_URL: stack.webUrl,
  });
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await browser?.close();
  await catcher?.stop();
  await stack?.stop();
});

// biome-ignore lint/style/noProcessEnv: optional folder for screenshots a person reviews
const SHOTS = process.env.ACCOUNT_SCREENSHOTS_DIR;
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const banner = (page: Page) => page.getByRole('banner').innerText();

/** The link of the newest message to `to` whose subject matches, as received over SMTP. */
async function mailedLink(to: string, subject: RegExp, path: string): Promise<string> {
  const mail = await catcher.waitFor(
    (m) => m.envelopeTo.includes(to) && subject.test(m.parsed.subject ?? ''),
    60_000,
  );
  const link = new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_-]+`).exec(
    mail.parsed.text ?? '',
  )?.[0];
  if (!link) throw new Error(`no ${path} link in: ${mail.parsed.text}`);
  expect(link.startsWith(stack.webUrl)).toBe(true);
  return link;
}

describe('account security', { timeout: 240_000 }, () => {
  it('forgot password → email at the catcher → reset → old sessions gone → sign in', async () => {
    const email = 'tomas.alvarez@example.com';
    const oldContext = await browser.newContext();
    const context = await browser.newContext();
    const laterContext = await browser.newContext();
    try {
      // A session on another device, from before the reset.
      const old = await signInAs(stack, oldContext, email);

      const page = await context.newPage();
      await page.goto(`${stack.webUrl}/sign-in`);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await expect.poll(() => h1(page)).toBe('Forgot your password?');
      await expectNoA11yViolations(page);
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Email me a reset link' }).click();
      await expect.poll(() => h1(page)).toBe('Check your inbox');
      expect(await page.locator('main').innerText()).toContain(email);

      const link = await mailedLink(email, /Reset your password/, '/reset-password');
      await page.goto(link);
      await expect.poll(() => h1(page)).toBe('Choose a new password');
      await shot(page, 'reset-password');
      await expectNoA11yViolations(page);
      // A weak password is refused on its field, and the link still works.
      await page.getByLabel('New password', { exact: true }).fill('password123');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await expect.poll(() => page.locator('.field-error').first().innerText()).toMatch(/common/);
      await page.getByLabel('New password', { exact: true }).fill('harbor-lichen-tangerine');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.waitForURL(/\/courses$/, { timeout: 15_000 });
      await expect.poll(() => flashText(page)).toMatch(/Your password is changed/);
      expect(await banner(page)).toContain('Sign out');

      // The old device is signed out.
      await old.reload();
      await expect.poll(() => banner(old)).not.toContain('Sign out');
      // The link is used up.
      await page.goto(link);
      await expect.poll(() => h1(page)).toBe('This link no longer works');
      // The new password signs in; the old one does not.
      const later = await signInAs(stack, laterContext, email, 'harbor-lichen-tangerine');
      expect(await banner(later)).toContain('Sign out');
      const refused = await laterContext.newPage();
      await refused.context().clearCookies();
      await refused.goto(`${stack.webUrl}/sign-in`);
      await refused.getByLabel('Email').fill(email);
      await refused.getByLabel('Password').fill(DEMO_PASSWORD);
      await refused.getByRole('button', { name: 'Sign in' }).last().click();
      await expect.poll(() => refused.locator('.alert-error').innerText()).toMatch(/do not match/);
    } finally {
      await Promise.all([oldContext.close(), context.close(), laterContext.close()]);
    }
  });

  it('register → verify link → buy a course → receipt email', async () => {
    const email = 'ines.moreau@example.com';
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${stack.webUrl}/register`);
      await page.getByLabel('Full name').fill('Ines Moreau');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('saffron-glacier-notebook');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(() => banner(page), { timeout: 15_000 }).toContain('Ines Moreau');
      await shot(page, 'registered');
      await expect
        .poll(() => flashText(page))
        .toMatch(/emailed you a link to confirm your address/);

      // Before confirming, Buy leads to the page that explains and resends.
      const course = `${stack.webUrl}/courses/icd-10-cm-guidelines-fy2027-update`;
      await page.goto(course);
      await page.getByRole('button', { name: 'Buy – $49.00' }).click();
      await expect.poll(() => h1(page)).toBe('Confirm your email address');
      await expect
        .poll(() => flashText(page))
        .toMatch(/Confirm your email address before buying a course/);
      await expectNoA11yViolations(page);

      const link = await mailedLink(email, /Confirm your email address/, '/verify-email');
      await page.goto(link);
      await shot(page, 'verify-email');
      await page.getByRole('button', { name: 'Confirm my email address' }).click();
      await expect.poll(() => flashText(page)).toMatch(/is confirmed/);
      expect(await h1(page)).toBe('Account security');
      expect(await page.locator('main').innerText()).toContain('Confirmed');
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'account-security-390');
      await expectNoA11yViolations(page);
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.goto(course);
      await page.getByRole('button', { name: 'Buy – $49.00' }).click();
      await page.waitForURL(/\/checkout\/cs_test_/);
      await page.getByRole('button', { name: 'Pay $49.00' }).click();
      await page.waitForURL(/\/checkout\/success\?session_id=cs_test_/);
      expect(await h1(page)).toBe('You are enrolled');

      const receipt = await catcher.waitFor(
        (m) => m.envelopeTo.includes(email) && /receipt/i.test(m.parsed.subject ?? ''),
        60_000,
      );
      expect(receipt.parsed.subject).toMatch(/Your receipt ORD-\d{4}-\d{6}/);
      expect(receipt.parsed.attachments.some((a) => a.contentType === 'application/pdf')).toBe(
        true,
      );

      // Email preferences: reached from the profile, accessible, saved by a plain form.
      await page.goto(`${stack.webUrl}/profile`);
      await page.getByRole('link', { name: 'email preferences' }).click();
      await expect.poll(() => h1(page)).toBe('Email preferences');
      await expectNoA11yViolations(page);
      await page.getByLabel('CEU cycle reminders').uncheck();
      await page.getByRole('button', { name: 'Save email preferences' }).click();
      await expect.poll(() => flashText(page)).toMatch(/email preferences are saved/);
      expect(await page.getByLabel('CEU cycle reminders').isChecked()).toBe(false);
      expect(await page.getByLabel('Enrolment confirmations').isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
