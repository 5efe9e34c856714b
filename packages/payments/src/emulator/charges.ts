import type Stripe from 'stripe';
import type { FormValue } from '../form-encoding';
import { HttpError, int, invalidParam, metadata, nowSeconds, randomId, str } from './stripe-params';
import type { EventRequest } from './types';
import type { Webhooks } from './webhooks';

interface ChargeRecord {
  paymentIntent: Record<string, unknown> & { id: string };
  charge: Record<string, unknown> & { id: string; amount: number; amount_refunded: number };
  apiVersion: string;
}

const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

/** Payment intents with their one charge, and refunds against them. */
export class Charges {
  private readonly byPaymentIntent = new Map<string, ChargeRecord>();

  constructor(private readonly webhooks: Webhooks) {}

  /** A paid session's payment intent and charge; returns the payment intent's id. */
  recordPayment(
    session: Stripe.Checkout.Session,
    amount: number,
    paymentIntentMetadata: Record<string, string>,
    apiVersion: string,
  ): string {
    const paymentIntentId = `pi_${randomId(24)}`;
    const chargeId = `ch_${randomId(24)}`;
    const created = nowSeconds();
    this.byPaymentIntent.set(paymentIntentId, {
      apiVersion,
      paymentIntent: {
        id: paymentIntentId,
        object: 'payment_intent',
        amount,
        amount_received: amount,
        currency: session.currency,
        latest_charge: chargeId,
        metadata: paymentIntentMetadata,
        status: 'succeeded',
        created,
        livemode: false,
      },
      charge: {
        id: chargeId,
        object: 'charge',
        amount,
        amount_captured: amount,
        amount_refunded: 0,
        captured: true,
        created,
        currency: session.currency,
        livemode: false,
        metadata: {},
        paid: true,
        payment_intent: paymentIntentId,
        receipt_email: session.customer_email,
        refunded: false,
        status: 'succeeded',
      },
    });
    return paymentIntentId;
  }

  /** `POST /v1/refunds`: by payment intent or charge, all or part of what is left. */
  refund(params: Record<string, FormValue>, request: EventRequest): Record<string, unknown> {
    const record = this.find(params);
    const { charge } = record;
    const refundable = charge.amount - charge.amount_refunded;
    if (refundable <= 0) {
      throw new HttpError(
        400,
        'invalid_request_error',
        `Charge ${charge.id} has already been refunded.`,
        { code: 'charge_already_refunded' },
      );
    }
    const amount = params.amount === undefined ? refundable : int(params.amount, 'amount', 1);
    if (amount > refundable) {
      throw invalidParam(
        'amount',
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${refundable}).`,
      );
    }
    const reason = str(params.reason, 'reason', false) || null;
    if (reason && !REFUND_REASONS.includes(reason)) {
      throw invalidParam('reason', `Invalid reason: ${reason}.`);
    }
    const refund = {
      id: `re_${randomId(24)}`,
      object: 'refund',
      amount,
      charge: charge.id,
      created: nowSeconds(),
      currency: charge.currency,
      metadata: metadata(params.metadata, 'metadata'),
      payment_intent: charge.payment_intent,
      reason,
      status: 'succeeded',
    };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    this.webhooks.emit('charge.refunded', charge, record.apiVersion, request);
    this.webhooks.emit('refund.created', refund, record.apiVersion, request);
    return refund;
  }

  private find(params: Record<string, FormValue>): ChargeRecord {
    if (params.payment_intent !== undefined) {
      const id = str(params.payment_intent, 'payment_intent', true);
      const record = this.byPaymentIntent.get(id);
      if (!record) {
        throw new HttpError(400, 'invalid_request_error', `No such payment_intent: '${id}'`, {
          code: 'resource_missing',
          param: 'payment_intent',
        });
      }
      return record;
    }
    if (params.charge !== undefined) {
      const id = str(params.charge, 'charge', true);
      const record = [...this.byPaymentIntent.values()].find((entry) => entry.charge.id === id);
      if (!record) {
        throw new HttpError(400, 'invalid_request_error', `No such charge: '${id}'`, {
          code: 'resource_missing',
          param: 'charge',
        });
      }
      return record;
    }
    throw invalidParam('payment_intent', 'One of `payment_intent` or `charge` is required.');
  }
}
