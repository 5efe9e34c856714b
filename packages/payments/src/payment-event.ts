import { PaymentError } from './errors';
import type { CheckoutSessionDetails, WebhookEvent } from './gateway';
import { toCheckoutSessionDetails } from './stripe-gateway';

type CheckoutSessionObject = Parameters<typeof toCheckoutSessionDetails>[0];

/** What every payment event carries, whatever it means: enough to store and de-duplicate it. */
export interface PaymentEventEnvelope {
  /** The provider's event id (unique: a redelivery has the same id). */
  id: string;
  /** The provider's event type, e.g. `checkout.session.completed` (stored as is). */
  type: string;
  /** A live-mode event (true) or a test-mode one. */
  livemode: boolean;
  /** The checkout session the event is about, if any. */
  checkoutSessionId: string | null;
  /** The payment intent the event is about, if any (matches a refund to its payment). */
  paymentIntentId: string | null;
}

/**
 * A verified webhook event as the LMS understands it, without the provider's wire format:
 * - `checkout-paid`: a checkout session was paid (completed, or its delayed payment succeeded);
 * - `checkout-closed`: a session will never be paid (it expired, or its delayed payment failed);
 * - `charge-refunded`: a payment was refunded, fully or in part;
 * - `unreadable`: an event of a type the LMS uses whose object could not be read (`problem`);
 * - `unused`: an event type the LMS does not act on.
 */
export type PaymentDomainEvent = PaymentEventEnvelope &
  (
    | { kind: 'checkout-paid'; session: CheckoutSessionDetails }
    | { kind: 'checkout-closed'; session: CheckoutSessionDetails; status: 'EXPIRED' | 'FAILED' }
    | { kind: 'charge-refunded'; fullyRefunded: boolean }
    | { kind: 'unreadable'; problem: string }
    | { kind: 'unused' }
  );

interface ChargeObject {
  payment_intent?: string | { id: string } | null;
  refunded?: boolean;
  amount?: number;
  amount_refunded?: number;
}

/** The checkout session and payment intent an event is about, for lookups and out-of-order matching. */
function eventRefs(
  event: WebhookEvent,
): Pick<PaymentEventEnvelope, 'checkoutSessionId' | 'paymentIntentId'> {
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

/** The event's checkout session in the port's shape, or why it cannot be read. */
function sessionOf(event: WebhookEvent): CheckoutSessionDetails | string {
  try {
    return toCheckoutSessionDetails(event.data.object as CheckoutSessionObject);
  } catch (error) {
    if (error instanceof PaymentError) return `malformed checkout session: ${error.message}`;
    throw error;
  }
}

/** Reads a verified Stripe event (see `PaymentGateway.constructWebhookEvent`) as a domain event. */
export function toPaymentDomainEvent(event: WebhookEvent): PaymentDomainEvent {
  const envelope: PaymentEventEnvelope = {
    id: event.id,
    type: event.type,
    livemode: event.livemode,
    ...eventRefs(event),
  };
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = sessionOf(event);
      return typeof session === 'string'
        ? { ...envelope, kind: 'unreadable', problem: session }
        : { ...envelope, kind: 'checkout-paid', session };
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const session = sessionOf(event);
      if (typeof session === 'string') return { ...envelope, kind: 'unreadable', problem: session };
      const status = event.type === 'checkout.session.expired' ? 'EXPIRED' : 'FAILED';
      return { ...envelope, kind: 'checkout-closed', session, status };
    }
    case 'charge.refunded': {
      const charge = event.data.object as unknown as ChargeObject;
      const fullyRefunded =
        charge.refunded === true ||
        (typeof charge.amount === 'number' &&
          typeof charge.amount_refunded === 'number' &&
          charge.amount_refunded >= charge.amount);
      return { ...envelope, kind: 'charge-refunded', fullyRefunded };
    }
    default:
      return { ...envelope, kind: 'unused' };
  }
}
