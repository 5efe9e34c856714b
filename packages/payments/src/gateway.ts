import type Stripe from 'stripe';

/** A verified Stripe webhook event (the SDK's own type). */
export type WebhookEvent = Stripe.Event;

export type CheckoutSessionStatus = 'open' | 'complete' | 'expired';
export type CheckoutPaymentStatus = 'paid' | 'unpaid' | 'no_payment_required';
export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';
export type RefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

export interface CheckoutLineItem {
  /** Shown on the hosted checkout page and the receipt, e.g. the course title. */
  name: string;
  /** Integer minor units (cents). */
  amountCents: number;
  /** ISO 4217, lower case, e.g. `usd`. */
  currency: string;
}

export interface CreateCheckoutSessionInput {
  /** The LMS order id; sent as `client_reference_id` and as `metadata.orderId`. */
  orderId: string;
  customerEmail: string;
  lineItem: CheckoutLineItem;
  /** May contain `{CHECKOUT_SESSION_ID}`, which the provider substitutes. */
  successUrl: string;
  cancelUrl: string;
  allowPromotionCodes: boolean;
  /** String values only (Stripe's rule); copied to the session and its payment intent. */
  metadata: Record<string, string>;
  /** Same key → same session, even when the request is retried after a timeout. */
  idempotencyKey: string;
  /** Between 30 minutes and 24 hours from now (Stripe's rule). Default: 24 hours. */
  expiresAt?: Date;
}

export interface CreatedCheckoutSession {
  id: string;
  /** The hosted checkout page to redirect the buyer to. */
  url: string;
  expiresAt: Date;
}

export interface CheckoutSessionDetails {
  id: string;
  status: CheckoutSessionStatus;
  paymentStatus: CheckoutPaymentStatus;
  /** Integer cents after discounts; null only when the provider has not computed it. */
  amountTotal: number | null;
  /** Integer cents before discounts. */
  amountSubtotal: number | null;
  currency: string | null;
  /** Set once paid (null for sessions that needed no payment). */
  paymentIntentId: string | null;
  /** `client_reference_id`: the LMS order id. */
  orderId: string | null;
  metadata: Record<string, string>;
}

export interface RefundPaymentInput {
  paymentIntentId: string;
  reason?: RefundReason;
  idempotencyKey: string;
}

export interface RefundResult {
  id: string;
  status: RefundStatus;
}

/** What the LMS needs from a payment provider: hosted checkout, refunds, signed webhooks. */
export interface PaymentGateway {
  /** True for live keys (sk_live_…/rk_live_…): events must then be live-mode, else test-mode. */
  readonly livemode: boolean;
  createCheckoutSession(input: CreateCheckoutSessionInput): Promise<CreatedCheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<CheckoutSessionDetails>;
  /** Ends an open session so it can no longer be paid. Fails for a completed session. */
  expireCheckoutSession(id: string, options?: { idempotencyKey?: string }): Promise<void>;
  refundPayment(input: RefundPaymentInput): Promise<RefundResult>;
  /**
   * Verifies the `Stripe-Signature` header against the raw request body (bytes exactly as
   * received, never re-serialised JSON) and returns the event. Throws WebhookSignatureError.
   */
  constructWebhookEvent(
    rawBody: Buffer | string,
    signatureHeader: string | string[] | null | undefined,
  ): WebhookEvent;
}
