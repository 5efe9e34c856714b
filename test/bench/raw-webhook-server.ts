// Baseline for bench/webhook.ts: the same work as the API's /webhooks/stripe for
// checkout.session.completed (verify the signature on the raw body; record the event id once;
// lock the event and the order; mark the order PAID; upsert the enrolment; mark the event
// processed) in hand-written SQL over pg, behind a bare node:http server. No Express, no ORM.
// Its statements run prepared (named), as the API's hot-write statements are (ARCHITECTURE.md,
// "Prepared hot statements"): the comparison is of the pipeline, not of planning every call.
import http from 'node:http';
import { createStripeGateway } from '@lms/payments';
import pg from 'pg';

const [databaseUrl, port, webhookSecret] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, min: 10 });
const gateway = createStripeGateway({ secretKey: 'sk_test_bench', webhookSecret: webhookSecret! });

async function handle(raw: Buffer, signature: string | undefined) {
  const event = gateway.constructWebhookEvent(raw, signature);
  const session = event.data.object as unknown as {
    id: string;
    amount_total: number;
    amount_subtotal: number;
    currency: string;
    payment_intent: string;
  };
  await pool.query({
    name: 'record_event',
    text: `INSERT INTO "PaymentEvent" ("stripeEventId", "type", "checkoutSessionId", "paymentIntentId", "payload")
     VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT ("stripeEventId") DO NOTHING`,
    values: [event.id, event.type, session.id, session.payment_intent, JSON.stringify(event)],
  });
  const client = await pool.connect();
  const prepared = (name: string, text: string, values: unknown[]) =>
    client.query({ name, text, values });
  try {
    await client.query('BEGIN');
    const ev = await prepared(
      'lock_event',
      'SELECT "processedAt" FROM "PaymentEvent" WHERE "stripeEventId" = $1 FOR UPDATE',
      [event.id],
    );
    if (ev.rows[0]?.processedAt) {
      await client.query('COMMIT');
      return;
    }
    const order = await prepared(
      'lock_order',
      `SELECT id, "userId", "courseId", status, "amountCents", currency FROM "Order"
        WHERE "stripeCheckoutSessionId" = $1 FOR UPDATE`,
      [session.id],
    );
    const row = order.rows[0];
    let outcome = 'unknown order';
    if (row && row.status === 'PENDING') {
      await prepared(
        'settle_order',
        `UPDATE "Order" SET status = 'PAID', "stripePaymentIntentId" = $2, "paidAt" = now(),
           "fulfilledAt" = now(), "amountPaidCents" = $3, "discountCents" = $4, "updatedAt" = now()
         WHERE id = $1`,
        [
          row.id,
          session.payment_intent,
          session.amount_total,
          session.amount_subtotal - session.amount_total,
        ],
      );
      await prepared(
        'grant_enrollment',
        `INSERT INTO "Enrollment" ("userId", "courseId", "versionId", source, status)
         SELECT $1::uuid, c.id, c."latestPublishedVersionId", 'PURCHASE', 'ACTIVE' FROM "Course" c WHERE c.id = $2::uuid
         ON CONFLICT ("userId", "courseId", "period") DO UPDATE SET status = 'ACTIVE', "endedAt" = NULL, "endedReason" = NULL`,
        [row.userId, row.courseId],
      );
      outcome = 'paid: enrolled';
    }
    await prepared(
      'mark_processed',
      `UPDATE "PaymentEvent" SET "processedAt" = now(), outcome = $2, "orderId" = $3, attempts = attempts + 1
        WHERE "stripeEventId" = $1`,
      [event.id, outcome, row?.id ?? null],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

http
  .createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(200).end('ok');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const signature = req.headers['stripe-signature'];
      handle(Buffer.concat(chunks), Array.isArray(signature) ? signature[0] : signature).then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}'),
        (error: unknown) => {
          res.writeHead(
            error instanceof Error && error.name === 'WebhookSignatureError' ? 400 : 500,
          );
          res.end(JSON.stringify({ error: String(error) }));
        },
      );
    });
  })
  .listen(Number(port), '127.0.0.1');
