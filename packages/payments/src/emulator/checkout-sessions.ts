import type Stripe from 'stripe';
import type { FormValue } from '../form-encoding';
import type { Charges } from './charges';
import {
  bool,
  HttpError,
  int,
  invalidParam,
  metadata,
  nowSeconds,
  obj,
  randomId,
  str,
} from './stripe-params';
import type { CompletedCheckout, EventRequest, PromotionCodeRule } from './types';
import type { Webhooks } from './webhooks';

export interface SessionRecord {
  session: Stripe.Checkout.Session;
  productName: string;
  unitAmount: number;
  quantity: number;
  paymentIntentMetadata: Record<string, string>;
  promotionCode: string | null;
  apiVersion: string;
}

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

/** Hosted Checkout sessions: one line item, promotion codes, expiry, payment. */
export class CheckoutSessions {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly promotionCodes = new Map<string, PromotionCodeRule>();

  constructor(
    promotionCodes: Record<string, PromotionCodeRule>,
    private readonly webhooks: Webhooks,
    private readonly charges: Charges,
    /** Base of the hosted page URLs, known once the server listens. */
    private readonly publicBaseUrl: () => string,
  ) {
    for (const [code, rule] of Object.entries(promotionCodes)) {
      this.promotionCodes.set(code.toUpperCase(), rule);
    }
  }

  /** The session, or null; expires it first when it is past `expires_at`. */
  get(id: string): SessionRecord | null {
    const record = this.sessions.get(id);
    if (!record) return null;
    // Sessions past expires_at expire lazily, as they would on Stripe's side.
    if (record.session.status === 'open' && record.session.expires_at <= nowSeconds()) {
      this.expire(record);
    }
    return record;
  }

  /** The session, or Stripe's 404. */
  find(id: string): SessionRecord {
    const record = this.get(id);
    if (!record) {
      throw new HttpError(404, 'invalid_request_error', `No such checkout.session: '${id}'`, {
        code: 'resource_missing',
        param: 'session',
      });
    }
    return record;
  }

  expire(record: SessionRecord, request?: EventRequest): void {
    record.session.status = 'expired';
    record.session.url = null;
    this.webhooks.emit(
      'checkout.session.expired',
      record.session as unknown as Record<string, unknown>,
      record.apiVersion,
      request,
    );
  }

  /** `POST /v1/checkout/sessions/:id/expire`. */
  expireOpen(id: string, request: EventRequest): Stripe.Checkout.Session {
    const record = this.find(id);
    if (record.session.status !== 'open') {
      throw new HttpError(
        400,
        'invalid_request_error',
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${record.session.status}".`,
      );
    }
    this.expire(record, request);
    return record.session;
  }

  applyPromotionCode(record: SessionRecord, rawCode: string): void {
    const code = rawCode.trim().toUpperCase();
    if (!record.session.allow_promotion_codes) {
      throw new HttpError(400, 'invalid_request_error', 'Promotion codes are not enabled.');
    }
    if (!this.promotionCodes.has(code)) {
      throw new HttpError(400, 'invalid_request_error', 'This code is invalid.', {
        code: 'promotion_code_invalid',
      });
    }
    record.promotionCode = code;
    const subtotal = record.unitAmount * record.quantity;
    const discount = this.discountFor(record, code);
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

  /** What the hosted page's Pay button does. */
  complete(id: string, promotionCode?: string): CompletedCheckout {
    const record = this.find(id);
    if (record.session.status !== 'open') {
      throw new HttpError(
        400,
        'invalid_request_error',
        `This Checkout Session is ${record.session.status} and can no longer be paid.`,
        { code: 'checkout_session_not_open' },
      );
    }
    if (promotionCode?.trim()) this.applyPromotionCode(record, promotionCode);
    const session = record.session;
    const amount = session.amount_total ?? 0;
    session.status = 'complete';
    session.url = null;
    session.customer_details = {
      email: session.customer_email,
    } as Stripe.Checkout.Session.CustomerDetails;
    if (amount > 0) {
      session.payment_status = 'paid';
      session.payment_intent = this.charges.recordPayment(
        session,
        amount,
        record.paymentIntentMetadata,
        record.apiVersion,
      );
    } else {
      session.payment_status = 'no_payment_required';
    }
    this.webhooks.emit(
      'checkout.session.completed',
      session as unknown as Record<string, unknown>,
      record.apiVersion,
    );
    return {
      session: structuredClone(session),
      redirectUrl: successUrl(session),
    };
  }

  /** `POST /v1/checkout/sessions`. */
  create(params: Record<string, FormValue>, apiVersion: string): Stripe.Checkout.Session {
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
    const created = nowSeconds();
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
      url: `${this.publicBaseUrl()}/checkout/${id}`,
    } as unknown as Stripe.Checkout.Session;
    const intentData =
      params.payment_intent_data === undefined
        ? {}
        : obj(params.payment_intent_data, 'payment_intent_data');
    this.sessions.set(id, {
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

  private discountFor(record: SessionRecord, code: string | null): number {
    const subtotal = record.unitAmount * record.quantity;
    if (!code) return 0;
    const rule = this.promotionCodes.get(code.toUpperCase());
    if (!rule) return 0;
    const percent = rule.percentOff ? Math.round((subtotal * rule.percentOff) / 100) : 0;
    const fixed = rule.amountOffCents ?? 0;
    return Math.min(subtotal, percent + fixed);
  }
}

/** The session's success_url with {CHECKOUT_SESSION_ID} filled in. */
export function successUrl(session: Stripe.Checkout.Session): string {
  return (session.success_url ?? '').replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}
