import { describe, expect, it } from 'vitest';
import { createCourse } from '../../test-support';
import { registerActor } from '../../testing/actors';
import {
  ADMIN_ORDERS,
  CONFIRM_CHECKOUT,
  payOnHostedPage,
  REFUND_ORDER,
  START_CHECKOUT,
  type StartedCheckoutData,
  signPayload,
  startPaymentsTestApi,
  usePaymentsTestApi,
} from '../../testing/payments';

/** Every SQL statement the API sends while `recording` is on. */
let recording = false;
let statements: string[] = [];
/**
 * The statements of one paid checkout.session.completed delivery, in order: a `hotWrites`
 * transaction on one pg connection (BEGIN … COMMIT, all reported). Before: 12 statements, then 7
 * in Prisma's interactive transaction, which reports no BEGIN (and hid the SAVEPOINT and RELEASE
 * of the outbox's nested transaction).
 */
const PAID_WEBHOOK_STATEMENTS = [
  'BEGIN',
  'INSERT INTO "PaymentEvent"',
  'SELECT o."id", o."orderNumber"',
  'UPDATE "Order" o SET',
  'WITH course AS',
  // The outbox row; where graphile-worker's schema exists, the same statement queues its job.
  'INSERT INTO "EmailMessage"',
  'UPDATE "PaymentEvent"',
  'COMMIT',
];

const t = usePaymentsTestApi({
  onQuery: (sql) => {
    if (recording) statements.push(sql);
  },
});

async function checkout(priceCents = 4900) {
  const student = await registerActor(t.api, 'STUDENT', 'Tomas Alvarez');
  const { course } = await createCourse(t.api.database.db, { priceCents, title: 'HCPCS Level II' });
  const started = await t.api.gql<StartedCheckoutData>(
    START_CHECKOUT,
    { courseId: course.id },
    { token: student.token },
  );
  const { orderId, url } = started.data!.startCheckout;
  return { student, course, orderId, url, sessionId: url.split('/').at(-1)! };
}

/** Stripe sends a paid `checkout.session.completed` for the order, with these amounts. */
function sendPaidSession(
  sessionId: string,
  orderId: string,
  paymentIntent: string,
  amounts: { currency: string; amount_subtotal: number; amount_total: number },
) {
  return t.api.emulator.sendEvent('checkout.session.completed', {
    id: sessionId,
    object: 'checkout.session',
    status: 'complete',
    payment_status: 'paid',
    payment_intent: paymentIntent,
    client_reference_id: orderId,
    metadata: { orderId },
    ...amounts,
  });
}

async function snapshot() {
  const db = t.api.database.db;
  return {
    events: await db.paymentEvent.count(),
    orders: await db.order.findMany({ select: { id: true, status: true }, orderBy: { id: 'asc' } }),
    enrollments: await db.enrollment.findMany({
      select: { id: true, status: true },
      orderBy: { id: 'asc' },
    }),
  };
}

describe('statements', () => {
  it('fulfils a paid checkout in a fixed number of statements (the hot path of every sale)', async () => {
    const { student, course, orderId, url } = await checkout();
    statements = [];
    recording = true;
    try {
      await payOnHostedPage(url);
      await t.api.emulator.waitForDeliveries();
    } finally {
      recording = false;
    }
    const db = t.api.database.db;
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PAID');
    expect(await db.enrollment.count({ where: { userId: student.id, courseId: course.id } })).toBe(
      1,
    );
    expect(await db.emailMessage.count({ where: { dedupeKey: `receipt:${orderId}` } })).toBe(1);
    // BEGIN; the event recorded and locked; the payment intent and the order locked with what
    // fulfilment decides on; the order settled, returning the receipt's data; the enrolment
    // granted; the receipt queued; the event marked processed; COMMIT. Not
    // counted: the once-per-process check whether graphile-worker's schema exists.
    const counted = statements.filter((sql) => !sql.includes('to_regprocedure('));
    const starts = counted.map((sql, index) =>
      sql
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, PAID_WEBHOOK_STATEMENTS[index]?.length ?? 40),
    );
    expect(starts).toEqual(PAID_WEBHOOK_STATEMENTS);
  });
});

