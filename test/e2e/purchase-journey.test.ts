import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from '../support/a11y';
import { flashText, signedInPage } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';

// A student buys a paid demo course through the local Stripe emulator's hosted checkout page
// (the API process has no Stripe keys, so it runs the emulator and receives its signed
// webhooks), lands enrolled, downloads the receipt; an admin refunds it; the access is gone.

const journey = useJourneyStack();

const COURSE_SLUG = 'icd-10-cm-guidelines-fy2027-update';
const COURSE_TITLE = 'ICD-10-CM Official Guidelines for Coding and Reporting: FY2027 Update';
// biome-ignore lint/style/noProcessEnv: optional folder for screenshots a person reviews
const SHOTS = process.env.PURCHASE_SCREENSHOTS_DIR;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function register(context: BrowserContext, name: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${journey.stack.webUrl}/register`);
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('guidelines-fy2027-update');
  await page.getByRole('button', { name: 'Create account' }).click();
  // Registration hashes the password, checks its strength and queues the confirmation email.
  await expect
    .poll(() => page.getByRole('banner').innerText(), { timeout: 15_000 })
    .toContain(name);
  // Buying needs a confirmed address: as if the emailed link had been opened (the link itself
  // is the account journey's subject, test/e2e/account-journey.test.ts).
  await journey.stack.database.db.user.update({
    where: { email },
    data: { emailVerifiedAt: new Date() },
  });
  return page;
}

describe('buying a course', () => {
  it('buy → pay on the checkout page → enrolled → receipt; admin refund → access gone', {
    // 300 s as the other long flows: 76 s alone at load 11, over 90 s beside another journey.
    timeout: 300_000,
  }, async () => {
    const studentContext = await journey.browser.newContext({ acceptDownloads: true });
    const adminContext = await journey.browser.newContext();
    try {
      const student = await register(studentContext, 'Jordan Rivera', 'jordan.rivera@example.com');

      // The course page offers "Buy – $49.00" with the optional receipt lines.
      await student.goto(`${journey.stack.webUrl}/courses/${COURSE_SLUG}`);
      const buy = student.getByRole('button', { name: 'Buy – $49.00' });
      await expect.poll(() => buy.isVisible()).toBe(true);
      await student.getByText('Receipt for your employer (optional)').click();
      await student.getByLabel('Bill to (employer)').fill('Lakeside Cardiology Group');
      await student.getByLabel('Member id').fill('AAPC-01234567');
      await shot(student, '1-course-buy');
      await expectNoA11yViolations(student);
      await buy.click();

      // The emulator's hosted checkout page: the server's price, a promotion code field, Pay.
      await student.waitForURL(/\/checkout\/cs_test_/);
      expect(await student.content()).toContain(COURSE_TITLE);
      await expect
        .poll(() => student.getByRole('button', { name: 'Pay $49.00' }).isVisible())
        .toBe(true);
      await shot(student, '2-emulator-checkout');
      await student.getByRole('button', { name: 'Pay $49.00' }).click();

      // Back on the LMS: enrolled at once, with a way in.
      await student.waitForURL(/\/checkout\/success\?session_id=cs_test_/);
      expect(await h1(student)).toBe('You are enrolled');
      await shot(student, '3-success');
      await expectNoA11yViolations(student);
      const start = student.getByRole('link', { name: 'Start learning' });
      expect(await start.getAttribute('href')).toMatch(/^\/learn\/[0-9a-f-]{36}$/);
      const learnPath = (await start.getAttribute('href')) as string;

      // My purchases: the order, its status and the receipt.
      await student.getByRole('link', { name: 'My purchases' }).first().click();
      await student.waitForURL(/\/purchases$/);
      const order = student.locator('.order').filter({ hasText: COURSE_TITLE });
      expect(await order.innerText()).toContain('Paid');
      const orderNumber = /ORD-\d{4}-\d{6}/.exec(await order.innerText())?.[0];
      expect(orderNumber).toBeTruthy();
      await shot(student, '4-purchases');
      const [download] = await Promise.all([
        student.waitForEvent('download'),
        order.getByRole('link', { name: /Download receipt/ }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`receipt-${orderNumber}.pdf`);
      const receipt = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of receipt) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');

      // The course is in My learning, and its lessons open.
      await student.goto(`${journey.stack.webUrl}/learn`);
      expect(await student.locator('main').innerText()).toContain(COURSE_TITLE);
      await student.goto(`${journey.stack.webUrl}${learnPath}`);
      const lessonPath = (await student
        .locator('main a[href*="/lessons/"]')
        .first()
        .getAttribute('href')) as string;
      expect(lessonPath).toMatch(/\/lessons\//);
      await student.goto(`${journey.stack.webUrl}${lessonPath}`);
      expect(student.url()).toContain(lessonPath);

      // An admin refunds it with a reason and a confirmation.
      const admin = await signedInPage(journey.stack, adminContext, 'admin@example.com');
      await admin.goto(`${journey.stack.webUrl}/admin/orders`);
      const row = admin.getByRole('row').filter({ hasText: orderNumber as string });
      await row.getByLabel('Reason').fill('Employer paid the provider directly');
      await shot(admin, '5-admin-orders');
      await expectNoA11yViolations(admin);
      await row.getByRole('checkbox').check();
      await row.getByRole('button', { name: `Refund ${orderNumber}` }).click();
      // Stripe confirms with the charge.refunded webhook: wait until the API has processed it.
      const db = journey.stack.database.db;
      await expect
        .poll(
          () =>
            db.order.findUniqueOrThrow({
              where: { orderNumber: orderNumber as string },
              select: {
                status: true,
                refundReason: true,
                refundRequestedAt: true,
                stripePaymentIntentId: true,
              },
            }),
          { timeout: 15_000 },
        )
        .toMatchObject({ status: 'REFUNDED', refundReason: 'Employer paid the provider directly' });
      const paid = await db.order.findUniqueOrThrow({
        where: { orderNumber: orderNumber as string },
      });
      const confirmation = await db.paymentEvent.findFirstOrThrow({
        where: { type: 'charge.refunded', paymentIntentId: paid.stripePaymentIntentId },
      });
      expect(confirmation.outcome).not.toBeNull();
      // The flash says what the admin's request saw. The webhook normally lands after the request
      // recorded the refund (REFUND_PENDING: "sent to Stripe"); only if it was processed before
      // that did the request already see the order refunded.
      const sawRefunded = confirmation.processedAt! < paid.refundRequestedAt!;
      await expect
        .poll(() => flashText(admin))
        .toBe(
          sawRefunded
            ? `Order ${orderNumber} is refunded; the learner's access has ended.`
            : `Refund of ${orderNumber} sent to Stripe. Access ends when Stripe confirms it.`,
        );
      const enrollment = await db.enrollment.findFirstOrThrow({
        where: { userId: paid.userId, courseId: paid.courseId },
      });
      expect([enrollment.status, enrollment.endedReason]).toEqual(['ENDED', 'refunded']);
      await expect
        .poll(
          async () => {
            await admin.reload();
            return admin
              .getByRole('row')
              .filter({ hasText: orderNumber as string })
              .innerText();
          },
          { timeout: 10_000 },
        )
        .toContain('Refunded');

      // The student's access is gone.
      await student.goto(`${journey.stack.webUrl}/learn`);
      expect(await student.locator('main').innerText()).not.toContain(COURSE_TITLE);
      // The lesson sends them to the course's overview, which says why and keeps their progress.
      await student.goto(`${journey.stack.webUrl}${lessonPath}`);
      expect(new URL(student.url()).pathname).toBe(learnPath);
      expect(await student.locator('main').innerText()).toContain(
        'You are no longer enrolled in this course.',
      );
      await student.goto(`${journey.stack.webUrl}/purchases`);
      expect(
        await student.locator('.order').filter({ hasText: COURSE_TITLE }).innerText(),
      ).toContain('Refunded');
    } finally {
      await studentContext.close();
      await adminContext.close();
    }
  });
});
