// Every SQL statement of payments, each a named, typed function (CONTRIBUTING.md, "SQL").
// Run against the migrated database by the webhook, checkout and refund tests in
// api/src/modules/payments/ (every event type, duplicates, failures, out-of-order refunds).
// The webhook's paid path runs its statements `prepared` (fixed text, a key look-up whatever the
// values; sql.test.ts checks the generic plan of the one with subqueries).
import { Prisma, prepared, type SqlTx } from '@lms/db';
import type { ReceiptOrder } from '../mail/queue-receipt';

/** Transaction-scoped lock on a payment intent: refund and fulfilment of one payment serialise. */
export async function lockPaymentIntent(tx: SqlTx, paymentIntentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`payment-intent:${paymentIntentId}`}, 0))`;
}

/** Transaction-scoped lock on one learner's checkout of one course. */
export async function lockCheckout(tx: SqlTx, userId: string, courseId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`checkout:${userId}:${courseId}`}, 0))`;
}

/** Row lock on an order (SELECT … FOR UPDATE); null when it does not exist. */
export async function lockOrder(
  tx: SqlTx,
  where: { id: string } | { sessionId: string } | { paymentIntentId: string },
): Promise<{ id: string } | null> {
  const rows =
    'id' in where
      ? await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Order" WHERE "id" = ${where.id}::uuid FOR UPDATE`
      : 'sessionId' in where
        ? await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Order" WHERE "stripeCheckoutSessionId" = ${where.sessionId} FOR UPDATE`
        : await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Order" WHERE "stripePaymentIntentId" = ${where.paymentIntentId} FOR UPDATE`;
  return rows[0] ?? null;
}

export interface LockedOrder {
  id: string;
  orderNumber: string;
  userId: string;
  courseId: string;
  status: string;
  amountCents: number;
  currency: string;
  stripeCheckoutSessionId: string | null;
  /** A full refund of this payment was recorded before the payment was seen. */
  refundedEarlier: boolean;
  /** Another purchase that already gives this learner access to the course. */
  otherOrderNumber: string | null;
}

/**
 * Locks the order (FOR UPDATE) and reads, in the same statement, what fulfilment decides on:
 * one round trip on the hot path of every payment webhook. With a payment intent, the same
 * statement first takes that intent's transaction lock (as `lockPaymentIntent`): an uncorrelated
 * scalar subquery is a one-time filter, evaluated before the order is read and locked, so the
 * lock order stays payment intent, then order, as for a refund (payments/sql.test.ts checks it;
 * an EXISTS would not do: PostgreSQL drops an EXISTS subquery's select list, and the lock with
 * it). The other-order check compares the status as text, so no index on the status can drive
 * it: analysed before a sale, the statistics count no PAID order, the status index looked as
 * selective as the learner's, and each webhook read every order paid since (sql.test.ts).
 */
export async function lockOrderForFulfilment(
  tx: SqlTx,
  where: { sessionId: string } | { id: string },
  refund: {
    paymentIntentId: string | null;
    /** The outcome a refund recorded before its payment was seen carries. */
    refundAwaitingPayment: string;
  },
): Promise<LockedOrder | null> {
  const rows = await tx.$queryRaw<LockedOrder[]>(lockOrderForFulfilmentStatement(where, refund));
  return rows[0] ?? null;
}

/** The statement of `lockOrderForFulfilment` (payments/sql.test.ts checks its plan). */
export function lockOrderForFulfilmentStatement(
  where: { sessionId: string } | { id: string },
  refund: { paymentIntentId: string | null; refundAwaitingPayment: string },
): Prisma.Sql {
  const { paymentIntentId } = refund;
  const condition =
    'id' in where
      ? Prisma.sql`o."id" = ${where.id}::uuid`
      : Prisma.sql`o."stripeCheckoutSessionId" = ${where.sessionId}`;
  const intentLock = paymentIntentId
    ? Prisma.sql`AND (SELECT true FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`payment-intent:${paymentIntentId}`}, 0))) AS l)`
    : Prisma.empty;
  return prepared(Prisma.sql`
    SELECT o."id", o."orderNumber", o."userId", o."courseId", o."status"::text AS "status",
           o."amountCents", o."currency", o."stripeCheckoutSessionId",
           EXISTS (SELECT 1 FROM "PaymentEvent" e
                    WHERE e."type" = 'charge.refunded' AND e."paymentIntentId" = ${paymentIntentId}
                      AND e."processedAt" IS NOT NULL AND e."outcome" = ${refund.refundAwaitingPayment})
             AS "refundedEarlier",
           (SELECT p."orderNumber" FROM "Order" p
             WHERE p."userId" = o."userId" AND p."courseId" = o."courseId" AND p."id" <> o."id"
               AND p."status"::text IN ('PAID', 'REFUND_PENDING') AND p."fulfilledAt" IS NOT NULL
             LIMIT 1) AS "otherOrderNumber"
      FROM "Order" o WHERE ${condition} ${intentLock} FOR UPDATE OF o`);
}