describe('signature', () => {
  it('a missing, foreign, stale or tampered signature is 400 and changes nothing', async () => {
    const { orderId, sessionId } = await checkout();
    const completed = JSON.stringify({
      id: 'evt_forged_1',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: sessionId,
          object: 'checkout.session',
          status: 'complete',
          payment_status: 'paid',
          amount_subtotal: 4900,
          amount_total: 4900,
          currency: 'usd',
          payment_intent: 'pi_forged',
          client_reference_id: orderId,
          metadata: {},
        },
      },
    });
    const before = await snapshot();
    const attempts: [string, Promise<Response>][] = [
      ['missing', t.api.postWebhook(completed, null)],
      ['garbage', t.api.postWebhook(completed, 't=1,v1=deadbeef')],
      ['other secret', t.api.postWebhook(completed, signPayload(completed, { secret: 'whsec_x' }))],
      ['301 s old', t.api.postWebhook(completed, signPayload(completed, { ageSeconds: 301 }))],
      [
        'tampered',
        t.api.postWebhook(
          completed.replace('"amount_total":4900', '"amount_total":1'),
          signPayload(completed),
        ),
      ],
      [
        're-serialised',
        t.api.postWebhook(JSON.stringify(JSON.parse(completed), null, 1), signPayload(completed)),
      ],
    ];
    for (const [label, attempt] of attempts) {
      expect([label, (await attempt).status]).toEqual([label, 400]);
    }
    expect(await snapshot()).toEqual(before);
    expect(
      (await t.api.database.db.order.findUniqueOrThrow({ where: { id: orderId } })).status,
    ).toBe('PENDING');
    // Within the 5-minute tolerance the same bytes are accepted.
    const accepted = await t.api.postWebhook(
      completed,
      signPayload(completed, { ageSeconds: 290 }),
    );
    expect(accepted.status).toBe(200);
  });
});

describe('amount and currency', () => {
  it.each([
    ['currency', { currency: 'eur', amount_subtotal: 4900, amount_total: 4900 }],
    ['amount', { currency: 'usd', amount_subtotal: 100, amount_total: 100 }],
    ['total above price', { currency: 'usd', amount_subtotal: 4900, amount_total: 9900 }],
  ])(
    'a %s mismatch is recorded and flagged for an admin, and enrols nobody',
    async (_label, amounts) => {
      const { student, course, orderId, sessionId } = await checkout();
      const event = await sendPaidSession(
        sessionId,
        orderId,
        `pi_mismatch_${orderId.slice(0, 8)}`,
        amounts,
      );
      const order = await t.api.database.db.order.findUniqueOrThrow({ where: { id: orderId } });
      expect(order.status).toBe('FLAGGED');
      expect(order.flaggedReason).toBeTruthy();
      expect(
        await t.api.database.db.enrollment.count({
          where: { userId: student.id, courseId: course.id },
        }),
      ).toBe(0);
      const recorded = await t.api.database.db.paymentEvent.findUniqueOrThrow({
        where: { stripeEventId: event.id },
      });
      expect(recorded).toMatchObject({ orderId, outcome: expect.stringMatching(/^flagged/) });

      const listed = await t.api.gql<{
        adminOrders: { edges: { node: { id: string; status: string } }[] };
      }>(ADMIN_ORDERS, {}, { token: t.admin.token });
      const statuses = listed.data!.adminOrders.edges.map((edge) => edge.node.status);
      const firstOther = statuses.findIndex((status) => status !== 'FLAGGED');
      expect(statuses.slice(firstOther === -1 ? statuses.length : firstOther)).not.toContain(
        'FLAGGED',
      );
      expect(listed.data!.adminOrders.edges.map((e) => e.node.id)).toContain(orderId);
    },
  );
});

describe('odd amounts and the wrong mode', () => {
  it.each([
    ['negative', -100],
    ['fractional', 49.5],
  ])(
    'a %s amount_total is flagged and answered 200 (not 500 on every delivery)',
    async (_label, amountTotal) => {
      const { student, course, orderId, sessionId } = await checkout();
      const event = await sendPaidSession(sessionId, orderId, `pi_odd_${orderId.slice(0, 8)}`, {
        currency: 'usd',
        amount_subtotal: 4900,
        amount_total: amountTotal,
      });
      await t.api.emulator.waitForDeliveries();
      expect(
        t.api.emulator.deliveries.filter((d) => d.eventId === event.id).map((d) => d.status),
      ).toEqual([200]);
      const order = await t.api.database.db.order.findUniqueOrThrow({ where: { id: orderId } });
      expect(order.status).toBe('FLAGGED');
      expect(order.flaggedReason).toMatch(/Amount paid/);
      expect(order.amountPaidCents).toBeNull();
      expect(
        await t.api.database.db.enrollment.count({
          where: { userId: student.id, courseId: course.id },
        }),
      ).toBe(0);
    },
  );

  it('a live-mode event reaching a test-mode deployment is flagged, answered 200, and enrols nobody', async () => {
    const { student, course, orderId, sessionId } = await checkout();
    const body = JSON.stringify({
      id: 'evt_live_mode_1',
      object: 'event',
      livemode: true,
      type: 'checkout.session.completed',
      data: {
        object: {
          id: sessionId,
          object: 'checkout.session',
          livemode: true,
          status: 'complete',
          payment_status: 'paid',
          amount_subtotal: 4900,
          amount_total: 4900,
          currency: 'usd',
          payment_intent: 'pi_live_1',
          client_reference_id: orderId,
          metadata: { orderId },
        },
      },
    });
    const response = await t.api.postWebhook(body, signPayload(body));
    expect(response.status).toBe(200);
    expect(
      await t.api.database.db.paymentEvent.findUniqueOrThrow({
        where: { stripeEventId: 'evt_live_mode_1' },
        select: { outcome: true, processedAt: true },
      }),
    ).toMatchObject({ outcome: expect.stringMatching(/^flagged: live-mode event/) });
    expect(
      (await t.api.database.db.order.findUniqueOrThrow({ where: { id: orderId } })).status,
    ).toBe('PENDING');
    expect(
      await t.api.database.db.enrollment.count({
        where: { userId: student.id, courseId: course.id },
      }),
    ).toBe(0);
    // The same delivery again is a duplicate, still 200.
    expect((await t.api.postWebhook(body, signPayload(body))).status).toBe(200);
  });
});

