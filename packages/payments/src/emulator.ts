import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { renderCheckoutPage, renderMessagePage } from './emulator-page';
import { type FormValue, parseStripeForm } from './form-encoding';

// A small, stateful stand-in for the parts of Stripe the LMS uses: hosted Checkout (one line
// item, promotion codes), refunds, and signed webhooks with retries. In memory, one process:
// for development and tests only, and it refuses to start in production.

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

interface SessionRecord {
  session: Stripe.Checkout.Session;
  productName: string;
  unitAmount: number;
  quantity: number;
  paymentIntentMetadata: Record<string, string>;
  promotionCode: string | null;
  apiVersion: string;
}

interface ChargeRecord {
  paymentIntent: Record<string, unknown> & { id: string };
  charge: Record<string, unknown> & { id: string; amount: number; amount_refunded: number };
  apiVersion: string;
}

interface IdempotentResult {
  fingerprint: string;
  status: number;
  body: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: { code?: string; param?: string } = {},
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 1_000_000;
const DEFAULT_PROMOTION_CODES: Record<string, PromotionCodeRule> = { COURSE20: { percentOff: 20 } };
const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  if (options.production) {
    throw new Error(
      'The Stripe emulator refuses to run in production: configure real Stripe keys instead.',
    );
  }
  if (!options.webhookUrl) throw new TypeError('startStripeEmulator: webhookUrl is required');
  if (!options.webhookSecret) throw new TypeError('startStripeEmulator: webhookSecret is required');

  const promotionCodes = new Map<string, PromotionCodeRule>();
  for (const [code, rule] of Object.entries(options.promotionCodes ?? DEFAULT_PROMOTION_CODES)) {
    promotionCodes.set(code.toUpperCase(), rule);
  }
  const retry = {
    attempts: Math.max(1, options.webhookRetry?.attempts ?? 4),
    baseDelayMs: options.webhookRetry?.baseDelayMs ?? 200,
    timeoutMs: options.webhookRetry?.timeoutMs ?? 5_000,
  };

  const sessions = new Map<string, SessionRecord>();
  const charges = new Map<string, ChargeRecord>(); // by payment intent id
  const idempotency = new Map<string, IdempotentResult>();
  const events: Stripe.Event[] = [];
  const deliveries: WebhookDelivery[] = [];
  const requests: ApiRequestRecord[] = [];
  const pending = new Set<Promise<void>>();
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let failure: (Required<Pick<FailureMode, 'delayMs'>> & FailureMode & { left: number }) | null =
    null;
  let duplicates = 1;
  let stopped = false;
  const stopController = new AbortController();
  let publicBaseUrl = '';

  const now = () => Math.floor(Date.now() / 1000);

