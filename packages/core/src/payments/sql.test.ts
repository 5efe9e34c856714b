// The lock order of fulfilment's first statement, on a real database: `lockOrderForFulfilment`
// takes the payment intent's lock BEFORE it reads and locks the order (as `lockPaymentIntent`
// followed by the order's lock did in two statements), so fulfilment and a refund of the same
// payment never wait on each other in opposite orders. The rest of payments/sql.ts runs in the
// webhook, checkout and refund tests (api/src/modules/payments/). Its plan, by EXPLAIN, with the
// statistics a busy sale leaves behind (issue 15). The webhook runs it as a prepared statement
// (its generic plan after five custom ones), Prisma's transaction unnamed (a custom plan): both
// are checked.
import { randomUUID } from 'node:crypto';
import { hotReads, hotWrites, Prisma, type SqlTx } from '@lms/db';
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

/** Runs `work` in Prisma's transaction (custom plans), or in a hot one on generic plans only. */
function inTransaction<T>(generic: boolean, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  if (!generic) return t.db.$transaction((tx) => work(tx));
  return hotWrites(t.db).transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL plan_cache_mode = force_generic_plan`;
    return work(tx);
  });
}

describe('lockOrderForFulfilment', () => {
  it.each([
    ['a custom plan (unnamed, in Prisma’s transaction)', false],
    ['the generic plan of the prepared statement (hot transaction)', true],
  ])('takes the payment intent lock first, then the order row: %s', async (_plan, generic) => {
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
    let genericPlans: number | null = null;
    const fulfilment = inTransaction(generic, async (tx) => {
      const order = await lockOrderForFulfilment(tx, { sessionId }, { paymentIntentId, ...REFUND });
      fulfilled = true;
      if (generic) {
        const text = lockOrderForFulfilmentStatement(
          { sessionId },
          { paymentIntentId, ...REFUND },
        ).text;
        const [plans] = await tx.$queryRaw<{ generic: number }[]>`
          SELECT generic_plans::int AS "generic" FROM pg_prepared_statements WHERE statement = ${text}`;
        genericPlans = plans?.generic ?? 0;
      }
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
    // It ran as a named prepared statement, on its generic plan.
    if (generic) expect(genericPlans).toBeGreaterThan(0);
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

type Explained = { 'QUERY PLAN': { Plan: PlanNode }[] }[];

/** The custom plan of `statement` with its values, or its generic plan (the prepared one's). */
async function plan(statement: Prisma.Sql, generic: boolean): Promise<PlanNode> {
  const rows = generic
    ? // No values: sent as a simple query, which EXPLAIN (GENERIC_PLAN) needs.
      await hotReads(t.db).rows<Explained[number]>(
        Prisma.raw(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${statement.text}`),
      )
    : await t.db.$queryRawUnsafe<Explained>(
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

    for (const generic of [false, true]) {
      const root = await plan(
        lockOrderForFulfilmentStatement(
          { sessionId: `cs_plan_${orders[2500]}` },
          { paymentIntentId: 'pi_plan', ...REFUND },
        ),
        generic,
      );
      const shape = describePlan(root);
      const onOrder = nodes(root).filter((node) => node['Relation Name'] === 'Order');
      expect(onOrder.map((node) => node['Index Name']).sort(), shape).toEqual([
        'Order_stripeCheckoutSessionId_key',
        'Order_userId_courseId_status_idx',
      ]);
      // The refund check finds the payment intent's events by its index.
      const onEvent = nodes(root).filter((node) => node['Relation Name'] === 'PaymentEvent');
      expect(
        onEvent.map((node) => node['Index Name']),
        shape,
      ).toEqual(['PaymentEvent_paymentIntentId_idx']);
    }
  });
});