/**
 * One UPDATE of the settled columns (raw SQL: this runs on every payment webhook), returning
 * what the order's receipt shows (its buyer and course version, joined by their foreign keys),
 * so queueing the receipt reads nothing again.
 */
export async function settleOrder(
  tx: SqlTx,
  orderId: string,
  data: {
    status: 'PAID' | 'FLAGGED' | 'REFUNDED';
    stripeCheckoutSessionId: string;
    stripePaymentIntentId: string | null;
    paidAt: Date;
    amountPaidCents: number | null;
    discountCents: number;
    fulfilledAt?: Date;
    refundedAt?: Date;
    refundReason?: string;
    flaggedReason?: string;
  },
): Promise<ReceiptOrder> {
  const [row] = await tx.$queryRaw<ReceiptOrder[]>(
    prepared(Prisma.sql`
    UPDATE "Order" o SET
      "status" = ${data.status}::"OrderStatus",
      "stripeCheckoutSessionId" = ${data.stripeCheckoutSessionId},
      "stripePaymentIntentId" = ${data.stripePaymentIntentId},
      "paidAt" = ${data.paidAt},
      "amountPaidCents" = ${data.amountPaidCents},
      "discountCents" = ${data.discountCents},
      "fulfilledAt" = ${data.fulfilledAt ?? null},
      "refundedAt" = ${data.refundedAt ?? null},
      "refundReason" = ${data.refundReason ?? null},
      "flaggedReason" = ${data.flaggedReason ?? null},
      "updatedAt" = now()
      FROM "User" u, "CourseVersion" v
    WHERE o."id" = ${orderId}::uuid AND u."id" = o."userId" AND v."id" = o."versionId"
    RETURNING o."id", o."orderNumber", o."currency", o."amountPaidCents", o."amountCents", o."paidAt",
              o."userId", u."email", u."name", u."timeZone", v."title" AS "courseTitle"`),
  );
  if (!row) throw new Error(`Order ${orderId} vanished while locked`);
  return row;
}

/** The stored columns of a webhook event. */
export interface PaymentEventRecord {
  stripeEventId: string;
  type: string;
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
  /** The verified request body (JSON). */
  payload: string;
}

/**
 * Records the event id (unique) and locks its row in one statement: INSERT … ON CONFLICT DO
 * UPDATE, so a concurrent duplicate waits until the first delivery commits, then reads it.
 */
export async function recordPaymentEvent(
  tx: SqlTx,
  event: PaymentEventRecord,
): Promise<{ processedAt: Date | null; outcome: string | null }[]> {
  return tx.$queryRaw<{ processedAt: Date | null; outcome: string | null }[]>(
    prepared(Prisma.sql`
        INSERT INTO "PaymentEvent" ("stripeEventId", "type", "checkoutSessionId", "paymentIntentId", "payload")
        VALUES (${event.stripeEventId}, ${event.type}, ${event.checkoutSessionId}, ${event.paymentIntentId},
                ${event.payload}::jsonb)
        ON CONFLICT ("stripeEventId") DO UPDATE SET "stripeEventId" = EXCLUDED."stripeEventId"
        RETURNING "processedAt", "outcome"`),
  );
}

/** Marks the event processed with its outcome and order, clearing an earlier error. */
export async function markPaymentEventProcessed(
  tx: SqlTx,
  stripeEventId: string,
  result: { outcome: string; orderId: string | null; now: Date },
): Promise<number> {
  return tx.$executeRaw(
    prepared(Prisma.sql`
        UPDATE "PaymentEvent"
           SET "processedAt" = ${result.now}, "outcome" = ${result.outcome},
               "orderId" = ${result.orderId}::uuid, "error" = NULL, "attempts" = "attempts" + 1
         WHERE "stripeEventId" = ${stripeEventId}`),
  );
}

/** Keeps a failed event (unprocessed, with its error, one more attempt) for Stripe's retry. */
export async function recordPaymentEventFailure(
  db: SqlTx,
  event: PaymentEventRecord & { error: string },
): Promise<number> {
  return db.$executeRaw`
      INSERT INTO "PaymentEvent" ("stripeEventId", "type", "checkoutSessionId", "paymentIntentId", "payload", "error", "attempts")
      VALUES (${event.stripeEventId}, ${event.type}, ${event.checkoutSessionId}, ${event.paymentIntentId},
              ${event.payload}::jsonb, ${event.error}, 1)
      ON CONFLICT ("stripeEventId") DO UPDATE
        SET "error" = EXCLUDED."error", "attempts" = "PaymentEvent"."attempts" + 1
        WHERE "PaymentEvent"."processedAt" IS NULL`;
}
