import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { timed } from './timings';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The minified build (650 KB) rather than `axe.source` (the 1.5 MB unminified one that
 * @axe-core/playwright injects): the same code, less for the page to parse on every injection.
 */
const AXE_MIN_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Fails on any WCAG 2.0/2.1 A or AA violation of any impact (minor and moderate included),
 * with the rule, its help text and the offending elements.
 *
 * A page without frames is scanned with one `axe.run` in the page: axe-core is injected only
 * when the page does not have it yet (a client-side navigation keeps it), and only violations
 * are detailed (`resultTypes`: axe still runs every rule on every element, it only skips
 * building selectors and HTML snippets for the passes). @axe-core/playwright's own path
 * evaluates the axe source twice per scan and, by default, runs `axe.runPartial` in every frame
 * and merges in a new blank page: the same rules and results, several times slower. A page
 * with an iframe (a lesson video) keeps that default, which also scans cross-origin frames.
 */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const violations = await timed('axe', () =>
    page.frames().length === 1 ? scanPage(page) : scanFrames(page),
  );
  expect(
    violations.map(
      (violation) =>
        `${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}

async function scanPage(page: Page): Promise<Violation[]> {
  const injected = await page.evaluate(
    () => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function',
  );
  if (!injected) await page.evaluate(AXE_MIN_SOURCE);
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((results) => results.violations as Violation[]),
    TAGS,
  );
}

async function scanFrames(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations;
}
