import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import { pageSettled } from '../support/journey';
import { type Stack, startStack } from '../support/stack';

/** Every parameter of the page's URL has a value (no `q=`, no `kind=`). */
function emptyParameters(page: Page): string[] {
  return [...new URL(page.url()).searchParams]
    .filter(([, value]) => value.trim() === '')
    .map(([name]) => name);
}

describe('catalog search as you type', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('searches while typing and applies filters on change, leaving no empty parameters', async () => {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${stack.webUrl}/courses`);
      await pageSettled(page);
      const search = page.getByLabel('Search courses');
      // Typed slowly, like a person: one request after the pause, not one per key.
      await search.pressSequentially('Guidelines', { delay: 40 });
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Guidelines');
      await pageSettled(page);
      expect(emptyParameters(page)).toEqual([]);
      await expect
        .poll(() => page.getByRole('status').first().innerText())
        .toMatch(/match(es)? “Guidelines”/);
      // The field keeps focus and the typed text while the results change.
      expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await search.inputValue()).toBe('Guidelines');

      // A filter applies as soon as it changes, without pressing Apply.
      await page.getByLabel('Type').selectOption('ce');
      await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('ce');
      await pageSettled(page);
      expect(emptyParameters(page)).toEqual([]);

      // Clearing the search drops `q` from the URL instead of leaving `q=`.
      await search.fill('');
      await expect.poll(() => new URL(page.url()).searchParams.has('q')).toBe(false);
      await pageSettled(page);
      expect(new URL(page.url()).search).toBe('?kind=ce');
      await expectNoA11yViolations(page);
      await context.close();
    }
  });

  it('is a plain GET form without JavaScript, and the server cleans empty parameters', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // A submitted form sends every field, empty or not: the loader redirects to the clean URL.
    const response = await page.goto(
      `${stack.webUrl}/courses?q=&kind=ce&price=&credit=&level=&sort=`,
    );
    expect(response?.ok()).toBe(true);
    expect(new URL(page.url()).search).toBe('?kind=ce');

    await page.getByLabel('Search courses').fill('Guidelines');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=Guidelines&kind=ce');
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/“Guidelines”/);
    // (axe needs JavaScript in the page; the same page is checked with it above.)
    await context.close();
  });
});
