import { describe, expect, it } from 'vitest';
import { createCourse } from '../../test-support';
import { registerActor } from '../../testing/actors';
import {
  CONFIRM_CHECKOUT,
  MY_ORDERS,
  ORDER,
  payOnHostedPage,
  START_CHECKOUT,
  type StartedCheckoutData,
  usePaymentsTestApi,
  WEB_URL,
} from '../../testing/payments';

const t = usePaymentsTestApi();

async function paidCourse(priceCents = 4900) {
  return (await createCourse(t.api.database.db, { priceCents, title: 'ICD-10-CM Guidelines' }))
    .course;
}

async function start(token: string, courseId: string, billTo?: Record<string, string>) {
  return t.api.gql<StartedCheckoutData>(START_CHECKOUT, { courseId, billTo }, { token });
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const enrollmentOf = (userId: string, courseId: string) =>
  t.api.database.db.enrollment.findFirst({
    where: { userId, courseId, supersededAt: null },
    select: { status: true, source: true, endedReason: true },
  });

describe('buying a course', () => {
  it('checkout at the server’s price → hosted page → webhook: one PAID order, enrolled by PURCHASE', async () => {
    const student = await registerActor(t.api, 'STUDENT', 'Priya Shah');
    const course = await paidCourse(4900);
    const started = await start(student.token, course.id, {
      employer: '  Lakeside   Cardiology ',
      memberId: 'AAPC-0001',
    });
    expect(started.errors).toBeUndefined();
    const { orderId, url, reused } = started.data!.startCheckout;
    expect(reused).toBe(false);
    expect(url).toMatch(new RegExp(`^${t.api.emulator.url}/checkout/cs_test_`));

    // The price comes from the published version, in integer cents, never from the client.
    const order = await t.api.database.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({
      status: 'PENDING',
      amountCents: 4900,
      currency: 'usd',
      billToEmployer: 'Lakeside Cardiology',
      memberId: 'AAPC-0001',
    });
    expect(order.orderNumber).toMatch(/^ORD-\d{4}-\d{6}$/);
    // The Stripe call carried an idempotency key derived from the order.
    expect(
      t.api.emulator.requests.filter(
        (r) => r.method === 'POST' && r.path === '/v1/checkout/sessions',
      ),
    ).toEqual([
      expect.objectContaining({ idempotencyKey: `checkout-session:${orderId}`, status: 200 }),
    ]);

    const paid = await payOnHostedPage(url, 'COURSE20');
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(
      `${WEB_URL}/checkout/success?session_id=${order.stripeCheckoutSessionId}`,
    );
    await t.api.emulator.waitForDeliveries();

    const settled = await t.api.database.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(settled).toMatchObject({
      status: 'PAID',
      amountCents: 4900,
      amountPaidCents: 3920,
      discountCents: 980,
    });
    expect(settled.stripePaymentIntentId).toMatch(/^pi_/);
    expect(await enrollmentOf(student.id, course.id)).toEqual({
      status: 'ACTIVE',
      source: 'PURCHASE',
      endedReason: null,
    });

    // The success page (after the webhook) shows it at once.
    const confirmed = await t.api.gql<{
      confirmCheckout: { enrolled: boolean; order: Record<string, unknown> };
    }>(CONFIRM_CHECKOUT, { sessionId: settled.stripeCheckoutSessionId }, { token: student.token });
    expect(confirmed.data?.confirmCheckout).toMatchObject({
      enrolled: true,
      order: {
        status: 'PAID',
        amountPaid: { amountCents: 3920, currency: 'usd' },
        discount: { amountCents: 980, currency: 'usd' },
        receiptPath: `/receipts/${orderId}.pdf`,
      },
    });

    const mine = await t.api.gql<{ myOrders: { id: string; status: string }[] }>(
      MY_ORDERS,
      {},
      { token: student.token },
    );
    expect(mine.data?.myOrders).toEqual([
      expect.objectContaining({
        id: orderId,
        status: 'PAID',
        courseTitle: 'ICD-10-CM Guidelines',
        price: { amountCents: 4900, currency: 'usd' },
      }),
    ]);

    // Already enrolled: cannot buy again.
    const again = await start(student.token, course.id);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/already enrolled/);
    expect(await t.api.database.db.order.count({ where: { userId: student.id } })).toBe(1);
  });

  it('the webhook delivered 10 times at once, with the success page at the same moment: one PAID order, one enrolment', async () => {
    const student = await registerActor(t.api, 'STUDENT');
    const course = await paidCourse(7900);
    const { orderId, url } = (await start(student.token, course.id)).data!.startCheckout;
    const sessionId = url.split('/').at(-1)!;
    t.api.emulator.setDuplicateDeliveries(10);
    try {
      t.api.emulator.completeCheckoutSession(sessionId);
      const [confirmed] = await Promise.all([
        t.api.gql<{ confirmCheckout: { enrolled: boolean; order: { status: string } } }>(
          CONFIRM_CHECKOUT,
          { sessionId },
          { token: student.token },
        ),
        t.api.emulator.waitForDeliveries(),
      ]);
      expect(confirmed.errors).toBeUndefined();
      expect(confirmed.data?.confirmCheckout).toMatchObject({
        enrolled: true,
        order: { status: 'PAID' },
      });
    } finally {
      t.api.emulator.setDuplicateDeliveries(1);
    }
    const completedDeliveries = t.api.emulator.deliveries.filter(
      (d) =>
        d.type === 'checkout.session.completed' && d.eventId === t.api.emulator.events.at(-1)?.id,
    );
    expect(completedDeliveries).toHaveLength(10);
    expect(completedDeliveries.every((d) => d.status === 200)).toBe(true);

    const db = t.api.database.db;
    expect(
      await db.order.findMany({
        where: { userId: student.id },
        select: { id: true, status: true },
      }),
    ).toEqual([{ id: orderId, status: 'PAID' }]);
    expect(await db.enrollment.count({ where: { userId: student.id, courseId: course.id } })).toBe(
      1,
    );
    const events = await db.paymentEvent.findMany({ where: { orderId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ attempts: 1, error: null, outcome: 'paid: enrolled' });
    expect(events[0]?.processedAt).not.toBeNull();
  });

  it('refuses free courses, unknown courses and anonymous buyers', async () => {
    const student = await registerActor(t.api, 'STUDENT');
    const free = await paidCourse(0);
    expect((await start(student.token, free.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await start(student.token, '00000000-0000-4000-8000-000000000000')).errors?.[0]?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
    const paid = await paidCourse();
    expect(
      (await t.api.gql(START_CHECKOUT, { courseId: paid.id })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(await t.api.database.db.order.count({ where: { userId: student.id } })).toBe(0);
  });
});

describe('abandoned and restarted checkouts', () => {
  it('hands out the same open session again instead of creating a second one', async () => {
    const student = await registerActor(t.api, 'STUDENT');
    const course = await paidCourse();
    const first = (await start(student.token, course.id)).data!.startCheckout;
    const second = (await start(student.token, course.id)).data!.startCheckout;
    expect(second).toEqual({ ...first, reused: true });
    const creations = t.api.emulator.requests.filter(
      (r) =>
        r.path === '/v1/checkout/sessions' &&
        r.idempotencyKey === `checkout-session:${first.orderId}`,
    );
    expect(creations).toHaveLength(1);
    expect(await t.api.database.db.order.count({ where: { userId: student.id } })).toBe(1);
  });

  it('an expired session is replaced; one nearly expired is expired at Stripe first; only one order is ever paid', async () => {
    const student = await registerActor(t.api, 'STUDENT');
    const course = await paidCourse();
    const db = t.api.database.db;
    const first = (await start(student.token, course.id)).data!.startCheckout;

    // Abandoned until Stripe expired it (checkout.session.expired → EXPIRED).
    await t.api.gateway.expireCheckoutSession(first.url.split('/').at(-1)!);
    await t.api.emulator.waitForDeliveries();
    expect((await db.order.findUniqueOrThrow({ where: { id: first.orderId } })).status).toBe(
      'EXPIRED',
    );
    const second = (await start(student.token, course.id)).data!.startCheckout;
    expect(second.orderId).not.toBe(first.orderId);
    expect(second.url).not.toBe(first.url);
    expect((await fetch(first.url)).status).toBe(410);

    // Restarted when the open session has minutes left: it is expired at Stripe, then replaced.
    await db.order.update({
      where: { id: second.orderId },
      data: { checkoutExpiresAt: new Date(Date.now() + 60_000) },
    });
    const third = (await start(student.token, course.id)).data!.startCheckout;
    expect(third.orderId).not.toBe(second.orderId);
    const secondSession = second.url.split('/').at(-1)!;
    expect(t.api.emulator.requests).toContainEqual(
      expect.objectContaining({
        method: 'POST',
        path: `/v1/checkout/sessions/${secondSession}/expire`,
        idempotencyKey: `expire-checkout-session:${secondSession}`,
        status: 200,
      }),
    );
    expect((await payOnHostedPage(second.url).catch((e: Error) => e)) instanceof Error).toBe(true);
    expect((await payOnHostedPage(third.url)).status).toBe(303);
    await t.api.emulator.waitForDeliveries();
    const orders = await db.order.findMany({
      where: { userId: student.id },
      select: { id: true, status: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(orders).toEqual([
      { id: first.orderId, status: 'EXPIRED' },
      { id: second.orderId, status: 'EXPIRED' },
      { id: third.orderId, status: 'PAID' },
    ]);
  });
});

describe('Stripe outages', () => {
  it('a 500 answers "try again"; the clean PENDING order is reused with the same idempotency key', async () => {
    const student = await registerActor(t.api, 'STUDENT');
    const course = await paidCourse();
    t.api.emulator.setFailureMode({ status: 500 });
    let failed: Awaited<ReturnType<typeof start>>;
    try {
      failed = await start(student.token, course.id);
    } finally {
      t.api.emulator.setFailureMode(null);
    }
    expect(failed.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(failed.errors?.[0]?.message).toMatch(/try again/i);
    const left = await t.api.database.db.order.findMany({ where: { userId: student.id } });
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({
      status: 'PENDING',
      stripeCheckoutSessionId: null,
      checkoutUrl: null,
    });

    const retried = await start(student.token, course.id);
    expect(retried.data?.startCheckout.orderId).toBe(left[0]?.id);
    const key = `checkout-session:${left[0]?.id}`;
    expect(
      t.api.emulator.requests.filter((r) => r.idempotencyKey === key).map((r) => r.status),
    ).toEqual([500, 200]);
    expect(await t.api.database.db.order.count({ where: { userId: student.id } })).toBe(1);
  });

  it('a hanging Stripe times out into the same clear message', async () => {
    const student = await registerActor(t.api, 'STUDENT');
    const course = await paidCourse();
    t.api.emulator.setFailureMode({ delayMs: 3_000, times: 1 });
    const failed = await start(student.token, course.id);
    expect(failed.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(failed.errors?.[0]?.message).toMatch(/try again/i);
    const orders = await t.api.database.db.order.findMany({ where: { userId: student.id } });
    expect(orders.every((o) => o.status === 'PENDING' && o.stripeCheckoutSessionId === null)).toBe(
      true,
    );
  });
});

describe('privacy', () => {
  it('a stranger cannot see another’s order or receipt; the buyer and admins can', async () => {
    const buyer = await registerActor(t.api, 'STUDENT', 'Grace Okafor');
    const stranger = await registerActor(t.api, 'STUDENT');
    const course = await paidCourse();
    const { orderId, url } = (await start(buyer.token, course.id, { employer: 'Mercy Clinic' }))
      .data!.startCheckout;
    await payOnHostedPage(url);
    await t.api.emulator.waitForDeliveries();

    const asStranger = await t.api.gql(ORDER, { id: orderId }, { token: stranger.token });
    expect(asStranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(asStranger.data?.order ?? null).toBeNull();
    const asBuyer = await t.api.gql<{ order: { status: string; billToEmployer: string } }>(
      ORDER,
      { id: orderId },
      { token: buyer.token },
    );
    expect(asBuyer.data?.order).toMatchObject({ status: 'PAID', billToEmployer: 'Mercy Clinic' });
    const asAdmin = await t.api.gql(ORDER, { id: orderId }, { token: t.admin.token });
    expect(asAdmin.errors).toBeUndefined();

    const receipt = (token?: string) =>
      fetch(`${t.api.url}/receipts/${orderId}.pdf`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await receipt()).status).toBe(401);
    expect((await receipt(stranger.token)).status).toBe(404);
    const mine = await receipt(buyer.token);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    const { orderNumber } = await t.api.database.db.order.findUniqueOrThrow({
      where: { id: orderId },
    });
    expect(mine.headers.get('content-disposition')).toContain(`receipt-${orderNumber}.pdf`);
    expect(
      Buffer.from(await mine.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await receipt(t.admin.token)).status).toBe(200);
  });
});

describe('checkout session paid before the webhook (success page first)', () => {
  it('the success page fulfils it by reading the session from Stripe', async () => {
    const student = await registerActor(t.api, 'STUDENT');
    const course = await paidCourse();
    const { url } = (await start(student.token, course.id)).data!.startCheckout;
    const sessionId = url.split('/').at(-1)!;
    t.api.emulator.completeCheckoutSession(sessionId);
    const confirmed = await t.api.gql<{ confirmCheckout: { enrolled: boolean } }>(
      CONFIRM_CHECKOUT,
      { sessionId },
      { token: student.token },
    );
    expect(confirmed.data?.confirmCheckout.enrolled).toBe(true);
    await t.api.emulator.waitForDeliveries();
    expect(await enrollmentOf(student.id, course.id)).toMatchObject({ status: 'ACTIVE' });
    const stranger = await registerActor(t.api, 'STUDENT');
    const probe = await t.api.gql(CONFIRM_CHECKOUT, { sessionId }, { token: stranger.token });
    expect(probe.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await waitFor(
      () => t.api.database.db.paymentEvent.count({ where: { processedAt: { not: null } } }),
      (n) => n > 0,
    );
  });
});
