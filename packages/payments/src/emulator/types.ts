import type Stripe from 'stripe';

export interface PromotionCodeRule {
  /** 1–100. */
  percentOff?: number;
  /** Integer minor units, same currency as the session. */
  amountOffCents?: number;
}

export interface StripeEmulatorOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /** Default 127.0.0.1 (never all interfaces unless asked). */
  host?: string;
  /** Where events are POSTed, e.g. http://127.0.0.1:4000/webhooks/stripe. */
  webhookUrl: string;
  /** The `whsec_...` secret the receiver verifies with. */
  webhookSecret: string;
  /** Base of the hosted checkout URL handed to browsers; default the emulator's own URL. */
  publicBaseUrl?: string;
  /** Pass `NODE_ENV === 'production'`: the emulator then refuses to start. */
  production?: boolean;
  /** Codes accepted on the checkout page, case-insensitive. Default `{ COURSE20: 20 % off }`. */
  promotionCodes?: Record<string, PromotionCodeRule>;
  /** Webhook delivery: attempts in all (default 4), first backoff (default 200 ms, doubling), per-attempt timeout (default 5 000 ms). */
  webhookRetry?: { attempts?: number; baseDelayMs?: number; timeoutMs?: number };
}

export interface FailureMode {
  /** HTTP status answered to API calls. Default 500 (unless only `delayMs` is given). */
  status?: number;
  /** Wait this long before answering (simulates a slow or hanging Stripe). */
  delayMs?: number;
  /** How many API requests are affected; default all until cleared. */
  times?: number;
}

export interface WebhookDelivery {
  eventId: string;
  type: string;
  attempt: number;
  /** HTTP status from the receiver, or null when the request failed (refused, timeout). */
  status: number | null;
  error?: string;
  at: Date;
}

/** One REST API request the emulator answered (tests check idempotency keys with it). */
export interface ApiRequestRecord {
  method: string;
  path: string;
  /** The `Idempotency-Key` header of a POST, or null. */
  idempotencyKey: string | null;
  status: number;
  /** True when the answer was replayed from an earlier request with the same key. */
  replayed: boolean;
  at: Date;
}

export interface CompletedCheckout {
  session: Stripe.Checkout.Session;
  /** success_url with {CHECKOUT_SESSION_ID} substituted. */
  redirectUrl: string;
}

export interface StripeEmulator {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Spread into createStripeGateway(): `{ host, port, protocol: 'http' }`. */
  readonly apiOptions: { host: string; port: number; protocol: 'http' };
  /** Every event created so far, oldest first. */
  readonly events: readonly Stripe.Event[];
  /** Every webhook delivery attempt so far. */
  readonly deliveries: readonly WebhookDelivery[];
  /** Every REST API request answered so far, oldest first. */
  readonly requests: readonly ApiRequestRecord[];
  /** Make the next API calls fail or hang; `null` restores normal service. */
  setFailureMode(mode: FailureMode | null): void;
  /** Deliver each event n times, concurrently (default 1). */
  setDuplicateDeliveries(n: number): void;
  /** Deliver an existing event again (freshly signed). Resolves when delivery settled. */
  resendEvent(id: string): Promise<void>;
  /** Create and deliver an arbitrary event, e.g. for out-of-order scenarios. */
  sendEvent(type: string, object: Record<string, unknown>): Promise<Stripe.Event>;
  /** Pay an open session without the HTML page (what the Pay button does). */
  completeCheckoutSession(id: string, options?: { promotionCode?: string }): CompletedCheckout;
  /** Resolves once every pending webhook delivery (with its retries) has settled. */
  waitForDeliveries(): Promise<void>;
  stop(): Promise<void>;
}

/** Stripe's `request` field on an event: which API request caused it. */
export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}
