import { sendDailyReminders } from '@lms/core';
import { type CaughtMail, type MailCatcher, startMailCatcher } from '@lms/mail/catcher';
import { extractPdfTextLines } from '@lms/pdf/testing';
import {
  createQueueScheduler,
  type JobRunner,
  type QueueScheduler,
  startJobRunner,
} from '@lms/worker';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import { createApprovalCourse, dayFromToday } from '../../testing/approval-courses';
import {
  type PaymentsTestApi,
  payOnHostedPage,
  START_CHECKOUT,
  type StartedCheckoutData,
  startPaymentsTestApi,
} from '../../testing/payments';

const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id } }`;
const COMPLETE = `mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted } }`;
const PREFERENCES = `{ myEmailPreferences { enrolment ceuReminders approvalExpiry flaggedOrders } }`;
const UPDATE_PREFERENCES = `mutation($input: EmailPreferencesInput!) {
  updateMyEmailPreferences(input: $input) { enrolment ceuReminders approvalExpiry flaggedOrders } }`;
const UNSUBSCRIBE = `mutation($token: String!, $topic: String!) { unsubscribeEmail(token: $token, topic: $topic) { topic } }`;
const ADD_CREDENTIAL = `mutation($input: LearnerCredentialInput!) { addCredential(input: $input) { id } }`;
const TRANSCRIPT = `{ myTranscript { cycles { body label cycleEnd current remaining } } }`;

let api: PaymentsTestApi;
let catcher: MailCatcher;
let scheduler: QueueScheduler;
let runner: JobRunner;
let admin: Actor;

beforeAll(async () => {
  api = await startPaymentsTestApi();
  catcher = await startMailCatcher();
  const log = pino({ level: 'silent' });
  // As in production: the API created the queue's schema; a worker sends over real SMTP.
  scheduler = await createQueueScheduler({ databaseUrl: api.database.url, log });
  runner = await startJobRunner({
    databaseUrl: api.database.url,
    db: api.database.db,
    log,
    smtpUrl: catcher.smtpUrl,
  });
  admin = await registerActor(api, 'ADMIN', 'Ada Admin');
}, 90_000);
afterAll(async () => {
  await runner?.stop();
  await scheduler?.release();
  await catcher?.stop();
  await api?.close();
});

const must = <T>(query: string, variables: Record<string, unknown>, actor?: Actor) =>
  api.must<T>(query, variables, actor);

const mailTo = (actor: Actor, subject: RegExp) =>
  catcher.waitFor(
    (m) => m.envelopeTo.includes(actor.email) && subject.test(m.parsed.subject ?? ''),
  );

/** No queued message for the address is waiting: a skipped mail never shows up. */
async function outboxFor(actor: Actor, template: string) {
  return api.database.db.emailMessage.findMany({
    where: { toAddress: actor.email, template },
  });
}

/** A header as it went over the wire (unfolded); mailparser folds List-* into its own shape. */
function rawHeader(mail: CaughtMail, name: string): string | undefined {
  const line = mail.parsed.headerLines.find((header) => header.key === name)?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

function unsubscribeLink(mail: CaughtMail): URL {
  const header = rawHeader(mail, 'list-unsubscribe') ?? '';
  const match = /<([^>]+)>/.exec(header);
  if (!match?.[1]) throw new Error(`no List-Unsubscribe header: ${header}`);
  return new URL(match[1]);
}

describe('enrolment confirmation (a notification)', () => {
  it('arrives over SMTP with both parts, the sponsor, web links and one-click List-Unsubscribe', async () => {
    const student = await registerActor(api, 'STUDENT', 'Priya Shah');
    const { course } = await createCourse(api.database.db, { title: 'ICD-10-CM Basics' });
    await must(ENROLL, { courseId: course.id }, student);
    const mail = await mailTo(student, /You are enrolled/);
    expect(mail.parsed.subject).toBe('You are enrolled: ICD-10-CM Basics');
    expect(mail.parsed.from?.text).toContain('CodeCred LMS');
    expect(mail.parsed.text).toContain('Hello Priya Shah,');
    expect(mail.parsed.text).toContain(`http://127.0.0.1:3000/learn/${course.id}`);
    const html = String(mail.parsed.html);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<h1[^>]*>You are enrolled<\/h1>/);
    expect(html).toContain(`href="http://127.0.0.1:3000/learn/${course.id}"`);
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = unsubscribeLink(mail);
    expect(link.origin).toBe('http://127.0.0.1:3000');
    expect(link.searchParams.get('topic')).toBe('enrolment');
    expect(mail.parsed.text).toContain(link.href);
  });

  it('the unsubscribe link turns that notification off (no sign-in); the next enrolment sends none', async () => {
    const student = await registerActor(api, 'STUDENT', 'Grace Okafor');
    const first = await createCourse(api.database.db, { title: 'HCPCS Level II Supplies' });
    await must(ENROLL, { courseId: first.course.id }, student);
    const link = unsubscribeLink(await mailTo(student, /You are enrolled/));
    const token = decodeURIComponent(link.pathname.split('/').at(-1) ?? '');

    const wrong = await api.gql(UNSUBSCRIBE, { token: `${token}x`, topic: 'enrolment' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await must<{ enrolment: boolean }>(PREFERENCES, {}, student)).enrolment).toBe(true);

    const done = await api.gql(UNSUBSCRIBE, { token, topic: link.searchParams.get('topic') });
    expect(done.errors).toBeUndefined();
    const preferences = await must<Record<string, boolean>>(PREFERENCES, {}, student);
    expect(preferences).toEqual({
      enrolment: false,
      ceuReminders: true,
      approvalExpiry: true,
      flaggedOrders: true,
    });

    const second = await createCourse(api.database.db, { title: 'ICD-10-PCS Roots' });
    await must(ENROLL, { courseId: second.course.id }, student);
    expect(await outboxFor(student, 'enrolment-confirmation')).toHaveLength(1);

    // Turned back on in the profile: the next one arrives again.
    await must(UPDATE_PREFERENCES, { input: { enrolment: true } }, student);
    const third = await createCourse(api.database.db, { title: 'Z Codes' });
    await must(ENROLL, { courseId: third.course.id }, student);
    const mail = await mailTo(student, /Z Codes/);
    expect(mail.parsed.subject).toBe('You are enrolled: Z Codes');
  });
});

