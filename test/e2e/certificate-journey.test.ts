import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { completeDemoCourse } from '../support/demo-completion';
import { DEMO_PASSWORD } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';

const journey = useJourneyStack();

const STUDENT = {
  email: 'priya.shah@example.com',
  password: DEMO_PASSWORD,
  name: 'Priya Shah',
};
const COURSE_TITLE = 'ICD-10-CM Official Guidelines for Coding and Reporting: FY2027 Update';

/** Page changes on a busy 2-core CI machine can take seconds: poll for up to 15 s. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('certificate journey', { timeout: 300_000 }, () => {
  it('completes the CE course, downloads the certificate, verifies it through the PDF’s link and counts the CEUs toward CPC', async () => {
    await completeDemoCourse(journey.stack, STUDENT);
    const context = await journey.browser.newContext();
    const page = await context.newPage();

    await page.goto(`${journey.stack.webUrl}/sign-in?redirectTo=/certificates`);
    await page.getByLabel('Email').fill(STUDENT.email);
    await page.getByLabel('Password').fill(STUDENT.password);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('My certificates');

    // The certificates wait until the learner confirms the name to print (no-JS form).
    const cards = page.locator('.certificate-card');
    expect(await cards.count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(
      'A completed course is waiting for you to confirm the name to print on its certificates.',
    );
    await page.getByRole('link', { name: 'Confirm your name' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Name on your certificates',
    );
    const nameField = page.getByLabel('Your name, exactly as it should be printed');
    expect(await nameField.inputValue()).toBe(STUDENT.name);
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Confirm name' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('My certificates');

    // One certificate per approval: AAPC and AHIMA, each with its own index number.
    await poll(() => cards.count()).toBe(2);
    const aapcCard = cards.filter({ hasText: 'index number AAPC-DEMO-0001' });
    expect(await aapcCard.innerText()).toContain(COURSE_TITLE);
    expect(await aapcCard.innerText()).toContain('2.00 CEUs (core)');
    const serial = (await aapcCard.locator('code').first().innerText()).trim();
    expect(serial).toMatch(/^CEU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Share: LinkedIn's add-to-profile form, prefilled.
    const linkedIn = new URL(
      (await aapcCard
        .getByRole('link', { name: /Add to LinkedIn profile/ })
        .getAttribute('href')) ?? '',
    );
    expect(linkedIn.searchParams.get('certId')).toBe(serial);
    expect(linkedIn.searchParams.get('name')).toBe(COURSE_TITLE);
    await expectNoA11yViolations(page);

    // The PDF, through the web server (it adds the session token), links to the verify page.
    const download = await page.request.get(
      `${journey.stack.webUrl}/certificates/${serial}/pdf?size=letter`,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    const pdf = (await download.body()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const uris = [...pdf.matchAll(/\/URI \(((?:\\.|[^\\)])*)\)/g)].map((m) =>
      m[1]!.replace(/\\(.)/g, '$1'),
    );
    const verifyUrl = new URL(uris.find((uri) => uri.includes('/verify/'))!);
    expect(verifyUrl.pathname).toBe(`/verify/${serial}`);
    const badge = await page.request.get(
      `${journey.stack.webUrl}/certificates/${serial}/credential.jwt`,
    );
    expect((await badge.text()).split('.')).toHaveLength(3);

    // The verify page (the deployment's public URL is another host here: follow its path), signed out.
    const visitor = await journey.browser.newContext();
    const verify = await visitor.newPage();
    await verify.goto(`${journey.stack.webUrl}${verifyUrl.pathname}`);
    const verdict = await verify.locator('.verdict').innerText();
    expect(verdict).toMatch(/^Valid\./);
    const text = await verify.locator('main').innerText();
    expect(text).toContain(STUDENT.name);
    expect(text).toContain('AAPC-DEMO-0001');
    expect(await verify.content()).not.toContain(STUDENT.email);
    // Link previews: Open Graph and Twitter tags.
    expect(await verify.locator('meta[property="og:url"]').getAttribute('content')).toBe(
      verifyUrl.href,
    );
    expect(
      await verify.locator('meta[property="og:description"]').getAttribute('content'),
    ).toContain(`Valid. Awarded to ${STUDENT.name}`);
    expect(await verify.locator('meta[name="twitter:card"]').getAttribute('content')).toBe(
      'summary',
    );
    await expectNoA11yViolations(verify);
    // Typed from paper, in lower case without dashes.
    await verify.goto(`${journey.stack.webUrl}/verify`);
    await verify.getByLabel('Serial').fill(serial.toLowerCase().replaceAll('-', ''));
    await verify.getByRole('button', { name: 'Verify' }).click();
    await poll(() => verify.locator('.verdict').innerText()).toMatch(/^Valid\./);
    await visitor.close();

    // The transcript: add the CPC credential; the AAPC CEUs count toward its cycle.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Transcript' })
      .click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('CEU transcript');
    await page.locator('#credential-body').selectOption('AAPC');
    await page.getByLabel('Credential', { exact: true }).fill('CPC');
    await page.getByLabel('Certified on').fill('2025-06-01');
    await page.getByRole('button', { name: 'Add credential' }).click();
    const cycle = page.locator('.transcript-cycle', { hasText: 'CPC (AAPC)' });
    await poll(() => cycle.count()).toBe(1);
    expect(await cycle.innerText()).toContain('2.00 of 36.00');
    expect(await cycle.innerText()).toContain(`Certificate ${serial}`);
    expect(await cycle.innerText()).toContain('index number AAPC-DEMO-0001');
    expect(await page.getByRole('note').innerText()).toMatch(
      /an estimate[\s\S]*own CEU tracker is the record/,
    );
    expect(await cycle.getByRole('progressbar').getAttribute('aria-label')).toContain(
      '2.00 of 36.00 CEUs',
    );
    await expectNoA11yViolations(page);
    const csv = await page.request.get(`${journey.stack.webUrl}/transcript/export/csv`);
    expect(await csv.text()).toContain(
      '"CPC (AAPC)","2025-06-01","2027-05-31","36.00","2.00","34.00"',
    );
    await context.close();
  }, 120_000);
});
