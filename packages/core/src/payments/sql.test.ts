// The lock order of fulfilment's first statement, on a real database: `lockOrderForFulfilment`
// takes the payment intent's lock BEFORE it reads and locks the order (as `lockPaymentIntent`
// followed by the order's lock did in two statements), so fulfilment and a refund of the same
// payment never wait on each other in opposite orders. The rest of payments/sql.ts runs in the
// webhook, checkout and refund tests (api/src/modules/payments/). Its plan, by EXPLAIN, with the
// statistics a busy sale leaves behind (issue 15).
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@lms/db';
import { createCourse, createOrder, createUser, latch, useTestDatabase } from '@lms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockOrderForFulfilment, lockOrderForFulfilmentStatement, lockPaymentIntent } from './sql';

const t = useTestDatabase();
const REFUND = { refundAwaitingPayment: 'refund recorded before its payment was seen' };
let orderId: string;
let courseId: string;
const sessionId = 'cs_test_lock_order';
const paymentIntentId = 'pi_test_lock_order';

beforeAll(async () => {
  const owner = await createUser(t.db, { role: 'INSTRUCTOR' });
  const buyer = await createUser(t.db);
  const { course } = await createCourse(t.db, { ownerId: owner.id, priceCents: 4900 });
  courseId = course.id;
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
    const releaseIntent = latch();
    const taken = latch();
    // A refund of the same payment holds the intent's lock.
    const refund = t.db.$transaction(async (tx) => {
      await lockPaymentIntent(tx, paymentIntentId);
      taken.open();
      await releaseIntent.opened;
    });
    await taken.opened;
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
    releaseIntent.open();
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

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
const describePlan = (node: PlanNode, depth = 0): string =>
  [
    `${'  '.repeat(depth)}${node['Subplan Name'] ?? ''} ${node['Node Type']} ${node['Relation Name'] ?? ''} ${node['Index Name'] ?? ''}`,
    ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1)),
  ].join('\n');

async function plan(statement: Prisma.Sql): Promise<PlanNode> {
  const rows = await t.db.$queryRawUnsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
    `EXPLAIN (FORMAT JSON) ${statement.text}`,
    ...statement.values,
  );
  return rows[0]!['QUERY PLAN'][0]!.Plan;
}

describe('lockOrderForFulfilment plan', () => {
  it('finds another paid order of the learner by (userId, courseId), however stale the statistics', async () => {
    // A sale: 3,000 orders of one course, analysed while all were PENDING (no autovacuum since),
    // then 2,000 of them paid. The statistics say no order is PAID, so an index on the status
    // looks as selective as the learner's: the duplicate check then read every paid order of
    // the shop, one more per sale (166 blocks a webhook in bench:webhook).
    const users = Array.from({ length: 3000 }, () => randomUUID());
    const orders = users.map(() => randomUUID());
    await t.db.$executeRaw`ALTER TABLE "Order" SET (autovacuum_enabled = false)`;
    await t.db.$executeRaw`
      INSERT INTO "User" ("id", "email", "name", "passwordHash")
      SELECT u, 'plan-' || u || '@example.com', 'Plan Buyer', '!' FROM unnest(${users}::uuid[]) AS u`;
    await t.db.$executeRaw`
      INSERT INTO "Order" ("id", "userId", "courseId", "versionId", "amountCents", "currency",
                           "stripeCheckoutSessionId")
      SELECT o, u, c."id", c."latestPublishedVersionId", 4900, 'usd', 'cs_plan_' || o
        FROM unnest(${orders}::uuid[], ${users}::uuid[]) AS x(o, u), "Course" c
       WHERE c."id" = ${courseId}::uuid`;
    await t.db.$executeRaw`ANALYZE "Order"`;
    await t.db.$executeRaw`
      UPDATE "Order" SET "status" = 'PAID', "paidAt" = now(), "fulfilledAt" = now()
       WHERE "id" = ANY(${orders.slice(0, 2000)}::uuid[])`;

    const root = await plan(
      lockOrderForFulfilmentStatement(
        { sessionId: `cs_plan_${orders[2500]}` },
        { paymentIntentId: 'pi_plan', ...REFUND },
      ),
    );
    const shape = describePlan(root);
    const onOrder = nodes(root).filter((node) => node['Relation Name'] === 'Order');
    expect(onOrder.map((node) => node['Index Name']).sort(), shape).toEqual([
      'Order_stripeCheckoutSessionId_key',
      'Order_userId_courseId_status_idx',
    ]);
  });
});
