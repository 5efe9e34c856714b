import type { Db } from '@lms/db';
import { PaymentError, toCheckoutSessionDetails, type WebhookEvent } from '@lms/payments';
import type { DbOrTx } from '../db/tx';
import { closeCheckoutSession } from './close-checkout-session';
import { fulfilCheckoutSession, type PaymentOutcome } from './fulfil-checkout-session';
import { recordChargeRefunded } from './record-charge-refunded';
import { markPaymentEventProcessed, recordPaymentEvent, recordPaymentEventFailure } from './sql';

export interface HandledEvent extends PaymentOutcome {
  /** True when this event id had been processed before (a duplicate delivery). */
  duplicate: boolean;
}

type CheckoutSessionObject = Parameters<typeof toCheckoutSessionDetails>[0];

interface ChargeObject {
  payment_intent?: string | { id: string } | null;
  refunded?: boolean;
  amount?: number;
  amount_refunded?: number;
}

/** The checkout session and payment intent an event is about, for lookups and out-of-order matching. */
function eventRefs(event: WebhookEvent): {
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
} {
  const object = event.data.object as unknown as { object?: string; id?: string } & Record<
    string,
    unknown
  >;
  const intent = (value: unknown) =>
    typeof value === 'string'
      ? value
      : value && typeof value === 'object' && 'id' in value
        ? String((value as { id: unknown }).id)
        : null;
  if (object.object === 'checkout.session') {
    return {
      checkoutSessionId: typeof object.id === 'string' ? object.id : null,
      paymentIntentId: intent(object.payment_intent),
    };
  }
  if (object.object === 'charge' || object.object === 'refund') {
    return { checkoutSessionId: null, paymentIntentId: intent(object.payment_intent) };
  }
  return { checkoutSessionId: null, paymentIntentId: null };
}

/**
 * A verified Stripe webhook event. In one transaction: the event id is recorded (unique;
 * INSERT … ON CONFLICT, which also locks the row, so concurrent duplicate deliveries wait and
 * then see it processed) before anything is done; then the event is processed and marked
 * processed. Processing and `processedAt` commit together: a crash half-way rolls both back,
 * the event is kept unprocessed with the error, and the caller answers 5xx, so Stripe's next
 * delivery processes it (exactly once).
 */
export async function handleStripeEvent(options: {
  db: Db;
  event: WebhookEvent;
  /** The verified request body, stored as the payload (saves re-serialising the event). */
  rawBody?: string;
  /** The deployment's mode (its Stripe key): an event of the other mode is flagged, not applied. */
  livemode?: boolean;
  now?: Date;
}): Promise<HandledEvent> {
  const { db, event } = options;
  const refs = eventRefs(event);
  const payload = options.rawBody ?? JSON.stringify(event);
  try {
    return await db.$transaction(async (tx) => {
      // Record the event id (unique) and lock its row in one statement. A concurrent duplicate
      // waits here until the first delivery commits, then sees it processed.
      const [row] = await recordPaymentEvent(tx, {
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
      await markPaymentEventProcessed(tx, event.id, { ...result, now });
      return { ...result, duplicate: false };
    });
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
}

/** Outcome of an event signed for this endpoint but from the other Stripe mode. */
function modeMismatch(eventLivemode: boolean): string {
  return eventLivemode
    ? 'flagged: live-mode event for a deployment with test keys; ignored'
    : 'flagged: test-mode event for a deployment with live keys; ignored';
}

async function dispatch(tx: DbOrTx, event: WebhookEvent, now: Date): Promise<PaymentOutcome> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = sessionOf(event);
      if (typeof session === 'string') return { orderId: null, outcome: session };
      return fulfilCheckoutSession(tx, { session, now });
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const session = sessionOf(event);
      if (typeof session === 'string') return { orderId: null, outcome: session };
      return closeCheckoutSession(tx, {
        session,
        status: event.type === 'checkout.session.expired' ? 'EXPIRED' : 'FAILED',
        now,
      });
    }
    case 'charge.refunded': {
      const charge = event.data.object as unknown as ChargeObject;
      const fullyRefunded =
        charge.refunded === true ||
        (typeof charge.amount === 'number' &&
          typeof charge.amount_refunded === 'number' &&
          charge.amount_refunded >= charge.amount);
      return recordChargeRefunded(tx, {
        paymentIntentId: eventRefs(event).paymentIntentId,
        fullyRefunded,
        now,
      });
    }
    default:
      return { orderId: null, outcome: 'event type not used: ignored' };
  }
}

/** The event's checkout session in the port's shape, or why it cannot be read. */
function sessionOf(event: WebhookEvent) {
  try {
    return toCheckoutSessionDetails(event.data.object as CheckoutSessionObject);
  } catch (error) {
    if (error instanceof PaymentError) return `malformed checkout session: ${error.message}`;
    throw error;
  }
}
