import Stripe from 'stripe';

/**
 * A `Stripe-Signature` header for a payload, made exactly as Stripe makes it (for tests and
 * tools that send their own webhook requests). `timestamp` in Unix seconds, default now.
 */
export function signWebhookPayload(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
}