  // ---------------------------------------------------------------- events and webhooks

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      timers.add(entry);
    });
  }

  function createEvent(
    type: string,
    object: Record<string, unknown>,
    apiVersion: string,
    request: { id: string | null; idempotency_key: string | null } = {
      id: null,
      idempotency_key: null,
    },
  ): Stripe.Event {
    const event = {
      id: `evt_${randomId(24)}`,
      object: 'event',
      api_version: apiVersion,
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request,
      type,
    } as unknown as Stripe.Event;
    events.push(event);
    return event;
  }

  async function deliverOnce(event: Stripe.Event): Promise<void> {
    const payload = JSON.stringify(event, null, 2);
    for (let attempt = 1; attempt <= retry.attempts && !stopped; attempt += 1) {
      const signature = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.webhookSecret,
      });
      let status: number | null = null;
      let error: string | undefined;
      try {
        const response = await fetch(options.webhookUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'stripe-signature': signature,
            'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          },
          body: payload,
          signal: AbortSignal.any([AbortSignal.timeout(retry.timeoutMs), stopController.signal]),
        });
        status = response.status;
        await response.arrayBuffer().catch(() => undefined);
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
      deliveries.push({
        eventId: event.id,
        type: event.type,
        attempt,
        status,
        error,
        at: new Date(),
      });
      if (status !== null && status >= 200 && status < 300) return;
      if (attempt < retry.attempts) await sleep(retry.baseDelayMs * 2 ** (attempt - 1));
    }
  }

  function dispatch(event: Stripe.Event): Promise<void> {
    const copies = Array.from({ length: duplicates }, () => deliverOnce(event));
    const all = Promise.all(copies).then(() => undefined);
    pending.add(all);
    void all.finally(() => pending.delete(all));
    return all;
  }

  // ---------------------------------------------------------------- domain

  function findSession(id: string): SessionRecord {
    const record = sessions.get(id);
    if (!record) {
      throw new HttpError(404, 'invalid_request_error', `No such checkout.session: '${id}'`, {
        code: 'resource_missing',
        param: 'session',
      });
    }
    // Sessions past expires_at expire lazily, as they would on Stripe's side.
    if (record.session.status === 'open' && record.session.expires_at <= now()) {
      expire(record);
    }
    return record;
  }

  function expire(record: SessionRecord, request?: { id: string; idempotency_key: string | null }) {
    record.session.status = 'expired';
    record.session.url = null;
    void dispatch(
      createEvent(
        'checkout.session.expired',
        record.session as unknown as Record<string, unknown>,
        record.apiVersion,
        request,
      ),
    );
  }

  function discountFor(record: SessionRecord, code: string | null): number {
    const subtotal = record.unitAmount * record.quantity;
    if (!code) return 0;
    const rule = promotionCodes.get(code.toUpperCase());
    if (!rule) return 0;
    const percent = rule.percentOff ? Math.round((subtotal * rule.percentOff) / 100) : 0;
    const fixed = rule.amountOffCents ?? 0;
    return Math.min(subtotal, percent + fixed);
  }

  function applyPromotionCode(record: SessionRecord, rawCode: string): void {
    const code = rawCode.trim().toUpperCase();
    if (!record.session.allow_promotion_codes) {
      throw new HttpError(400, 'invalid_request_error', 'Promotion codes are not enabled.');
    }
    if (!promotionCodes.has(code)) {
      throw new HttpError(400, 'invalid_request_error', 'This code is invalid.', {
        code: 'promotion_code_invalid',
      });
    }
    record.promotionCode = code;
    const subtotal = record.unitAmount * record.quantity;
    const discount = discountFor(record, code);
    record.session.amount_total = subtotal - discount;
    record.session.total_details = {
      amount_discount: discount,
      amount_shipping: 0,
      amount_tax: 0,
    };
    record.session.discounts = [
      { coupon: null, promotion_code: `promo_${code.toLowerCase()}` },
    ] as unknown as Stripe.Checkout.Session['discounts'];
  }

  function completeCheckout(id: string, promotionCode?: string): CompletedCheckout {
    const record = findSession(id);
    if (record.session.status !== 'open') {
      throw new HttpError(
        400,
        'invalid_request_error',
        `This Checkout Session is ${record.session.status} and can no longer be paid.`,
        { code: 'checkout_session_not_open' },
      );
    }
    if (promotionCode?.trim()) applyPromotionCode(record, promotionCode);
    const session = record.session;
    const amount = session.amount_total ?? 0;
    session.status = 'complete';
    session.url = null;
    session.customer_details = {
      email: session.customer_email,
    } as Stripe.Checkout.Session.CustomerDetails;
    if (amount > 0) {
      const paymentIntentId = `pi_${randomId(24)}`;
      const chargeId = `ch_${randomId(24)}`;
      const created = now();
      session.payment_status = 'paid';
      session.payment_intent = paymentIntentId;
      charges.set(paymentIntentId, {
        apiVersion: record.apiVersion,
        paymentIntent: {
          id: paymentIntentId,
          object: 'payment_intent',
          amount,
          amount_received: amount,
          currency: session.currency,
          latest_charge: chargeId,
          metadata: record.paymentIntentMetadata,
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
    } else {
      session.payment_status = 'no_payment_required';
    }
    void dispatch(
      createEvent(
        'checkout.session.completed',
        session as unknown as Record<string, unknown>,
        record.apiVersion,
      ),
    );
    return {
      session: structuredClone(session),
      redirectUrl: (session.success_url ?? '').replaceAll('{CHECKOUT_SESSION_ID}', session.id),
    };
  }

  function createCheckoutSession(
    params: Record<string, FormValue>,
    apiVersion: string,
  ): Stripe.Checkout.Session {
    const mode = str(params.mode, 'mode', true);
    if (mode !== 'payment') {
      throw invalidParam('mode', 'The emulator supports only mode=payment.');
    }
    const lineItems = params.line_items;
    if (!Array.isArray(lineItems) || lineItems.length !== 1) {
      throw invalidParam('line_items', 'The emulator supports exactly one line item.');
    }
    const item = obj(lineItems[0], 'line_items[0]');
    const priceData = obj(item.price_data, 'line_items[0][price_data]');
    const productData = obj(priceData.product_data, 'line_items[0][price_data][product_data]');
    const currency = str(priceData.currency, 'line_items[0][price_data][currency]', true);
    if (!/^[a-z]{3}$/.test(currency)) {
      throw invalidParam('line_items[0][price_data][currency]', `Invalid currency: ${currency}.`);
    }
    const unitAmount = int(priceData.unit_amount, 'line_items[0][price_data][unit_amount]', 0);
    const quantity = int(item.quantity, 'line_items[0][quantity]', 1);
    const productName = str(
      productData.name,
      'line_items[0][price_data][product_data][name]',
      true,
    );
    const successUrl = str(params.success_url, 'success_url', true);
    const cancelUrl = str(params.cancel_url, 'cancel_url', false) || null;
    for (const [param, value] of [
      ['success_url', successUrl],
      ['cancel_url', cancelUrl],
    ] as const) {
      if (value !== null && !URL.canParse(value)) throw invalidParam(param, 'Not a valid URL.');
    }
    const created = now();
    let expiresAt = created + MAX_EXPIRY_SECONDS;
    if (params.expires_at !== undefined) {
      expiresAt = int(params.expires_at, 'expires_at', 0);
      const delta = expiresAt - created;
      if (delta < MIN_EXPIRY_SECONDS - 5 || delta > MAX_EXPIRY_SECONDS + 5) {
        throw invalidParam(
          'expires_at',
          'The `expires_at` timestamp must be between 30 minutes and 24 hours from now.',
        );
      }
    }
    const id = `cs_test_${randomId(40)}`;
    const subtotal = unitAmount * quantity;
    const session = {
      id,
      object: 'checkout.session',
      allow_promotion_codes: bool(params.allow_promotion_codes),
      amount_subtotal: subtotal,
      amount_total: subtotal,
      cancel_url: cancelUrl,
      client_reference_id: str(params.client_reference_id, 'client_reference_id', false) || null,
      created,
      currency,
      customer: null,
      customer_details: null,
      customer_email: str(params.customer_email, 'customer_email', false) || null,
      discounts: [],
      expires_at: expiresAt,
      livemode: false,
      metadata: metadata(params.metadata, 'metadata'),
      mode: 'payment',
      payment_intent: null,
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      status: 'open',
      success_url: successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      url: `${publicBaseUrl}/checkout/${id}`,
    } as unknown as Stripe.Checkout.Session;
    const intentData =
      params.payment_intent_data === undefined
        ? {}
        : obj(params.payment_intent_data, 'payment_intent_data');
    sessions.set(id, {
      session,
      productName,
      unitAmount,
      quantity,
      paymentIntentMetadata: metadata(intentData.metadata, 'payment_intent_data[metadata]'),
      promotionCode: null,
      apiVersion,
    });
    return session;
  }

  function createRefund(
    params: Record<string, FormValue>,
    request: { id: string; idempotency_key: string | null },
  ): Record<string, unknown> {
    let record: ChargeRecord | undefined;
    if (params.payment_intent !== undefined) {
      const id = str(params.payment_intent, 'payment_intent', true);
      record = charges.get(id);
      if (!record) {
        throw new HttpError(400, 'invalid_request_error', `No such payment_intent: '${id}'`, {
          code: 'resource_missing',
          param: 'payment_intent',
        });
      }
    } else if (params.charge !== undefined) {
      const id = str(params.charge, 'charge', true);
      record = [...charges.values()].find((entry) => entry.charge.id === id);
      if (!record) {
        throw new HttpError(400, 'invalid_request_error', `No such charge: '${id}'`, {
          code: 'resource_missing',
          param: 'charge',
        });
      }
    } else {
      throw invalidParam('payment_intent', 'One of `payment_intent` or `charge` is required.');
    }
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
    if (reason && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason)) {
      throw invalidParam('reason', `Invalid reason: ${reason}.`);
    }
    const refund = {
      id: `re_${randomId(24)}`,
      object: 'refund',
      amount,
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      metadata: metadata(params.metadata, 'metadata'),
      payment_intent: charge.payment_intent,
      reason,
      status: 'succeeded',
    };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    void dispatch(createEvent('charge.refunded', charge, record.apiVersion, request));
    void dispatch(createEvent('refund.created', refund, record.apiVersion, request));
    return refund;
  }

  // ---------------------------------------------------------------- HTTP: the REST API

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string) {
    const requestId = `req_${randomId(14)}`;
    const apiVersion = header(req, 'stripe-version') ?? Stripe.API_VERSION;
    const idempotencyKey = req.method === 'POST' ? header(req, 'idempotency-key') : null;
    const send = (status: number, body: string, replayed = false) => {
      requests.push({
        method: req.method ?? 'GET',
        path,
        idempotencyKey,
        status,
        replayed,
        at: new Date(),
      });
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': requestId,
        'stripe-version': apiVersion,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
      res.end(body);
    };
    const sendError = (error: HttpError) =>
      send(
        error.status,
        JSON.stringify({
          error: {
            type: error.type,
            message: error.message,
            ...(error.extra.code ? { code: error.extra.code } : {}),
            ...(error.extra.param ? { param: error.extra.param } : {}),
            request_log_url: `${publicBaseUrl}/logs/${requestId}`,
          },
        }),
      );

    const rawBody = await readBody(req);

    if (failure && failure.left > 0) {
      failure.left -= 1;
      const { delayMs, status } = failure;
      if (failure.left <= 0) failure = null;
      if (delayMs > 0) await sleep(delayMs);
      if (res.destroyed || stopped) return;
      if (status !== undefined) {
        return sendError(
          new HttpError(status, 'api_error', 'The emulator is simulating a Stripe outage.'),
        );
      }
    }

    const key = authKey(req);
    if (!key) {
      return sendError(
        new HttpError(
          401,
          'invalid_request_error',
          'You did not provide an API key. Use a Bearer sk_test_... key.',
        ),
      );
    }
    if (!/^(sk|rk)_test_/.test(key)) {
      return sendError(
        new HttpError(
          401,
          'invalid_request_error',
          'Invalid API Key provided: the Stripe emulator only accepts test-mode keys (sk_test_...).',
        ),
      );
    }

    const fingerprint = `${req.method} ${path} ${rawBody}`;
    if (idempotencyKey) {
      const saved = idempotency.get(idempotencyKey);
      if (saved) {
        if (saved.fingerprint !== fingerprint) {
          return sendError(
            new HttpError(
              400,
              'idempotency_error',
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            ),
          );
        }
        return send(saved.status, saved.body, true);
      }
    }

    let status = 200;
    let body: string;
    try {
      const contentType = header(req, 'content-type') ?? '';
      if (rawBody && !contentType.startsWith('application/x-www-form-urlencoded')) {
        throw new HttpError(
          400,
          'invalid_request_error',
          'Request bodies must be application/x-www-form-urlencoded.',
        );
      }
      const params = parseStripeForm(rawBody);
      const request = { id: requestId, idempotency_key: idempotencyKey };
      body = JSON.stringify(route(req.method ?? 'GET', path, params, apiVersion, request));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      status = error.status;
      body = JSON.stringify({
        error: {
          type: error.type,
          message: error.message,
          ...(error.extra.code ? { code: error.extra.code } : {}),
          ...(error.extra.param ? { param: error.extra.param } : {}),
        },
      });
    }
    // Stripe saves the result (success or 4xx) of a request that started executing.
    if (idempotencyKey) idempotency.set(idempotencyKey, { fingerprint, status, body });
    send(status, body);
  }

  function route(
    method: string,
    path: string,
    params: Record<string, FormValue>,
    apiVersion: string,
    request: { id: string; idempotency_key: string | null },
  ): unknown {
    let match: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      return createCheckoutSession(params, apiVersion);
    }
    match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) {
      return findSession(decodeURIComponent(match[1] as string)).session;
    }
    match = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === 'POST' && match) {
      const record = findSession(decodeURIComponent(match[1] as string));
      if (record.session.status !== 'open') {
        throw new HttpError(
          400,
          'invalid_request_error',
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${record.session.status}".`,
        );
      }
      expire(record, request);
      return record.session;
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return createRefund(params, request);
    }
    throw new HttpError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${method}: ${path}). The Stripe emulator implements only what the LMS uses.`,
    );
  }

  // ---------------------------------------------------------------- HTTP: hosted checkout

  async function handleCheckout(req: IncomingMessage, res: ServerResponse, path: string) {
    const match = /^\/checkout\/([^/]+)(?:\/(pay|cancel|promotion))?$/.exec(path);
    const html = (status: number, body: string) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    };
    const redirect = (location: string) => {
      res.writeHead(303, { location, 'cache-control': 'no-store' });
      res.end();
    };
    const id = match ? decodeURIComponent(match[1] as string) : '';
    const action = match?.[2];
    const record = sessions.get(id);
    if (!match || !record) {
      return html(
        404,
        renderMessagePage('Checkout not found', 'This payment link does not exist.'),
      );
    }
    try {
      findSession(id); // lazy expiry
    } catch {
      // unreachable: the record exists
    }
    const page = (status: number, error: string | null, input: string) =>
      html(
        status,
        renderCheckoutPage({
          sessionId: id,
          productName: record.productName,
          customerEmail: record.session.customer_email,
          currency: record.session.currency ?? 'usd',
          amountSubtotal: record.session.amount_subtotal ?? 0,
          amountDiscount: record.session.total_details?.amount_discount ?? 0,
          amountTotal: record.session.amount_total ?? 0,
          allowPromotionCodes: record.session.allow_promotion_codes === true,
          appliedPromotionCode: record.promotionCode,
          promotionCodeInput: input,
          error,
        }),
      );

    if (req.method === 'GET' && !action) {
      if (record.session.status !== 'open') return closedPage(record, html);
      return page(200, null, record.promotionCode ?? '');
    }
    if (req.method !== 'POST' || !action) {
      res.writeHead(405, { allow: 'GET, POST' });
      return res.end();
    }
    const form = new URLSearchParams(await readBody(req));
    if (action === 'cancel') {
      // As on Stripe, leaving the page does not expire the session.
      return redirect(record.session.cancel_url ?? publicBaseUrl);
    }
    if (record.session.status !== 'open') return closedPage(record, html, 409);
    const code = form.get('promotion_code')?.trim() ?? '';
    if (action === 'promotion') {
      if (!code) return page(422, 'Enter a promotion code.', '');
      try {
        applyPromotionCode(record, code);
      } catch (error) {
        if (error instanceof HttpError) return page(422, error.message, code);
        throw error;
      }
      return redirect(`/checkout/${encodeURIComponent(id)}`);
    }
    // action === 'pay'
    try {
      const sameAsApplied = code.toUpperCase() === (record.promotionCode ?? '');
      const { redirectUrl } = completeCheckout(id, code && !sameAsApplied ? code : undefined);
      return redirect(redirectUrl);
    } catch (error) {
      if (error instanceof HttpError) return page(422, error.message, code);
      throw error;
    }
  }

  function closedPage(
    record: SessionRecord,
    html: (status: number, body: string) => void,
    status = 200,
  ) {
    if (record.session.status === 'complete') {
      return html(
        status,
        renderMessagePage('Already paid', 'This checkout has been completed.', {
          href: (record.session.success_url ?? '').replaceAll(
            '{CHECKOUT_SESSION_ID}',
            record.session.id,
          ),
          text: 'Continue',
        }),
      );
    }
    return html(
      status === 200 ? 410 : status,
      renderMessagePage(
        'Checkout expired',
        'This checkout session has expired. Go back and start the purchase again.',
        record.session.cancel_url
          ? { href: record.session.cancel_url, text: 'Go back' }
          : undefined,
      ),
    );
  }

  // ---------------------------------------------------------------- server

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    const handler = path.startsWith('/v1/') ? handleApi : handleCheckout;
    handler(req, res, path).catch((error: unknown) => {
      if (error instanceof HttpError && error.status === 413) {
        res.writeHead(413).end();
        return;
      }
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: {
              type: 'api_error',
              message: `Emulator error: ${error instanceof Error ? error.message : String(error)}`,
            },
          }),
        );
      } else {
        res.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;
  publicBaseUrl = (options.publicBaseUrl ?? url).replace(/\/+$/, '');

  return {
    url,
    host,
    port: address.port,
    apiOptions: { host, port: address.port, protocol: 'http' },
    get events() {
      return [...events];
    },
    get deliveries() {
      return [...deliveries];
    },
    get requests() {
      return [...requests];
    },
    setFailureMode(mode) {
      if (!mode) {
        failure = null;
        return;
      }
      const status =
        mode.status ?? (mode.delayMs !== undefined && mode.delayMs > 0 ? undefined : 500);
      failure = {
        ...mode,
        status,
        delayMs: mode.delayMs ?? 0,
        left: mode.times ?? Number.POSITIVE_INFINITY,
      };
    },
    setDuplicateDeliveries(n) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError('Duplicate deliveries must be >= 1');
      duplicates = n;
    },
    async resendEvent(id) {
      const event = events.find((candidate) => candidate.id === id);
      if (!event) throw new Error(`No such event: ${id}`);
      await dispatch(event);
    },
    async sendEvent(type, object) {
      const event = createEvent(type, object, Stripe.API_VERSION);
      await dispatch(event);
      return event;
    },
    completeCheckoutSession(id, completeOptions) {
      try {
        return completeCheckout(id, completeOptions?.promotionCode);
      } catch (error) {
        if (error instanceof HttpError) throw new Error(error.message);
        throw error;
      }
    },
    async waitForDeliveries() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async stop() {
      stopped = true;
      stopController.abort();
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      timers.clear();
      await Promise.allSettled([...pending]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// ------------------------------------------------------------------ helpers

function randomId(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function authKey(req: IncomingMessage): string | null {
  const value = header(req, 'authorization');
  if (!value) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(value);
  if (bearer) return bearer[1] ?? null;
  const basic = /^Basic\s+(\S+)$/i.exec(value);
  if (basic)
    return (
      Buffer.from(basic[1] ?? '', 'base64')
        .toString()
        .split(':')[0] ?? null
    );
  return null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'invalid_request_error', 'Body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function invalidParam(param: string, message: string): HttpError {
  return new HttpError(400, 'invalid_request_error', message, { code: 'parameter_invalid', param });
}

function str(value: FormValue | undefined, param: string, required: boolean): string {
  if (value === undefined || value === '') {
    if (required) {
      throw new HttpError(400, 'invalid_request_error', `Missing required param: ${param}.`, {
        code: 'parameter_missing',
        param,
      });
    }
    return '';
  }
  if (typeof value !== 'string') throw invalidParam(param, `Invalid string: ${param}.`);
  return value;
}

function int(value: FormValue | undefined, param: string, min: number): number {
  const text = str(value, param, true);
  if (!/^-?\d+$/.test(text)) throw invalidParam(param, `Invalid integer: ${text}.`);
  const number = Number(text);
  if (!Number.isSafeInteger(number) || number < min) {
    throw invalidParam(param, `This value must be greater than or equal to ${min}.`);
  }
  return number;
}

function bool(value: FormValue | undefined): boolean {
  return value === 'true';
}

function obj(value: FormValue | undefined, param: string): Record<string, FormValue> {
  if (value === undefined || typeof value === 'string' || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_request_error', `Missing required param: ${param}.`, {
      code: 'parameter_missing',
      param,
    });
  }
  return value;
}

function metadata(value: FormValue | undefined, param: string): Record<string, string> {
  if (value === undefined || value === '') return {};
  const object = obj(value, param);
  const out: Record<string, string> = {};
  const entries = Object.entries(object);
  if (entries.length > 50) throw invalidParam(param, 'Metadata can have at most 50 keys.');
  for (const [key, entry] of entries) {
    if (typeof entry !== 'string') throw invalidParam(`${param}[${key}]`, 'Invalid string.');
    if (key.length > 40 || entry.length > 500) {
      throw invalidParam(`${param}[${key}]`, 'Metadata keys ≤ 40 and values ≤ 500 characters.');
    }
    if (entry !== '') out[key] = entry;
  }
  return out;
}
