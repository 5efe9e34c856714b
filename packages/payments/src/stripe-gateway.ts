import Stripe from 'stripe';
import {
  PaymentError,
  PaymentProviderUnavailableError,
  PaymentRequestError,
  WebhookSignatureError,
} from './errors';
import type {
  CheckoutPaymentStatus,
  CheckoutSessionDetails,
  CheckoutSessionStatus,
  CreateCheckoutSessionInput,
  CreatedCheckoutSession,
  PaymentGateway,
  RefundPaymentInput,
  RefundResult,
  RefundStatus,
  WebhookEvent,
} from './gateway';

/** Stripe's default, and what the LMS accepts: a signature older than 5 minutes is refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export interface StripeGatewayOptions {
  /** `sk_test_...` or `sk_live_...` (or a restricted `rk_` key). */
  secretKey: string;
  /** `whsec_...`: the signing secret of the webhook endpoint. */
  webhookSecret: string;
  /** Defaults to api.stripe.com; point it at the local emulator in development and tests. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Per HTTP attempt. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * Retries of the SDK itself on connection errors, 409 and 5xx (safe: every POST carries an
   * idempotency key). Default 1. Note: the SDK retries a reset connection once even at 0.
   */
  maxNetworkRetries?: number;
}

export function createStripeGateway(options: StripeGatewayOptions): PaymentGateway {
  const { secretKey, webhookSecret } = options;
  if (!secretKey) throw new TypeError('createStripeGateway: secretKey is required');
  if (!webhookSecret) throw new TypeError('createStripeGateway: webhookSecret is required');

  const stripe = new Stripe(secretKey, {
    host: options.host,
    port: options.port,
    protocol: options.protocol,
    timeout: options.timeoutMs ?? 10_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 1,
    telemetry: false,
    appInfo: { name: 'medcode-lms' },
  });

  return {
    livemode: /^(sk|rk)_live_/.test(secretKey),
    async createCheckoutSession(input): Promise<CreatedCheckoutSession> {
      validateCheckoutInput(input);
      const metadata = { orderId: input.orderId, ...input.metadata };
      const session = await call(() =>
        stripe.checkout.sessions.create(
          {
            mode: 'payment',
            client_reference_id: input.orderId,
            customer_email: input.customerEmail,
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: input.lineItem.currency,
                  unit_amount: input.lineItem.amountCents,
                  product_data: { name: input.lineItem.name },
                },
              },
            ],
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
            allow_promotion_codes: input.allowPromotionCodes,
            metadata,
            payment_intent_data: { metadata },
            ...(input.expiresAt ? { expires_at: toUnixSeconds(input.expiresAt) } : {}),
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      if (!session.url) {
        throw new PaymentError(`Checkout session ${session.id} came back without a URL`);
      }
      return { id: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000) };
    },

    async retrieveCheckoutSession(id) {
      const session = await call(() => stripe.checkout.sessions.retrieve(id));
      return toCheckoutSessionDetails(session);
    },

    async expireCheckoutSession(id, expireOptions) {
      await call(() =>
        stripe.checkout.sessions.expire(
          id,
          {},
          { idempotencyKey: expireOptions?.idempotencyKey ?? `expire-checkout-session:${id}` },
        ),
      );
    },

    async refundPayment(input: RefundPaymentInput): Promise<RefundResult> {
      const refund = await call(() =>
        stripe.refunds.create(
          {
            payment_intent: input.paymentIntentId,
            ...(input.reason ? { reason: input.reason } : {}),
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return { id: refund.id, status: narrowRefundStatus(refund.status) };
    },

    constructWebhookEvent(rawBody, signatureHeader): WebhookEvent {
      const header = Array.isArray(signatureHeader) ? signatureHeader[0] : signatureHeader;
      if (!header) throw new WebhookSignatureError('Missing Stripe-Signature header');
      if (typeof rawBody !== 'string' && !Buffer.isBuffer(rawBody)) {
        throw new WebhookSignatureError('Webhook body must be the raw request bytes');
      }
      try {
        return stripe.webhooks.constructEvent(
          rawBody,
          header,
          webhookSecret,
          WEBHOOK_TOLERANCE_SECONDS,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new WebhookSignatureError(`Webhook rejected: ${message}`, { cause: error });
      }
    },
  };
}

/** Maps a Stripe checkout session (from the API or a webhook event) to the port's shape. */
export function toCheckoutSessionDetails(session: Stripe.Checkout.Session): CheckoutSessionDetails {
  return {
    id: session.id,
    status: narrow<CheckoutSessionStatus>(
      session.status,
      ['open', 'complete', 'expired'],
      'status',
    ),
    paymentStatus: narrow<CheckoutPaymentStatus>(
      session.payment_status,
      ['paid', 'unpaid', 'no_payment_required'],
      'payment_status',
    ),
    amountTotal: session.amount_total ?? null,
    amountSubtotal: session.amount_subtotal ?? null,
    currency: session.currency ?? null,
    paymentIntentId:
      typeof session.payment_intent === 'string'
        ? session.payment_intent
        : (session.payment_intent?.id ?? null),
    orderId: session.client_reference_id ?? null,
    metadata: { ...(session.metadata ?? {}) },
  };
}

function narrow<T extends string>(value: string | null, allowed: readonly T[], field: string): T {
  if (value !== null && (allowed as readonly string[]).includes(value)) return value as T;
  throw new PaymentError(`Unexpected checkout session ${field}: ${String(value)}`);
}

function narrowRefundStatus(status: string | null): RefundStatus {
  const allowed: readonly RefundStatus[] = [
    'pending',
    'requires_action',
    'succeeded',
    'failed',
    'canceled',
  ];
  return (allowed as readonly string[]).includes(status ?? '')
    ? (status as RefundStatus)
    : 'pending';
}

function toUnixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function validateCheckoutInput(input: CreateCheckoutSessionInput): void {
  const { amountCents, currency } = input.lineItem;
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    throw new TypeError(`amountCents must be a non-negative integer, got ${amountCents}`);
  }
  if (!/^[a-z]{3}$/.test(currency)) {
    throw new TypeError(`currency must be a lower-case ISO 4217 code, got ${currency}`);
  }
  if (!input.idempotencyKey) throw new TypeError('idempotencyKey is required');
}

/** Runs one SDK call and translates its errors into this package's typed errors. */
async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw translateStripeError(error);
  }
}

export function translateStripeError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const statusCode = error.statusCode;
  const requestId = error.requestId;
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return new PaymentProviderUnavailableError(`Stripe is unreachable: ${error.message}`, {
      cause: error,
      requestId,
    });
  }
  if (
    statusCode === undefined ||
    statusCode >= 500 ||
    statusCode === 429 ||
    statusCode === 409 ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    return new PaymentProviderUnavailableError(
      `Stripe is unavailable (HTTP ${statusCode ?? 'n/a'}): ${error.message}`,
      { cause: error, statusCode, requestId },
    );
  }
  return new PaymentRequestError(error.message, {
    cause: error,
    type: error.rawType,
    code: error.code,
    param: error.param,
    statusCode,
    requestId,
  });
}
