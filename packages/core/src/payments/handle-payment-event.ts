import type { Db } from '@lms/db';
import type { PaymentDomainEvent } from '@lms/payments';
import { NEEDS_PRISMA, type WriteTx, writeTransaction } from '../db/hot-transaction';
import { deferEmailJobs } from '../mail/outbox';
import { wakeEmailSender } from '../mail/wake-email-sender';
import { closeCheckoutSession } from './close-checkout-session';
import { fulfilCheckoutSession, type PaymentOutcome } from './fulfil-checkout-session';
import { recordChargeRefunded } from './record-charge-refunded';
import { markPaymentEventProcessed, recordPaymentEvent, recordPaymentEventFailure } from './sql';

export interface HandledEvent extends PaymentOutcome {
  /** True when this event id had been processed before (a duplicate delivery). */
  duplicate: boolean;
}

/**
 * A verified payment event (the domain event `@lms/payments` reads from Stripe's webhook). In
 * one transaction: the event id is recorded (unique; INSERT … ON CONFLICT, which also locks the
 * row, so concurrent duplicate deliveries wait and then see it processed) before anything is done; then the event is processed and marked
 * processed. Processing and `processedAt` commit together: a crash half-way rolls both back,
 * the event is kept unprocessed with the error, and the caller answers 5xx, so Stripe's next
 * delivery processes it (exactly once).
 */
export async function handlePaymentEvent(options: {
  db: Db;
  event: PaymentDomainEvent;
  /** The verified request body, stored as the event's payload. */
  rawBody: string;
  /** The deployment's mode (its Stripe key): an event of the other mode is flagged, not applied. */
  livemode?: boolean;
  now?: Date;
}): Promise<HandledEvent> {
  const { db, event } = options;
  const refs = {
    checkoutSessionId: event.checkoutSessionId,
    paymentIntentId: event.paymentIntentId,
  };
  const payload = options.rawBody;
  // The receipt's job is added after COMMIT (one NOTIFY per batch of webhooks, not one inside
  // each payment's transaction, which would serialise their commits; ARCHITECTURE.md).
  const wakeAfterCommit: string[] = [];
  const processEvent = async (tx: WriteTx): Promise<HandledEvent | typeof NEEDS_PRISMA> => {
    wakeAfterCommit.length = 0;
    deferEmailJobs(tx.sql, wakeAfterCommit);
    // Record the event id (unique) and lock its row in one statement. A concurrent duplicate
    // waits here until the first delivery commits, then sees it processed.
    const [row] = await recordPaymentEvent(tx.sql, {
      stripeEventId: event.id,
      type: event.type,
      ...refs,
      payload,
    });
    if (row?.processedAt) {
      return { orderId: null, outcome: row.outcome ?? 'processed', duplicate: true };
    }
    const now = options.now ?? new Date();
    const result =
      options.livemode !== undefined && event.livemode !== options.livemode
        ? { orderId: null, outcome: modeMismatch(event.livemode) }
        : await dispatch(tx, event, now);
    if (result === NEEDS_PRISMA) return NEEDS_PRISMA;
    await markPaymentEventProcessed(tx.sql, event.id, { ...result, now });
    return { ...result, duplicate: false };
  };
  let handled: HandledEvent;
  try {
    // A payment (and an event the LMS ignores) is raw SQL throughout on its usual path: it runs
    // on a pg connection without Prisma's interactive transaction. A branch that needs Prisma (a
    // flagged order's audit entry and admin alerts, say) answers NEEDS_PRISMA: rolled back, it
    // runs again, the same code, in Prisma's transaction; expiries and refunds go there at once.
    handled = await writeTransaction(db, processEvent, { hot: HOT_KINDS.has(event.kind) });
  } catch (error) {
    // The transaction rolled back: keep the event (unprocessed, with the error) for the retry.
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await recordPaymentEventFailure(db, {
      stripeEventId: event.id,
      type: event.type,
      ...refs,
      payload,
      error: message,
    }).catch(() => undefined);
    throw error;
  }
  // The payment has committed: a failed wake must not fail the delivery (Stripe would retry an
  // event already processed); the worker's outbox sweep sends the receipt instead.
  await wakeEmailSender(db, wakeAfterCommit).catch(() => undefined);
  return handled;
}

/** Event kinds whose usual path is raw SQL only (`tx.sql`; see `writeTransaction`). */
const HOT_KINDS = new Set<PaymentDomainEvent['kind']>(['checkout-paid', 'unused', 'unreadable']);

/** Outcome of an event signed for this endpoint but from the other Stripe mode. */
function modeMismatch(eventLivemode: boolean): string {
  return eventLivemode
    ? 'flagged: live-mode event for a deployment with test keys; ignored'
    : 'flagged: test-mode event for a deployment with live keys; ignored';
}

async function dispatch(
  tx: WriteTx,
  event: PaymentDomainEvent,
  now: Date,
): Promise<PaymentOutcome | typeof NEEDS_PRISMA> {
  switch (event.kind) {
    case 'checkout-paid':
      return fulfilCheckoutSession(tx, { session: event.session, now });
    case 'checkout-closed':
      if (!tx.prisma) return NEEDS_PRISMA;
      return closeCheckoutSession(tx.prisma, {
        session: event.session,
        status: event.status,
        now,
      });
    case 'charge-refunded':
      if (!tx.prisma) return NEEDS_PRISMA;
      return recordChargeRefunded(tx.prisma, {
        paymentIntentId: event.paymentIntentId,
        fullyRefunded: event.fullyRefunded,
        now,
      });
    case 'unreadable':
      return { orderId: null, outcome: event.problem };
    case 'unused':
      return { orderId: null, outcome: 'event type not used: ignored' };
  }
}
