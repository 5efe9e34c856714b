// toPaymentDomainEvent: Stripe's wire format in, the LMS's payment event out (core never reads
// Stripe objects). The webhook tests in api/src/modules/payments run it end to end.
import { describe, expect, it } from 'vitest';
import type { WebhookEvent } from './gateway';
import { toPaymentDomainEvent } from './payment-event';

function stripeEvent(type: string, object: Record<string, unknown>, livemode = false) {
  return { id: `evt_${type}`, type, livemode, data: { object } } as unknown as WebhookEvent;
}

const session = {
  object: 'checkout.session',
  id: 'cs_test_1',
  status: 'complete',
  payment_status: 'paid',
  amount_total: 4900,
  amount_subtotal: 4900,
  currency: 'usd',
  payment_intent: 'pi_1',
  client_reference_id: 'order-1',
  metadata: { orderId: 'order-1' },
};

describe('toPaymentDomainEvent', () => {
  it('a completed or async-succeeded session is checkout-paid, with the session in the port’s shape', () => {
    for (const type of ['checkout.session.completed', 'checkout.session.async_payment_succeeded']) {
      expect(toPaymentDomainEvent(stripeEvent(type, session, true))).toEqual({
        id: `evt_${type}`,
        type,
        livemode: true,
        checkoutSessionId: 'cs_test_1',
        paymentIntentId: 'pi_1',
        kind: 'checkout-paid',
        session: {
          id: 'cs_test_1',
          status: 'complete',
          paymentStatus: 'paid',
          amountTotal: 4900,
          amountSubtotal: 4900,
          currency: 'usd',
          paymentIntentId: 'pi_1',
          orderId: 'order-1',
          metadata: { orderId: 'order-1' },
        },
      });
    }
  });

  it('an expired session or failed delayed payment is checkout-closed with its status', () => {
    const open = { ...session, status: 'expired', payment_status: 'unpaid', payment_intent: null };
    const expired = toPaymentDomainEvent(stripeEvent('checkout.session.expired', open));
    expect(expired).toMatchObject({
      kind: 'checkout-closed',
      status: 'EXPIRED',
      paymentIntentId: null,
    });
    const failed = toPaymentDomainEvent(stripeEvent('checkout.session.async_payment_failed', open));
    expect(failed).toMatchObject({ kind: 'checkout-closed', status: 'FAILED' });
  });

  it('a session that cannot be read is unreadable, saying why', () => {
    const odd = { ...session, payment_status: 'sideways' };
    expect(toPaymentDomainEvent(stripeEvent('checkout.session.completed', odd))).toMatchObject({
      kind: 'unreadable',
      problem: 'malformed checkout session: Unexpected checkout session payment_status: sideways',
    });
  });

  it('charge.refunded says whether the payment is fully refunded, with its payment intent', () => {
    const charge = { object: 'charge', payment_intent: { id: 'pi_2' }, amount: 4900 };
    const full = toPaymentDomainEvent(
      stripeEvent('charge.refunded', { ...charge, amount_refunded: 4900 }),
    );
    expect(full).toMatchObject({
      kind: 'charge-refunded',
      fullyRefunded: true,
      paymentIntentId: 'pi_2',
      checkoutSessionId: null,
    });
    const part = toPaymentDomainEvent(
      stripeEvent('charge.refunded', { ...charge, amount_refunded: 100 }),
    );
    expect(part).toMatchObject({ kind: 'charge-refunded', fullyRefunded: false });
    const flagged = toPaymentDomainEvent(
      stripeEvent('charge.refunded', { ...charge, refunded: true, amount_refunded: 0 }),
    );
    expect(flagged).toMatchObject({ fullyRefunded: true });
  });

  it('any other type is unused (a refund object still names its payment intent)', () => {
    expect(
      toPaymentDomainEvent(
        stripeEvent('refund.updated', { object: 'refund', payment_intent: 'pi_3' }),
      ),
    ).toEqual({
      id: 'evt_refund.updated',
      type: 'refund.updated',
      livemode: false,
      checkoutSessionId: null,
      paymentIntentId: 'pi_3',
      kind: 'unused',
    });
  });
});
