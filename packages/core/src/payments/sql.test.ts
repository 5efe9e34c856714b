// The lock order of fulfilment's first statement, on a real database: `lockOrderForFulfilment`
// takes the payment intent's lock BEFORE it reads and locks the order (as `lockPaymentIntent`
// followed by the order's lock did in two statements), so fulfilment and a refund of the same
// payment never wait on each other in opposite orders. The rest of payments/sql.ts runs in the
// webhook, checkout and refund tests (api/src/modules/payments/).
import { createCourse, createOrder, createUser, useTestDatabase } from '@lms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockOrderForFulfilment, lockPaymentIntent } from './sql';

const t = useTestDatabase();
const REFUND = { refundAwaitingPayment: 'refund recorded before its payment was seen' };
let orderId: string;
const sessionId = 'cs_test_lock_order';
const paymentIntentId = 'pi_test_lock_order';

beforeAll(async () => {
  const owner = await createUser(t.db, { role: 'INSTRUCTOR' });
  const buyer = await createUser(t.db);
  const { course } = await createCourse(t.db, { ownerId: owner.id, priceCents: 4900 });
  orderId = (
    await createOrder(t.db, {
      userId: buyer.id,
      courseId: course.id,
      amountCents: 4900,
      status: 'PENDING',
      stripeCheckoutSessionId: sessionId,
    })
  ).id;
}, 60_000);

describe('lockOrderForFulfilment', () => {
  it('takes the payment intent lock first, then the order row', async () => {
    let releaseIntent!: () => void;
    const intentHeld = new Promise<void>((resolve) => {
      releaseIntent = resolve;
    });
    let intentTaken!: () => void;
    const taken = new Promise<void>((resolve) => {
      intentTaken = resolve;
    });
    // A refund of the same payment holds the intent's lock.
    const refund = t.db.$transaction(async (tx) => {
      await lockPaymentIntent(tx, paymentIntentId);
      intentTaken();
      await intentHeld;
    });
    await taken;
    let fulfilled = false;
    const fulfilment = t.db.$transaction(async (tx) => {
      const order = await lockOrderForFulfilment(tx, { sessionId }, { paymentIntentId, ...REFUND });
      fulfilled = true;
      return order;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Fulfilment waits for the intent and has not touched the order: its row is free.
    expect(fulfilled).toBe(false);
    const free = await t.db.$transaction(
      (tx) => tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Order" WHERE "id" = ${orderId}::uuid FOR UPDATE NOWAIT`,
    );
    expect(free).toHaveLength(1);
    releaseIntent();
    await refund;
    expect(await fulfilment).toMatchObject({ id: orderId, status: 'PENDING' });
    expect(fulfilled).toBe(true);
  });

  it('holds the intent lock even when no order matches', async () => {
    const held = await t.db.$transaction(async (tx) => {
      const order = await lockOrderForFulfilment(
        tx,
        { sessionId: 'cs_test_not_ours' },
        { paymentIntentId: 'pi_test_not_ours', ...REFUND },
      );
      expect(order).toBeNull();
      return tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_locks
         WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted`;
    });
    expect(held[0]?.n).toBe(1);
  });
});