describe('transactional mail ignores preferences', () => {
  it('a purchase sends the receipt with its PDF attached', async () => {
    const student = await registerActor(api, 'STUDENT', 'Tomas Alvarez');
    await must(UPDATE_PREFERENCES, { input: { enrolment: false, ceuReminders: false } }, student);
    await api.database.db.user.update({
      where: { id: student.id },
      data: { timeZone: 'Asia/Tokyo' },
    });
    const { course } = await createCourse(api.database.db, {
      priceCents: 4900,
      title: 'Risk Adjustment',
    });
    const started = await api.gql<StartedCheckoutData>(
      START_CHECKOUT,
      { courseId: course.id },
      { token: student.token },
    );
    const { orderId, url } = started.data!.startCheckout;
    expect((await payOnHostedPage(url)).status).toBe(303);
    await api.emulator.waitForDeliveries();
    const order = await api.database.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe('PAID');

    const mail = await mailTo(student, /receipt/i);
    expect(mail.parsed.subject).toBe(`Your receipt ${order.orderNumber}`);
    expect(mail.parsed.text).toContain('$49.00');
    // The payment time in the buyer's own zone, not UTC.
    const paidAt = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(order.paidAt!);
    expect(mail.parsed.text).toContain(paidAt);
    expect(rawHeader(mail, 'list-unsubscribe')).toBeUndefined();
    const [pdf] = mail.parsed.attachments;
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.filename).toBe(`receipt-${order.orderNumber}.pdf`);
    const lines = (await extractPdfTextLines(pdf!.content)).join('\n');
    expect(lines).toContain(order.orderNumber);
    expect(lines).toContain('Risk Adjustment');
    // The webhook and the success page both fulfil: still one receipt.
    expect(await outboxFor(student, 'receipt')).toHaveLength(1);
  });

  it('a new certificate arrives with its PDF and verify link', async () => {
    const instructor = await registerActor(api, 'INSTRUCTOR', 'Dana Whitfield');
    const learner = await registerActor(api, 'STUDENT', 'Marcus Lee');
    await must(UPDATE_PREFERENCES, { input: { enrolment: false } }, learner);
    const { course } = await createApprovalCourse(api.database.db, {
      title: 'Outpatient Coding Update',
      ownerId: instructor.id,
      approvals: [{ body: 'AHIMA', validUntil: dayFromToday(200), ceuAmount: '1.50' }],
    });
    await must(ENROLL, { courseId: course.id }, learner);
    const lessons = await api.database.db.lesson.findMany({
      where: { module: { version: { courseId: course.id } } },
      orderBy: { position: 'asc' },
    });
    for (const lesson of lessons) await must(COMPLETE, { lessonId: lesson.id }, learner);
    const certificate = await api.database.db.certificate.findFirstOrThrow({
      where: { userId: learner.id },
    });

    const mail = await mailTo(learner, /certificate/i);
    expect(mail.parsed.subject).toBe('Your certificate: Outpatient Coding Update');
    expect(mail.parsed.text).toContain(`http://127.0.0.1:3000/verify/${certificate.serial}`);
    expect(mail.parsed.text).toContain('1.50');
    const [pdf] = mail.parsed.attachments;
    expect(pdf?.contentType).toBe('application/pdf');
    const lines = (await extractPdfTextLines(pdf!.content)).join('\n');
    expect(lines).toContain('Marcus Lee');
    expect(lines).toContain(certificate.serial);
    // Enrolment confirmations were off: none was queued, the certificate came anyway.
    expect(await outboxFor(learner, 'enrolment-confirmation')).toHaveLength(0);
  });
});

