// Fulfilment and refunds, called directly on a real database. The Stripe emulator stands at the
// network edge: the real gateway (the stripe SDK) talks to it; its webhooks go to a sink, since
// these tests drive the use cases themselves.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCourse, createOrder, createUser, useTestDatabase, viewerFor } from '@lms/db/testing';
import {
  createStripeGateway,
  type PaymentGateway,
  type StripeEmulator,
  startStripeEmulator,
} from '@lms/payments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../access/viewer';
import { prismaWriteTx } from '../db/hot-transaction';
import { confirmCheckout } from './confirm-checkout';
import { fulfilCheckoutSession } from './fulfil-checkout-session';
import { recordChargeRefunded } from './record-charge-refunded';
import { refundOrder } from './refund-order';
import { startCheckout } from './start-checkout';

const PRICE = 4900;
const t = useTestDatabase();
let sink: Server;
let emulator: StripeEmulator;
let gateway: PaymentGateway;
let admin: Viewer;
let courseId: string;

beforeAll(async () => {
  sink = createServer((_req, res) => res.writeHead(200).end());
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  emulator = await startStripeEmulator({
    webhookUrl: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`,
    webhookSecret: 'whsec_core_tests',
  });
  gateway = createStripeGateway({
    secretKey: 'sk_test_core_tests',
    webhookSecret: 'whsec_core_tests',
    ...emulator.apiOptions,
    maxNetworkRetries: 0,
  });
  admin = viewerFor(await createUser(t.db, { role: 'ADMIN' }));
  const owner = await createUser(t.db, { role: 'INSTRUCTOR' });
  courseId = (await createCourse(t.db, { ownerId: owner.id, priceCents: PRICE })).course.id;
}, 60_000);
afterAll(async () => {
  await emulator?.waitForDeliveries();
  await emulator?.stop();
  await new Promise((resolve) => sink?.close(resolve));
});

const buyer = async () => viewerFor(await createUser(t.db, { emailVerifiedAt: true }));

/** Checkout started and paid on the emulator's hosted page; returns the order id and session. */
async function paidCheckout(viewer: Viewer) {
  const started = await startCheckout({
    db: t.db,
    gateway,
    viewer,
    courseId,
    webUrl: 'http://lms.test',
  });
  const order = await t.db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  expect(order).toMatchObject({ status: 'PENDING', amountCents: PRICE });
  emulator.completeCheckoutSession(order.stripeCheckoutSessionId!);
  return { orderId: order.id, sessionId: order.stripeCheckoutSessionId! };
}

const enrollmentsOf = (viewer: Viewer) =>
  t.db.enrollment.findMany({ where: { userId: viewer.id, courseId } });

describe('fulfilment', () => {
  it('pays the order and enrols the buyer once, with the receipt queued in the same transaction', async () => {
    const viewer = await buyer();
    const { orderId, sessionId } = await paidCheckout(viewer);
    const confirmation = await confirmCheckout({ db: t.db, gateway, viewer, sessionId });
    expect(confirmation.order).toMatchObject({ id: orderId, status: 'PAID' });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ status: 'PAID', amountPaidCents: PRICE, discountCents: 0 });
    expect(order.fulfilledAt).toBeInstanceOf(Date);
    expect(order.stripePaymentIntentId).toMatch(/^pi_/);
    expect((await enrollmentsOf(viewer)).map((e) => [e.status, e.source])).toEqual([
      ['ACTIVE', 'PURCHASE'],
    ]);
    expect(
      await t.db.emailMessage.count({ where: { toAddress: viewer.email, template: 'receipt' } }),
    ).toBe(1);

    // The webhook's fulfilment of the same session, arriving after the success page's.
    const session = await gateway.retrieveCheckoutSession(sessionId);
    const again = await t.db.$transaction((tx) =>
      fulfilCheckoutSession(prismaWriteTx(tx), { session }),
    );
    expect(again).toEqual({ orderId, outcome: 'already paid' });
    expect(await enrollmentsOf(viewer)).toHaveLength(1);
    expect(
      await t.db.emailMessage.count({ where: { toAddress: viewer.email, template: 'receipt' } }),
    ).toBe(1);
  });

  it('flags an order whose session amount does not match the price, and enrols nobody', async () => {
    const viewer = await buyer();
    const order = await createOrder(t.db, {
      userId: viewer.id,
      courseId,
      amountCents: PRICE,
      status: 'PENDING',
      stripeCheckoutSessionId: 'cs_test_mismatch_1',
    });
    const outcome = await t.db.$transaction((tx) =>
      fulfilCheckoutSession(prismaWriteTx(tx), {
        session: {
          id: 'cs_test_mismatch_1',
          status: 'complete',
          paymentStatus: 'paid',
          amountSubtotal: 100,
          amountTotal: 100,
          currency: 'usd',
          paymentIntentId: 'pi_test_mismatch_1',
          orderId: order.id,
          metadata: {},
        },
      }),
    );
    expect(outcome).toEqual({
      orderId: order.id,
      outcome: 'flagged: amount or currency mismatch; not enrolled',
    });
    expect(await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: 'FLAGGED',
      flaggedReason: `Amount before discounts 100 does not match the price ${PRICE}.`,
      fulfilledAt: null,
    });
    expect(await enrollmentsOf(viewer)).toEqual([]);
  });
});

describe('refunds', () => {
  it('asks Stripe for the refund (pending, access kept), then ends the access when Stripe confirms it', async () => {
    const viewer = await buyer();
    const { orderId, sessionId } = await paidCheckout(viewer);
    await confirmCheckout({ db: t.db, gateway, viewer, sessionId });

    await expect(
      refundOrder({ db: t.db, gateway, viewer, orderId, reason: 'Changed my mind' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const requested = await refundOrder({
      db: t.db,
      gateway,
      viewer: admin,
      orderId,
      reason: 'Bought twice by mistake',
    });
    expect(requested.status).toBe('REFUND_PENDING');
    expect((await enrollmentsOf(viewer)).map((e) => e.status)).toEqual(['ACTIVE']);
    const refundCalls = emulator.requests.filter((r) => r.path === '/v1/refunds');
    expect(refundCalls.map((r) => r.idempotencyKey)).toContain(`refund:${orderId}`);

    const { stripePaymentIntentId } = await t.db.order.findUniqueOrThrow({
      where: { id: orderId },
    });
    const confirmed = await t.db.$transaction((tx) =>
      recordChargeRefunded(tx, { paymentIntentId: stripePaymentIntentId, fullyRefunded: true }),
    );
    expect(confirmed.orderId).toBe(orderId);
    expect(await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: 'REFUNDED',
      refundReason: 'Bought twice by mistake',
      refundRequestedById: admin.id,
    });
    expect((await enrollmentsOf(viewer)).map((e) => [e.status, e.endedReason])).toEqual([
      ['ENDED', 'refunded'],
    ]);

    const repeated = await t.db.$transaction((tx) =>
      recordChargeRefunded(tx, { paymentIntentId: stripePaymentIntentId, fullyRefunded: true }),
    );
    expect(repeated).toEqual({ orderId, outcome: 'already refunded' });
  });

  it('keeps the access after a partial refund', async () => {
    const viewer = await buyer();
    const { orderId, sessionId } = await paidCheckout(viewer);
    await confirmCheckout({ db: t.db, gateway, viewer, sessionId });
    const { stripePaymentIntentId } = await t.db.order.findUniqueOrThrow({
      where: { id: orderId },
    });
    const outcome = await t.db.$transaction((tx) =>
      recordChargeRefunded(tx, { paymentIntentId: stripePaymentIntentId, fullyRefunded: false }),
    );
    expect(outcome).toEqual({ orderId, outcome: 'partial refund: access kept' });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PAID');
    expect((await enrollmentsOf(viewer)).map((e) => e.status)).toEqual(['ACTIVE']);
  });
});
