import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * Where a journey's time goes, when JOURNEY_TIMINGS names a file: each timed step appends one
 * JSON line (test file, category, milliseconds) to it. Without the variable, `timed` only runs
 * the step.
 */
const target = process.env.JOURNEY_TIMINGS;

export async function timed<T>(category: string, step: () => Promise<T>): Promise<T> {
  if (!target) return step();
  const start = performance.now();
  try {
    return await step();
  } finally {
    const file = path.basename(expect.getState().testPath ?? 'unknown');
    const ms = Math.round(performance.now() - start);
    appendFileSync(target, `${JSON.stringify({ file, category, ms })}\n`);
  }
}

/** With JOURNEY_TIMINGS set, times every `page.goto`/`reload` of the browser's pages. */
export async function instrumentBrowser(browser: import('playwright-core').Browser): Promise<void> {
  if (!target) return;
  const page = await browser.newPage();
  const proto = Object.getPrototypeOf(page) as Record<string, unknown>;
  await page.close();
  if (proto.__timed) return;
  proto.__timed = true;
  for (const name of ['goto', 'reload', 'goBack']) {
    const original = proto[name] as (...args: unknown[]) => Promise<unknown>;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      return timed(name, () => original.apply(this, args));
    };
  }
}
