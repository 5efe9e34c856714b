import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { flashText, signedInPage } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';

const journey = useJourneyStack();

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/code-sets/${name}`, import.meta.url), 'utf8');

/** FY N+1: the FY2027 sample without N18.31 (deleted), renumbered, in the order-file layout. */
function nextYearFile(): string {
  const lines = fixture('icd10cm_order_sample_fy2027.txt')
    .split('\n')
    .filter((line) => line !== '' && line.slice(6, 13).trim() !== 'N1831');
  return `${lines.map((line, index) => `${String(index + 1).padStart(5, '0')}${line.slice(5)}`).join('\n')}\n`;
}

const COURSE = 'CPC Exam Prep: Complete Review';

async function importRelease(page: Page, effectiveOn: string, fileName: string, text: string) {
  await page.goto(`${journey.stack.webUrl}/admin/code-sets`);
  const form = page.getByRole('form', { name: 'Import a code-set release' });
  await form.getByLabel('Code system').selectOption('ICD10CM');
  await form.getByLabel('Effective date').fill(effectiveOn);
  await form.getByLabel(/^File/).setInputFiles({
    name: fileName,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  await form.getByRole('button', { name: 'Import' }).click();
  await expect
    .poll(
      async () =>
        `${await flashText(page)}|${page.url()}|${(await page.locator('body').innerText()).slice(0, 600)}`,
      { timeout: 20_000 },
    )
    .toMatch(/^Importing “ICD-10-CM FY20\d\d”/);
  // The page refreshes itself while the import runs; wait for the result.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page
          .getByRole('list', { name: 'Imports' })
          .getByRole('listitem')
          .first()
          .innerText();
      },
      { timeout: 30_000 },
    )
    .toMatch(/Imported/);
}

describe('a code-set update reaches the instructors it affects', () => {
  it('admin imports FY N+1 → instructor sees the notice → fixes the item → the notice clears', async () => {
    const adminContext = await journey.browser.newContext();
    const admin = await signedInPage(journey.stack, adminContext, 'admin@example.com');
    await importRelease(
      admin,
      '2026-10-01',
      'icd10cm_order_2027.txt',
      fixture('icd10cm_order_sample_fy2027.txt'),
    );
    await importRelease(admin, '2027-10-01', 'icd10cm_order_2028.txt', nextYearFile());
    const latest = admin.getByRole('list', { name: 'Imports' }).getByRole('listitem').first();
    expect(await latest.innerText()).toContain(
      'Against the previous release: 0 added, 1 deleted, 0 changed.',
    );
    await latest.getByRole('link', { name: 'Release and its changes' }).click();
    await expect
      .poll(() => admin.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 })
      .toBe('ICD-10-CM FY2028');
    const diff = admin.getByRole('table');
    expect(await diff.innerText()).toContain('N18.31');
    expect(await diff.innerText()).toContain('Chronic kidney disease, stage 3a');
    await expectNoA11yViolations(admin);
    await adminContext.close();

    const context = await journey.browser.newContext();
    const page = await signedInPage(journey.stack, context, 'dana.whitfield@example.com');
    await page.goto(`${journey.stack.webUrl}/teach`);
    const row = page.getByRole('row', { name: new RegExp(COURSE) });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('1 code-set notice');
    await row.getByRole('link', { name: '1 code-set notice' }).click();

    const notices = page.getByRole('region', { name: 'Code-set update notices' });
    await expect.poll(() => notices.count(), { timeout: 15_000 }).toBe(1);
    const text = await notices.innerText();
    expect(text).toContain('ICD-10-CM FY2028');
    expect(text).toContain(
      'N18.31 deleted: was Chronic kidney disease, stage 3a (billable); now not in the release.',
    );
    expect(text).toMatch(/Draft: .*question \d+ \(answer key: N18\.31\)/);
    expect(text).toMatch(/Published version 1: .*question \d+ \(answer key: N18\.31\)/);
    await expectNoA11yViolations(page);

    await notices.getByRole('link', { name: /answer key: N18\.31/ }).click();
    const editor = page.getByRole('region', { name: /^Edit question/ });
    await expect.poll(() => editor.count(), { timeout: 15_000 }).toBe(1);
    expect(await editor.getByLabel('Answer codes').inputValue()).toContain('N18.31');
    await editor.getByLabel('Answer codes').fill('E11.22, N18.30');
    await editor.getByLabel('Code-set release').selectOption({ label: 'ICD-10-CM FY2028' });
    await editor.getByRole('button', { name: 'Save question' }).click();
    await expect.poll(() => flashText(page), { timeout: 15_000 }).toMatch(/saved/i);
    expect(await page.getByRole('region', { name: 'Code-set update notices' }).count()).toBe(0);

    await page.goto(`${journey.stack.webUrl}/teach`);
    expect(await page.getByRole('row', { name: new RegExp(COURSE) }).innerText()).not.toContain(
      'code-set notice',
    );
    await context.close();
  });
});
