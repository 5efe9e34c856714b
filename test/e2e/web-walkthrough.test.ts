import { createEnrollment, createUser } from '@lms/db/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { DEMO_PASSWORD, flashText, pageSettled, signedInPage } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';
import { screenshot } from '../support/screenshots';

// Issue 13's walk-through, as browser checks: the header and menus at 390 and 1280 px, and the
// gradebook with many learners.

const journey = useJourneyStack();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Signs in through the form at any width (on a phone the account actions are in the menu). */
async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${journey.stack.webUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await expect
    .poll(() => page.locator('.site-header').evaluate((header) => header.textContent ?? ''), {
      timeout: 15_000,
    })
    .toContain('Sign out');
  return page;
}

const headerHeight = (page: Page) =>
  page.locator('.site-header').evaluate((header) => header.getBoundingClientRect().height);
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Pairs of visible controls (links, buttons, fields, disclosures) whose boxes overlap, e.g. a
 * squeezed title drawn under its row's buttons; a control inside another does not count. */
const overlappingControls = (page: Page) =>
  page.evaluate(() => {
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>('a, button, input, select, textarea, summary'),
    ).filter((element) => element.checkVisibility() && element.getClientRects().length > 0);
    const found: string[] = [];
    const name = (element: HTMLElement) =>
      `${element.tagName.toLowerCase()} "${(element.innerText || element.getAttribute('aria-label') || element.getAttribute('name') || '').trim().slice(0, 40)}"`;
    for (const [i, a] of controls.entries()) {
      for (const b of controls.slice(i + 1)) {
        if (a.contains(b) || b.contains(a)) continue;
        for (const ra of Array.from(a.getClientRects())) {
          for (const rb of Array.from(b.getClientRects())) {
            const width = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const height = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            if (width > 2 && height > 2) found.push(`${name(a)} × ${name(b)}`);
          }
        }
      }
    }
    return [...new Set(found)];
  });

