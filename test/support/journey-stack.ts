import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { type Stack, startStack } from './stack';

export interface JourneyStack {
  /** The seeded database, the API process and the web process of this test file. */
  readonly stack: Stack;
  /** Chromium, shared by the file's tests (each test opens its own context). */
  readonly browser: Browser;
}

/**
 * Starts the product and Chromium once for a test file (in parallel) and stops both after it.
 * Call at the top level of a browser journey; read `journey.stack` and `journey.browser` in
 * its tests.
 */
export function useJourneyStack(): JourneyStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test.`);
    return value;
  };
  return {
    get stack() {
      return started(stack, 'The stack');
    },
    get browser() {
      return started(browser, 'The browser');
    },
  };
}