describe('a crash half-way', () => {
  it('leaves the event to be retried, and it is then processed exactly once', async () => {
    const db = t.api.database.db;
    // The first enrolment write fails (sequences are not transactional, so only once).
    await db.$executeRawUnsafe('CREATE SEQUENCE crash_once');
    await db.$executeRawUnsafe(`CREATE FUNCTION crash_once() RETURNS trigger AS $$
      BEGIN
        IF nextval('crash_once') = 1 THEN RAISE EXCEPTION 'simulated crash while enrolling'; END IF;
        RETURN NEW;
      END; $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      'CREATE TRIGGER crash_once BEFORE INSERT ON "Enrollment" FOR EACH ROW EXECUTE FUNCTION crash_once()',
    );
    try {
      const { student, course, orderId, url } = await checkout();
      await payOnHostedPage(url);
      await t.api.emulator.waitForDeliveries();
      const event = t.api.emulator.events.at(-1)!;
      expect(
        t.api.emulator.deliveries.filter((d) => d.eventId === event.id).map((d) => d.status),
      ).toEqual([500, 200]);
      expect(
        await db.paymentEvent.findUniqueOrThrow({ where: { stripeEventId: event.id } }),
      ).toMatchObject({
        attempts: 2,
        error: null,
        orderId,
        outcome: 'paid: enrolled',
      });
      expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PAID');
      expect(
        await db.enrollment.count({ where: { userId: student.id, courseId: course.id } }),
      ).toBe(1);
      // A later duplicate delivery changes nothing.
      await t.api.emulator.resendEvent(event.id);
      expect(
        (await db.paymentEvent.findUniqueOrThrow({ where: { stripeEventId: event.id } })).attempts,
      ).toBe(2);
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER crash_once ON "Enrollment"');
      await db.$executeRawUnsafe('DROP FUNCTION crash_once()');
      await db.$executeRawUnsafe('DROP SEQUENCE crash_once');
    }
  });
});

describe('refunds', () => {
  it('an admin refunds with a reason: REFUND_PENDING, then charge.refunded ends the enrolment (reason "refunded")', async () => {
    const { student, course, orderId, url } = await checkout();
    await payOnHostedPage(url);
    await t.api.emulator.waitForDeliveries();
    const db = t.api.database.db;
    const lesson = await db.lesson.findFirstOrThrow({
      where: { module: { version: { courseId: course.id } } },
    });

    const asStudent = await t.api.gql(
      REFUND_ORDER,
      { orderId, reason: 'Changed my mind' },
      { token: student.token },
    );
    expect(asStudent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await t.api.gql(
      REFUND_ORDER,
      { orderId, reason: ' ' },
      { token: t.admin.token },
    );
    expect(noReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const refunded = await t.api.gql<{ refundOrder: { status: string; refundReason: string } }>(
      REFUND_ORDER,
      { orderId, reason: 'Employer paid for it directly' },
      { token: t.admin.token },
    );
    expect(refunded.errors).toBeUndefined();
    expect(['REFUND_PENDING', 'REFUNDED']).toContain(refunded.data?.refundOrder.status);
    expect(refunded.data?.refundOrder.refundReason).toBe('Employer paid for it directly');
    expect(t.api.emulator.requests).toContainEqual(
      expect.objectContaining({
        path: '/v1/refunds',
        idempotencyKey: `refund:${orderId}`,
        status: 200,
      }),
    );
    await t.api.emulator.waitForDeliveries();

    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: 'REFUNDED',
      refundReason: 'Employer paid for it directly',
      refundRequestedById: t.admin.id,
    });
    expect(
      await db.enrollment.findFirstOrThrow({
        where: { userId: student.id, courseId: course.id, supersededAt: null },
        select: { status: true, endedReason: true },
      }),
    ).toEqual({ status: 'ENDED', endedReason: 'refunded' });
    const lessonAccess = await t.api.gql(
      'query($id: ID!) { learnerLesson(lessonId: $id) { id } }',
      { id: lesson.id },
      { token: student.token },
    );
    expect(lessonAccess.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audit = await db.auditLog.findMany({
      where: { targetType: 'Order', targetId: orderId },
      select: { action: true, actorId: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit).toEqual([
      { action: 'order.refund.request', actorId: t.admin.id },
      { action: 'order.refund.complete', actorId: t.admin.id },
    ]);
    // Twice is refused; Stripe was asked once.
    const twice = await t.api.gql(
      REFUND_ORDER,
      { orderId, reason: 'again' },
      { token: t.admin.token },
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(t.api.emulator.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(1);
    // The receipt stays available and says so.
    const receipt = await fetch(`${t.api.url}/receipts/${orderId}.pdf`, {
      headers: { authorization: `Bearer ${student.token}` },
    });
    expect(receipt.status).toBe(200);
  });

  it('refund, then buy again: a fresh enrolment period, completed anew, earns a new valid certificate', async () => {
    const { student, course, orderId, url } = await checkout();
    await payOnHostedPage(url);
    await t.api.emulator.waitForDeliveries();
    const db = t.api.database.db;
    const lesson = await db.lesson.findFirstOrThrow({
      where: { module: { version: { courseId: course.id } } },
    });
    const COMPLETE = 'mutation($id: ID!) { completeLesson(lessonId: $id) { courseCompleted } }';
    const CERTS = '{ myCertificates { serial status revocationReason } }';
    type Certs = { myCertificates: { serial: string; status: string; revocationReason: string }[] };
    const complete = await t.api.gql<{ completeLesson: { courseCompleted: boolean } }>(
      COMPLETE,
      { id: lesson.id },
      { token: student.token },
    );
    expect(complete.data?.completeLesson.courseCompleted).toBe(true);
    const first = (await t.api.gql<Certs>(CERTS, {}, { token: student.token })).data!
      .myCertificates;
    expect(first).toHaveLength(1);
    expect(first[0]!.status).toBe('VALID');

    await t.api.gql(REFUND_ORDER, { orderId, reason: 'Bought twice' }, { token: t.admin.token });
    await t.api.emulator.waitForDeliveries();
    const afterRefund = (await t.api.gql<Certs>(CERTS, {}, { token: student.token })).data!
      .myCertificates;
    expect(afterRefund).toEqual([
      { serial: first[0]!.serial, status: 'REVOKED', revocationReason: 'refunded' },
    ]);

    // Buy again through the real checkout.
    const again = await t.api.gql<StartedCheckoutData>(
      START_CHECKOUT,
      { courseId: course.id },
      { token: student.token },
    );
    expect(again.errors).toBeUndefined();
    await payOnHostedPage(again.data!.startCheckout.url);
    await t.api.emulator.waitForDeliveries();
    const enrollments = await db.enrollment.findMany({
      where: { userId: student.id, courseId: course.id },
      select: { period: true, status: true, endedReason: true, completedAt: true },
      orderBy: { period: 'asc' },
    });
    expect(enrollments).toMatchObject([
      { period: 1, status: 'ENDED', endedReason: 'refunded' },
      { period: 2, status: 'ACTIVE', completedAt: null },
    ]);
    expect(enrollments[0]!.completedAt).not.toBeNull(); // the old completion stays as history
    const progress = await t.api.gql<{ learnerLesson: { id: string; completedAt: string | null } }>(
      'query($id: ID!) { learnerLesson(lessonId: $id) { id completedAt } }',
      { id: lesson.id },
      { token: student.token },
    );
    expect(progress.data?.learnerLesson).toEqual({ id: lesson.id, completedAt: null });

    // Completing again (new evidence) issues a new certificate; the old one stays revoked.
    const completeAgain = await t.api.gql<{ completeLesson: { courseCompleted: boolean } }>(
      COMPLETE,
      { id: lesson.id },
      { token: student.token },
    );
    expect(completeAgain.data?.completeLesson.courseCompleted).toBe(true);
    const finalCerts = (await t.api.gql<Certs>(CERTS, {}, { token: student.token })).data!
      .myCertificates;
    expect(finalCerts).toHaveLength(2);
    expect(finalCerts.find((c) => c.serial === first[0]!.serial)?.status).toBe('REVOKED');
    expect(finalCerts.filter((c) => c.status === 'VALID')).toHaveLength(1);
    expect(await db.courseCompletion.count({ where: { enrollment: { userId: student.id } } })).toBe(
      2,
    );
  });

  it('a refund during a Stripe outage says "try again" and writes nothing', async () => {
    const { orderId, url } = await checkout();
    await payOnHostedPage(url);
    await t.api.emulator.waitForDeliveries();
    const before = await snapshot();
    t.api.emulator.setFailureMode({ status: 503 });
    try {
      const result = await t.api.gql(
        REFUND_ORDER,
        { orderId, reason: 'Duplicate' },
        { token: t.admin.token },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      t.api.emulator.setFailureMode(null);
    }
    expect(await snapshot()).toEqual(before);
    expect(
      (await t.api.database.db.order.findUniqueOrThrow({ where: { id: orderId } })).status,
    ).toBe('PAID');
  });
});

describe('events out of order', () => {
  it('charge.refunded before checkout.session.completed: ends refunded, with no active enrolment', async () => {
    const held = await startPaymentsTestApi({ holdWebhooks: true });
    try {
      const student = await registerActor(held, 'STUDENT');
      const { course } = await createCourse(held.database.db, { priceCents: 4900 });
      const { orderId, url } = (
        await held.gql<StartedCheckoutData>(
          START_CHECKOUT,
          { courseId: course.id },
          { token: student.token },
        )
      ).data!.startCheckout;
      const sessionId = url.split('/').at(-1)!;
      held.emulator.completeCheckoutSession(sessionId);
      await held.emulator.waitForDeliveries();
      // Refunded in the Stripe dashboard at once.
      const { paymentIntentId } = await held.gateway.retrieveCheckoutSession(sessionId);
      await held.gateway.refundPayment({
        paymentIntentId: paymentIntentId!,
        idempotencyKey: 'dash-1',
      });
      await held.emulator.waitForDeliveries();
      const completed = held.held.find((d) => d.type === 'checkout.session.completed')!;
      const refunded = held.held.find((d) => d.type === 'charge.refunded')!;

      expect((await held.postWebhook(refunded.rawBody, refunded.signature)).status).toBe(200);
      expect((await held.postWebhook(completed.rawBody, completed.signature)).status).toBe(200);
      // The success page afterwards does not enrol either.
      const confirmed = await held.gql<{
        confirmCheckout: { enrolled: boolean; order: { status: string } };
      }>(CONFIRM_CHECKOUT, { sessionId }, { token: student.token });
      expect(confirmed.data?.confirmCheckout).toMatchObject({
        enrolled: false,
        order: { status: 'REFUNDED' },
      });
      expect(
        (await held.database.db.order.findUniqueOrThrow({ where: { id: orderId } })).status,
      ).toBe('REFUNDED');
      expect(
        await held.database.db.enrollment.count({
          where: { userId: student.id, courseId: course.id, status: 'ACTIVE' },
        }),
      ).toBe(0);
      // Redelivering both in the usual order changes nothing.
      await held.postWebhook(completed.rawBody, completed.signature);
      await held.postWebhook(refunded.rawBody, refunded.signature);
      expect(
        (await held.database.db.order.findUniqueOrThrow({ where: { id: orderId } })).status,
      ).toBe('REFUNDED');
    } finally {
      await held.close();
    }
  });

  it('async_payment_failed marks a pending order FAILED; a late expiry never touches a paid one', async () => {
    const { orderId, sessionId } = await checkout();
    await t.api.emulator.sendEvent('checkout.session.async_payment_failed', {
      id: sessionId,
      object: 'checkout.session',
      status: 'complete',
      payment_status: 'unpaid',
      client_reference_id: orderId,
      metadata: {},
    });
    expect(
      (await t.api.database.db.order.findUniqueOrThrow({ where: { id: orderId } })).status,
    ).toBe('FAILED');

    const paid = await checkout();
    await payOnHostedPage(paid.url);
    await t.api.emulator.waitForDeliveries();
    await t.api.emulator.sendEvent('checkout.session.expired', {
      id: paid.sessionId,
      object: 'checkout.session',
      status: 'expired',
      payment_status: 'unpaid',
      metadata: {},
    });
    expect(
      (await t.api.database.db.order.findUniqueOrThrow({ where: { id: paid.orderId } })).status,
    ).toBe('PAID');
  });
});