describe('reminders (daily task) and alerts', () => {
  it('CEU cycle reminders: 90 then 30 days before the end, with the CEUs still needed, once each', async () => {
    const learner = await registerActor(api, 'STUDENT', 'Cycle Learner');
    await must(
      ADD_CREDENTIAL,
      { input: { body: 'AAPC', credential: 'CPC', certifiedOn: '2025-03-10' } },
      learner,
    );
    const cycle = (
      await must<{
        cycles: { cycleEnd: string; current: boolean; remaining: string; label: string }[];
      }>(TRANSCRIPT, {}, learner)
    ).cycles.find((c) => c.current);
    if (!cycle) throw new Error('no current cycle');
    const end = Date.parse(`${cycle.cycleEnd}T12:00:00Z`);
    const db = api.database.db;

    await sendDailyReminders({ db, now: new Date(end - 60 * 86_400_000) });
    const ninety = await mailTo(learner, /60 days left/);
    expect(ninety.parsed.text).toContain(`You still need ${Number(cycle.remaining)} CEUs`);
    expect(rawHeader(ninety, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    await sendDailyReminders({ db, now: new Date(end - 59 * 86_400_000) });
    await sendDailyReminders({ db, now: new Date(end - 20 * 86_400_000) });
    await sendDailyReminders({ db, now: new Date(end - 19 * 86_400_000) });
    const thirty = await mailTo(learner, /20 days left/);
    expect(thirty.parsed.subject).toBe(`${cycle.label}: 20 days left in your CEU cycle`);
    expect(await outboxFor(learner, 'ceu-cycle-reminder')).toHaveLength(2);
  });

  it('CEU reminders respect the preference', async () => {
    const learner = await registerActor(api, 'STUDENT', 'Quiet Learner');
    await must(
      ADD_CREDENTIAL,
      { input: { body: 'AAPC', credential: 'CPC', certifiedOn: '2025-03-10' } },
      learner,
    );
    await must(UPDATE_PREFERENCES, { input: { ceuReminders: false } }, learner);
    const cycle = (
      await must<{ cycles: { cycleEnd: string; current: boolean }[] }>(TRANSCRIPT, {}, learner)
    ).cycles.find((c) => c.current);
    const end = Date.parse(`${cycle?.cycleEnd}T12:00:00Z`);
    await sendDailyReminders({ db: api.database.db, now: new Date(end - 10 * 86_400_000) });
    expect(await outboxFor(learner, 'ceu-cycle-reminder')).toHaveLength(0);
  });

  it('instructors hear of an approval expiring within 14 days, once', async () => {
    const instructor = await registerActor(api, 'INSTRUCTOR', 'Approval Holder');
    await createApprovalCourse(api.database.db, {
      title: 'Inpatient Documentation',
      ownerId: instructor.id,
      approvals: [{ body: 'AHIMA', validUntil: dayFromToday(9), approvalNumber: 'AHIMA-DEMO-14' }],
    });
    await sendDailyReminders({ db: api.database.db });
    await sendDailyReminders({ db: api.database.db });
    const mail = await mailTo(instructor, /AHIMA-DEMO-14/);
    expect(mail.parsed.subject).toBe('Credit approval AHIMA-DEMO-14 expires in 10 days');
    expect(mail.parsed.text).toContain('Inpatient Documentation');
    expect(mail.parsed.text).toContain('/teach/approvals/');
    expect(await outboxFor(instructor, 'approval-expiring')).toHaveLength(1);
  });

  it('admins hear of a flagged order (amount mismatch in the webhook)', async () => {
    const student = await registerActor(api, 'STUDENT', 'Flag Buyer');
    const { course } = await createCourse(api.database.db, {
      priceCents: 4900,
      title: 'Modifiers',
    });
    const started = await api.gql<StartedCheckoutData>(
      START_CHECKOUT,
      { courseId: course.id },
      { token: student.token },
    );
    const { orderId, url } = started.data!.startCheckout;
    await api.emulator.sendEvent('checkout.session.completed', {
      id: url.split('/').at(-1),
      object: 'checkout.session',
      status: 'complete',
      payment_status: 'paid',
      payment_intent: `pi_flag_${orderId.slice(0, 8)}`,
      client_reference_id: orderId,
      metadata: { orderId },
      currency: 'usd',
      amount_subtotal: 100,
      amount_total: 100,
    });
    const order = await api.database.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe('FLAGGED');
    const mail = await mailTo(admin, /flagged/);
    expect(mail.parsed.subject).toBe(`Order ${order.orderNumber} was flagged for review`);
    expect(mail.parsed.text).toContain(order.flaggedReason ?? 'missing reason');
    expect(mail.parsed.text).toContain('http://127.0.0.1:3000/admin/orders');
    // The buyer is not told anything by this alert (registration's address confirmation aside).
    expect(
      catcher.messages.some(
        (m) =>
          m.envelopeTo.includes(student.email) && m.parsed.subject !== 'Confirm your email address',
      ),
    ).toBe(false);
  });
});
