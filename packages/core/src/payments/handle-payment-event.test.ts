// The webhook's use case as several API processes run it: two clients, each with its own pool
// (as two processes have), on one real database. The paid path runs on `hotWrites` connections;
// the locks in PostgreSQL (the event row, the payment intent, the order) keep it exactly once.
// The paid path's statements run as named prepared statements, or unnamed with them off.
import { createPrismaClient, type Db, hotReads, Prisma } from '@lms/db';
import { createCourse, createOrder, createUser, useTestDatabase } from '@lms/db/testing';
import type { PaymentDomainEvent } from '@lms/payments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlePaymentEvent } from './handle-payment-event';

const PRICE = 4900;
const t = useTestDatabase();
let other: Db;
let courseId: string;

beforeAll(async () => {
  other = createPrismaClient({ databaseUrl: t.url, poolMax: 4 });
  const owner = await createUser(t.db, { role: 'INSTRUCTOR' });
  courseId = (await createCourse(t.db, { ownerId: owner.id, priceCents: PRICE })).course.id;
});
afterAll(async () => {
  await other?.$disconnect();
});

function paidEvent(eventId: string, sessionId: string, orderId: string): PaymentDomainEvent {
  return {
    id: eventId,
    type: 'checkout.session.completed',
    livemode: false,
    checkoutSessionId: sessionId,
    paymentIntentId: `pi_${sessionId}`,
    kind: 'checkout-paid',
    session: {
      id: sessionId,
      status: 'complete',
      paymentStatus: 'paid',
      amountTotal: PRICE,
      amountSubtotal: PRICE,
      currency: 'usd',
      paymentIntentId: `pi_${sessionId}`,
      orderId,
      metadata: { orderId },
    },
  };
}

/** A verified buyer's PENDING order for the course, paid through this checkout session. */
async function pendingOrder(sessionId: string) {
  const buyer = await createUser(t.db, { emailVerifiedAt: true });
  return createOrder(t.db, {
    userId: buyer.id,
    courseId,
    amountCents: PRICE,
    status: 'PENDING',
    stripeCheckoutSessionId: sessionId,
  });
}

describe('handlePaymentEvent in two processes at once', () => {
  it('one event delivered 8 times and a second event for the same session, through two pools: paid, enrolled and receipted once', async () => {
    const sessionId = 'cs_test_two_processes';
    const order = await pendingOrder(sessionId);
    const first = paidEvent('evt_two_processes_1', sessionId, order.id);
    const second = paidEvent('evt_two_processes_2', sessionId, order.id);
    const deliveries = [
      ...Array.from({ length: 8 }, (_, i) => ({ db: i % 2 ? other : t.db, event: first })),
      { db: other, event: second },
      { db: t.db, event: second },
    ];
    const results = await Promise.all(
      deliveries.map(({ db, event }) =>
        handlePaymentEvent({
          db,
          event,
          rawBody: JSON.stringify({ id: event.id }),
          livemode: false,
        }),
      ),
    );

    // Each event id is processed once; the rest are duplicates of it.
    for (const id of [first.id, second.id]) {
      const ofEvent = results.filter((_, i) => deliveries[i]!.event.id === id);
      expect(ofEvent.filter((result) => !result.duplicate)).toHaveLength(1);
    }
    // One of the two events paid the order; the other found it paid already.
    expect(
      results.filter((result) => result.outcome === 'paid: enrolled' && !result.duplicate),
    ).toHaveLength(1);
    expect(
      results.filter((result) => result.outcome === 'already paid' && !result.duplicate),
    ).toHaveLength(1);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PAID');
    expect(await t.db.enrollment.count({ where: { userId: order.userId, courseId } })).toBe(1);
    expect(await t.db.emailMessage.count({ where: { dedupeKey: `receipt:${order.id}` } })).toBe(1);
    const events = await t.db.paymentEvent.findMany({
      where: { checkoutSessionId: sessionId },
      select: { processedAt: true, attempts: true, error: true },
    });
    expect(events).toHaveLength(2);
    expect(events.every((event) => event.processedAt && event.attempts === 1 && !event.error)).toBe(
      true,
    );
  });
});

describe('handlePaymentEvent prepared statements', () => {
  /**
   * One paid delivery through a client of one connection: the statements its hot transaction
   * ran (between BEGIN and COMMIT), and the prepared statements left on that connection.
   */
  async function paidDelivery(preparedStatements: boolean) {
    const hot: string[] = [];
    let inHot = false;
    const db = createPrismaClient({
      databaseUrl: t.url,
      poolMax: 1,
      preparedStatements,
      onQuery: (sql) => {
        if (sql === 'BEGIN') inHot = true;
        else if (sql === 'COMMIT') inHot = false;
        else if (inHot) hot.push(sql);
      },
    });
    try {
      const sessionId = `cs_test_prepared_${preparedStatements}`;
      const order = await pendingOrder(sessionId);
      const event = paidEvent(`evt_prepared_${preparedStatements}`, sessionId, order.id);
      const result = await handlePaymentEvent({
        db,
        event,
        rawBody: JSON.stringify({ id: event.id }),
        livemode: false,
      });
      expect(result).toMatchObject({ outcome: 'paid: enrolled', duplicate: false });
      const named = await hotReads(db).rows<{ statement: string }>(
        Prisma.sql`SELECT statement FROM pg_prepared_statements`,
      );
      return { hot, named: named.map((row) => row.statement) };
    } finally {
      await db.$disconnect();
    }
  }

  it('runs every statement of the paid path as a named prepared statement, kept on the connection', async () => {
    const { hot, named } = await paidDelivery(true);
    // The event recorded, the order locked, settled, the enrolment, the receipt, the event marked.
    expect(hot).toHaveLength(6);
    expect(hot.filter((statement) => statement.includes('WITH course AS'))).toHaveLength(1);
    expect(named).toEqual(expect.arrayContaining(hot));
  });

  it('runs them unnamed when prepared statements are off (a transaction-mode pooler)', async () => {
    const { hot, named } = await paidDelivery(false);
    expect(hot).toHaveLength(6);
    expect(named.filter((statement) => hot.includes(statement))).toEqual([]);
  });
});
