import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { timed } from './timings';

/**
 * A full-page screenshot for people to look at, written only when SCREENSHOT_DIR is set
 * (e.g. `SCREENSHOT_DIR=/tmp/shots pnpm exec vitest run test/e2e/dark-mode.test.ts`).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.SCREENSHOT_DIR;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await timed('screenshot', () =>
    page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true }),
  );
}