// Ten pages with an axe scan each in the first test: 300 s, as the admin tools journey (at load
// 20 it ran into the 120 s default of the project).
describe('the signed-in header and menus, in Chromium', { timeout: 300_000 }, () => {
  it('at 390 px: a small header with a Menu disclosure holding every link; no page or tab bar wider than the screen', async () => {
    const context = await journey.browser.newContext({ viewport: PHONE });
    const page = await signedInPage(journey.stack, context, 'admin@example.com');
    for (const path of [
      '/learn',
      '/courses',
      '/certificates',
      '/transcript',
      '/profile',
      '/purchases',
      '/teach',
      '/admin/users',
      '/admin/audit',
      '/admin/certificates',
    ]) {
      await page.goto(`${journey.stack.webUrl}${path}`);
      expect(await headerHeight(page), path).toBeLessThanOrEqual(72);
      expect(await pageWidth(page), path).toBeLessThanOrEqual(PHONE.width);
      const tabs = page.locator('nav.tabs');
      if ((await tabs.count()) > 0) {
        const overflow = await tabs.evaluate((nav) => nav.scrollWidth - nav.clientWidth);
        expect(overflow, `${path} tab bar`).toBeLessThanOrEqual(0);
      }
      await expectNoA11yViolations(page);
    }

    // The menu: closed at first, then every link on screen, whole words, one under another.
    const menu = page.getByText('Menu', { exact: true });
    expect(await page.getByRole('link', { name: 'Transcript' }).count()).toBe(0);
    await menu.click();
    for (const name of ['Catalog', 'My learning', 'Transcript', 'Profile', 'Teach', 'Admin']) {
      const box = await page.getByRole('link', { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: 'Transcript' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('CEU transcript');
    // Followed a link: the menu is closed on the next page.
    expect(await page.getByRole('link', { name: 'Profile' }).count()).toBe(0);
    await context.close();
  });

  it('at 390 px no link, button or field overlaps another on the instructor’s and learner’s pages', async () => {
    const db = journey.stack.database.db;
    const marcus = await db.user.findUniqueOrThrow({ where: { email: 'marcus.lee@example.com' } });
    const course = await db.course.findFirstOrThrow({
      where: { ownerId: marcus.id },
      orderBy: { slug: 'asc' },
    });
    const quiz = await db.lesson.findFirstOrThrow({
      where: { module: { versionId: course.draftVersionId! }, kind: 'QUIZ' },
    });
    const context = await journey.browser.newContext({ viewport: PHONE });
    const page = await signedInPage(journey.stack, context, marcus.email);
    for (const path of [
      '/teach',
      `/teach/courses/${course.id}`,
      `/teach/courses/${course.id}/syllabus`,
      `/teach/courses/${course.id}/lessons/${quiz.id}/quiz`,
      `/teach/courses/${course.id}/approvals`,
      `/teach/courses/${course.id}/gradebook`,
      `/teach/courses/${course.id}/publish`,
      '/learn',
      '/transcript',
      '/profile',
      '/account/security',
    ]) {
      await page.goto(`${journey.stack.webUrl}${path}`);
      await pageSettled(page);
      expect(await overlappingControls(page), path).toEqual([]);
      await screenshot(
        page,
        `phone${path.replaceAll(course.id, 'course').replaceAll(quiz.id, 'quiz').replaceAll('/', '-')}`,
      );
    }
    await context.close();
  });

  it('at 390 px without JavaScript the menu still opens and its links work', async () => {
    const context = await journey.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await signIn(context, 'marcus.lee@example.com');
    await page.getByText('Menu', { exact: true }).click();
    await page.getByRole('link', { name: 'Teach' }).click();
    await expect.poll(() => page.url()).toMatch(/\/teach$/);
    await pageSettled(page);
    expect(await headerHeight(page)).toBeLessThanOrEqual(72);
    await context.close();
  });

  it('at 1280 px: the header is one row with every link, and the Admin tabs one row', async () => {
    const context = await journey.browser.newContext({ viewport: DESKTOP });
    const page = await signedInPage(journey.stack, context, 'admin@example.com');
    await page.goto(`${journey.stack.webUrl}/admin/users`);
    expect(await headerHeight(page)).toBeLessThanOrEqual(72);
    expect(await pageWidth(page)).toBeLessThanOrEqual(DESKTOP.width);
    const banner = page.getByRole('banner');
    const tops = new Set<number>();
    for (const name of [
      'Catalog',
      'My learning',
      'My purchases',
      'Certificates',
      'Transcript',
      'Teach',
      'Admin',
      'Profile',
    ]) {
      const box = await banner.getByRole('link', { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      tops.add(Math.round(box!.y));
    }
    const signOut = await banner.getByRole('button', { name: 'Sign out' }).boundingBox();
    expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(DESKTOP.width);
    expect(tops.size).toBe(1);
    expect(await banner.innerText()).toContain('Alex Morgan');
    const tabTops = await page
      .locator('nav.tabs a')
      .evaluateAll(
        (links) => new Set(links.map((a) => Math.round(a.getBoundingClientRect().y))).size,
      );
    expect(tabTops).toBe(1);
    await expectNoA11yViolations(page);
    await context.close();
  });
});

describe('the gradebook with many learners, in Chromium', () => {
  it('pages 30 learners by name, scrolls by keyboard, fits 1280 px, and downloads a CSV with a BOM', async () => {
    const db = journey.stack.database.db;
    const course = await db.course.findUniqueOrThrow({
      where: { slug: 'icd-10-cm-guidelines-fy2027-update' },
      select: {
        id: true,
        versions: { where: { publishedAt: { not: null } }, select: { id: true } },
      },
    });
    const version = course.versions[0]!;
    for (let i = 1; i <= 30; i += 1) {
      const n = String(i).padStart(2, '0');
      const user = await createUser(db, {
        email: `zoe.muller.${n}@example.com`,
        name: `Zoë Müller ${n}`,
      });
      await createEnrollment(db, { userId: user.id, courseId: course.id, versionId: version.id });
    }

    const context = await journey.browser.newContext({ viewport: DESKTOP });
    const page = await signedInPage(journey.stack, context, 'marcus.lee@example.com');
    const url = `${journey.stack.webUrl}/teach/courses/${course.id}/gradebook`;
    await page.goto(url);
    const learners = page.locator('.gradebook-table tbody tr');
    expect(await learners.count()).toBe(25);
    expect(await learners.first().innerText()).toContain('Zoë Müller 01');
    expect(await page.getByRole('main').innerText()).toContain('Showing 1–25 of 30');
    const region = page.getByRole('region', { name: /Gradebook of/ });
    expect(await region.getAttribute('tabindex')).toBe('0');
    const fits = await region.evaluate((wrap) => wrap.scrollWidth <= wrap.clientWidth);
    expect(fits).toBe(true);
    await expectNoA11yViolations(page);

    await page.getByRole('link', { name: 'Next page →' }).click();
    await expect.poll(() => learners.count(), { timeout: 15_000 }).toBe(5);
    expect(await learners.last().innerText()).toContain('Zoë Müller 30');

    await page.getByLabel('Find a learner').fill('müller 07');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => learners.count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();

    const csv = await context.request.get(`${url}.csv`);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Zoë Müller 07');
    await context.close();
  });
});

describe('the transcript and the instructor preview, in Chromium', () => {
  it('adds self-reported CEUs with the optional category empty and shows them before any credential is added', async () => {
    const context = await journey.browser.newContext({ viewport: PHONE });
    const page = await signedInPage(journey.stack, context, 'grace.okafor@example.com');
    await page.goto(`${journey.stack.webUrl}/transcript`);
    await page.locator('#self-title-field').fill('Chapter meeting: ICD-10-CM updates');
    await page.locator('#self-provider').fill('Local chapter');
    await page.locator('#self-date').fill('2026-10-01');
    await page.locator('#self-ceus').fill('1.5');
    await page.getByRole('button', { name: 'Add credit' }).click();
    await expect
      .poll(() => flashText(page), { timeout: 15_000 })
      .toContain('Self-reported credit added.');
    // A failing form next: the success flash of the last answer does not stay above it.
    await page.getByRole('button', { name: 'Add credential' }).click();
    await expect
      .poll(() => page.locator('#credential-name').getAttribute('aria-invalid'), {
        timeout: 15_000,
      })
      .toBe('true');
    await expect.poll(() => flashText(page), { timeout: 15_000 }).not.toContain('credit added');
    const earned = page.getByRole('heading', { name: 'AAPC: 1.50 CEUs earned' });
    expect(await earned.count()).toBe(1);
    expect(await page.getByRole('main').innerText()).toContain(
      'Chapter meeting: ICD-10-CM updates',
    );
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoA11yViolations(page);
    // The suggestion opens the credential form on that body.
    await page.getByRole('link', { name: /Add your AAPC credential/ }).click();
    await expect.poll(() => page.locator('#credential-body').inputValue()).toBe('AAPC');
    // The profile of a learner keeps no second credentials list: it points here.
    await page.goto(`${journey.stack.webUrl}/profile`);
    expect(await page.getByRole('group', { name: 'Professional credentials' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'CEU transcript' }).count()).toBe(1);
    await context.close();
  });

  it('previews a draft quiz with its questions, not a placeholder', async () => {
    const course = await journey.stack.database.db.course.findUniqueOrThrow({
      where: { slug: 'icd-10-cm-guidelines-fy2027-update' },
      select: { id: true },
    });
    const context = await journey.browser.newContext({ viewport: DESKTOP });
    const page = await signedInPage(journey.stack, context, 'marcus.lee@example.com');
    await page.goto(`${journey.stack.webUrl}/teach/courses/${course.id}/preview`);
    const main = await page.getByRole('main').innerText();
    expect(main).not.toContain('The quiz builder arrives');
    expect(main).toMatch(/pass mark \d+%/);
    expect(await page.locator('.quiz-preview-questions > li').count()).toBeGreaterThan(0);
    expect(main).toContain('— correct');
    await expectNoA11yViolations(page);
    await context.close();
  });
});

describe('feedback while pages load, in Chromium', () => {
  it('lands where the role works, shows a progress bar and a pending button while the next page loads, then focuses its heading', async () => {
    const context = await journey.browser.newContext({ viewport: DESKTOP });
    const page = await signIn(context, 'marcus.lee@example.com');
    // An instructor lands on Teach, a learner on My learning (see below).
    await expect.poll(() => new URL(page.url()).pathname).toBe('/teach');

    // Hold the next data request for a moment: what does the page show meanwhile?
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\.data(\?|$)/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('banner').getByRole('link', { name: 'Transcript' }).click();
    await expect.poll(() => page.locator('.nav-progress-active').count()).toBe(1);
    release();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('CEU transcript');
    await expect.poll(() => page.locator('.nav-progress-active').count()).toBe(0);
    // Focus moved to the new page's heading (announced by screen readers).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('CEU transcript');

    let releaseSubmit: () => void = () => {};
    const heldSubmit = new Promise<void>((resolve) => {
      releaseSubmit = resolve;
    });
    await page.unroute(/\.data(\?|$)/);
    await page.route(/\.data(\?|$)/, async (route) => {
      if (route.request().method() === 'POST') await heldSubmit;
      await route.continue();
    });
    const button = page.getByRole('button', { name: 'Add credential' });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('true');
    expect(await button.getAttribute('data-pending')).toBe('true');
    releaseSubmit();
    await expect.poll(() => button.getAttribute('data-pending')).toBeNull();
    await context.close();

    const learner = await journey.browser.newContext({ viewport: DESKTOP });
    const learnerPage = await signIn(learner, 'priya.shah@example.com');
    await expect.poll(() => new URL(learnerPage.url()).pathname).toBe('/learn');
    await learner.close();
  });
});
