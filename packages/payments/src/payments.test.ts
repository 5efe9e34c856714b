import { createServer, type Socket } from 'node:net';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStripeEmulator } from './emulator/start-stripe-emulator';
import type { StripeEmulator } from './emulator/types';
import {
  PaymentProviderUnavailableError,
  PaymentRequestError,
  WebhookSignatureError,
} from './errors';
import type { CreateCheckoutSessionInput, PaymentGateway } from './gateway';
import { createStripeGateway, toCheckoutSessionDetails } from './stripe-gateway';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.test-helper';

const SECRET_KEY = 'sk_test_emulator';
const WEBHOOK_SECRET = 'whsec_test_emulator_secret';

let receiver: WebhookReceiver;
let emulator: StripeEmulator;
let gateway: PaymentGateway;
let sequence = 0;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  emulator = await startStripeEmulator({
    webhookUrl: receiver.url,
    webhookSecret: WEBHOOK_SECRET,
    webhookRetry: { attempts: 3, baseDelayMs: 20 },
  });
  gateway = createStripeGateway({
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    ...emulator.apiOptions,
    timeoutMs: 2_000,
    maxNetworkRetries: 0,
  });
});

afterEach(async () => {
  await emulator.stop();
  await receiver.close();
});

function checkoutInput(
  overrides: Partial<CreateCheckoutSessionInput> = {},
): CreateCheckoutSessionInput {
  sequence += 1;
  return {
    orderId: `order_${sequence}`,
    customerEmail: 'learner@example.test',
    lineItem: { name: 'ICD-10-CM Fundamentals (CE)', amountCents: 4900, currency: 'usd' },
    successUrl: 'http://lms.test/checkout/success?session_id={CHECKOUT_SESSION_ID}',
    cancelUrl: 'http://lms.test/courses/icd-10-cm-fundamentals',
    allowPromotionCodes: true,
    metadata: { courseId: 'course_1', userId: 'user_1' },
    idempotencyKey: `checkout-${sequence}-${Date.now()}`,
    ...overrides,
  };
}

/** What a browser without JavaScript does: POST the form, do not follow the redirect. */
function postForm(url: string, fields: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

function checkoutPath(url: string, action: 'pay' | 'cancel' | 'promotion'): string {
  return `${url}/${action}`;
}

async function payThroughPage(sessionUrl: string, promotionCode?: string): Promise<Response> {
  const page = await fetch(sessionUrl);
  expect(page.status).toBe(200);
  return postForm(
    checkoutPath(sessionUrl, 'pay'),
    promotionCode ? { promotion_code: promotionCode } : {},
  );
}

describe('checkout: create, pay, webhook', () => {
  it('creates a session, serves the hosted page, pays by form post and sends a verifiable webhook', async () => {
    const input = checkoutInput();
    const created = await gateway.createCheckoutSession(input);
    expect(created.id).toMatch(/^cs_test_/);
    expect(created.url).toBe(`${emulator.url}/checkout/${created.id}`);
    expect(created.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);

    const open = await gateway.retrieveCheckoutSession(created.id);
    expect(open).toEqual({
      id: created.id,
      status: 'open',
      paymentStatus: 'unpaid',
      amountTotal: 4900,
      amountSubtotal: 4900,
      currency: 'usd',
      paymentIntentId: null,
      orderId: input.orderId,
      metadata: { orderId: input.orderId, courseId: 'course_1', userId: 'user_1' },
    });

    const page = await fetch(created.url);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('ICD-10-CM Fundamentals (CE)');
    expect(html).toContain('$49.00');
    expect(html).toMatch(/<label for="promotion_code">Promotion code<\/label>/);
    expect(html).toMatch(/<form method="post" action="\/checkout\/[^"]+\/pay">/);
    expect(html).toMatch(/<button type="submit" class="primary">Pay \$49.00<\/button>/);
    expect(html).toMatch(/<button type="submit" class="link">Cancel<\/button>/);
    expect(html).not.toContain('<script');

    const paid = await postForm(checkoutPath(created.url, 'pay'));
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(
      `http://lms.test/checkout/success?session_id=${created.id}`,
    );

    const [delivery] = await receiver.waitFor(1);
    expect(delivery?.headers['content-type']).toContain('application/json');
    const event = gateway.constructWebhookEvent(delivery!.rawBody, delivery!.signature);
    expect(event.type).toBe('checkout.session.completed');
    const session = event.data.object as Stripe.Checkout.Session;
    expect(session.id).toBe(created.id);
    expect(session.amount_total).toBe(4900);
    expect(session.currency).toBe('usd');
    expect(session.payment_status).toBe('paid');
    expect(session.metadata).toEqual({
      orderId: input.orderId,
      courseId: 'course_1',
      userId: 'user_1',
    });
    expect(session.payment_intent).toMatch(/^pi_/);
    expect(session.client_reference_id).toBe(input.orderId);

    const complete = await gateway.retrieveCheckoutSession(created.id);
    expect(complete.status).toBe('complete');
    expect(complete.paymentStatus).toBe('paid');
    expect(complete.paymentIntentId).toBe(session.payment_intent);
    expect(toCheckoutSessionDetails(session)).toEqual(complete);

    // A paid session cannot be paid again.
    const again = await postForm(checkoutPath(created.url, 'pay'));
    expect(again.status).toBe(409);
    await emulator.waitForDeliveries();
    expect(emulator.events.map((e) => e.type)).toEqual(['checkout.session.completed']);
  });

  it('cancel redirects to cancel_url and leaves the session open and unpaid', async () => {
    const created = await gateway.createCheckoutSession(checkoutInput());
    const cancelled = await postForm(checkoutPath(created.url, 'cancel'));
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(
      'http://lms.test/courses/icd-10-cm-fundamentals',
    );
    const session = await gateway.retrieveCheckoutSession(created.id);
    expect(session).toMatchObject({ status: 'open', paymentStatus: 'unpaid' });
    expect(emulator.events).toHaveLength(0);
  });

  it('answers a Stripe-shaped 404 for an unknown session, typed as a request error', async () => {
    const error = await gateway.retrieveCheckoutSession('cs_test_missing').catch((e) => e);
    expect(error).toBeInstanceOf(PaymentRequestError);
    expect(error).toMatchObject({ code: 'resource_missing', statusCode: 404, isNotFound: true });
    expect((await fetch(`${emulator.url}/checkout/cs_test_missing`)).status).toBe(404);
  });

  it('rejects amounts that are not integer cents before calling Stripe', async () => {
    await expect(
      gateway.createCheckoutSession(
        checkoutInput({ lineItem: { name: 'X', amountCents: 49.5, currency: 'usd' } }),
      ),
    ).rejects.toThrow(TypeError);
  });
});

describe('promotion codes', () => {
  it('COURSE20 applied on the page takes 20 % off amount_total', async () => {
    const created = await gateway.createCheckoutSession(checkoutInput());
    const applied = await postForm(checkoutPath(created.url, 'promotion'), {
      promotion_code: 'course20',
    });
    expect(applied.status).toBe(303);
    const html = await (await fetch(created.url)).text();
    expect(html).toContain('−$9.80');
    expect(html).toContain('Pay $39.20');

    const paid = await postForm(checkoutPath(created.url, 'pay'), { promotion_code: 'COURSE20' });
    expect(paid.status).toBe(303);
    const [delivery] = await receiver.waitFor(1);
    const event = gateway.constructWebhookEvent(delivery!.rawBody, delivery!.signature);
    const session = event.data.object as Stripe.Checkout.Session;
    expect(session.amount_subtotal).toBe(4900);
    expect(session.amount_total).toBe(3920);
    expect(session.total_details?.amount_discount).toBe(980);
    expect((await gateway.retrieveCheckoutSession(created.id)).amountTotal).toBe(3920);
  });

  it('a code typed into the Pay form is applied too', async () => {
    const created = await gateway.createCheckoutSession(checkoutInput());
    expect((await payThroughPage(created.url, 'COURSE20')).status).toBe(303);
    expect((await gateway.retrieveCheckoutSession(created.id)).amountTotal).toBe(3920);
  });

  it('an unknown code is refused with an accessible error and nothing is charged', async () => {
    const created = await gateway.createCheckoutSession(checkoutInput());
    const response = await postForm(checkoutPath(created.url, 'pay'), { promotion_code: 'NOPE' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/role="alert">This code is invalid\./);
    expect(html).toContain('aria-invalid="true"');
    expect(await gateway.retrieveCheckoutSession(created.id)).toMatchObject({
      status: 'open',
      amountTotal: 4900,
    });
    await emulator.waitForDeliveries();
    expect(receiver.received).toHaveLength(0);
  });
});

describe('webhook signatures', () => {
  async function paidDelivery() {
    const created = await gateway.createCheckoutSession(checkoutInput());
    await payThroughPage(created.url);
    const [delivery] = await receiver.waitFor(1);
    return delivery!;
  }

  it('accepts a string body as well as a Buffer', async () => {
    const delivery = await paidDelivery();
    const event = gateway.constructWebhookEvent(
      delivery.rawBody.toString('utf8'),
      delivery.signature,
    );
    expect(event.type).toBe('checkout.session.completed');
  });

  it('rejects a tampered body', async () => {
    const delivery = await paidDelivery();
    const tampered = delivery.rawBody
      .toString('utf8')
      .replace('"amount_total": 4900', '"amount_total": 1');
    expect(tampered).not.toBe(delivery.rawBody.toString('utf8'));
    expect(() => gateway.constructWebhookEvent(tampered, delivery.signature)).toThrow(
      WebhookSignatureError,
    );
  });

  it('rejects a body re-serialised from parsed JSON (the raw bytes must be used)', async () => {
    const delivery = await paidDelivery();
    const reserialised = JSON.stringify(JSON.parse(delivery.rawBody.toString('utf8')));
    expect(() => gateway.constructWebhookEvent(reserialised, delivery.signature)).toThrow(
      WebhookSignatureError,
    );
  });

  it('rejects a signature made with another secret', async () => {
    const delivery = await paidDelivery();
    const other = createStripeGateway({
      secretKey: SECRET_KEY,
      webhookSecret: 'whsec_someone_else',
      ...emulator.apiOptions,
    });
    expect(() => other.constructWebhookEvent(delivery.rawBody, delivery.signature)).toThrow(
      WebhookSignatureError,
    );
  });

  it('rejects a missing or garbage signature header', () => {
    expect(() => gateway.constructWebhookEvent('{}', undefined)).toThrow(WebhookSignatureError);
    expect(() => gateway.constructWebhookEvent('{}', '')).toThrow(WebhookSignatureError);
    expect(() => gateway.constructWebhookEvent('{}', 'not-a-signature')).toThrow(
      WebhookSignatureError,
    );
  });

  it('rejects a correctly signed event older than 300 s and accepts one 290 s old', () => {
    const payload = JSON.stringify({ id: 'evt_old', object: 'event', type: 'ping', data: {} });
    const sign = (ageSeconds: number) =>
      Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: WEBHOOK_SECRET,
        timestamp: Math.floor(Date.now() / 1000) - ageSeconds,
      });
    expect(() => gateway.constructWebhookEvent(payload, sign(301))).toThrow(/tolerance/i);
    expect(gateway.constructWebhookEvent(payload, sign(290)).id).toBe('evt_old');
  });
});

describe('idempotency', () => {
  it('the same key returns the same session; the emulator marks the replay', async () => {
    const input = checkoutInput();
    const first = await gateway.createCheckoutSession(input);
    const second = await gateway.createCheckoutSession(input);
    expect(second).toEqual(first);

    const raw = (key: string) =>
      fetch(`${emulator.url}/v1/checkout/sessions/${first.id}/expire`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${SECRET_KEY}`,
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': key,
        },
      });
    const a = await raw('expire-once');
    const b = await raw('expire-once');
    expect(a.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(await b.json()).toEqual(await a.json());
    await emulator.waitForDeliveries();
    expect(emulator.events.filter((e) => e.type === 'checkout.session.expired')).toHaveLength(1);
  });

  it('reusing a key with other parameters is an idempotency error', async () => {
    const input = checkoutInput();
    await gateway.createCheckoutSession(input);
    const error = await gateway
      .createCheckoutSession({ ...input, lineItem: { ...input.lineItem, amountCents: 100 } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PaymentRequestError);
    expect(error.type).toBe('idempotency_error');
  });
});

describe('outages', () => {
  it('a 5xx from Stripe surfaces as PaymentProviderUnavailableError', async () => {
    emulator.setFailureMode({ status: 500 });
    const error = await gateway.createCheckoutSession(checkoutInput()).catch((e) => e);
    expect(error).toBeInstanceOf(PaymentProviderUnavailableError);
    expect(error.statusCode).toBe(500);
    await expect(gateway.retrieveCheckoutSession('cs_test_x')).rejects.toBeInstanceOf(
      PaymentProviderUnavailableError,
    );
    emulator.setFailureMode(null);
    await expect(gateway.createCheckoutSession(checkoutInput())).resolves.toMatchObject({
      id: expect.stringMatching(/^cs_test_/),
    });
  });

  it('a failed attempt is not saved under its idempotency key: the retry creates the session', async () => {
    const input = checkoutInput();
    emulator.setFailureMode({ status: 503, times: 1 });
    await expect(gateway.createCheckoutSession(input)).rejects.toBeInstanceOf(
      PaymentProviderUnavailableError,
    );
    const created = await gateway.createCheckoutSession(input);
    expect(await gateway.createCheckoutSession(input)).toEqual(created);
  });

  it('with SDK retries on, a single 503 is absorbed', async () => {
    const retrying = createStripeGateway({
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      ...emulator.apiOptions,
      maxNetworkRetries: 1,
    });
    emulator.setFailureMode({ status: 503, times: 1 });
    await expect(retrying.createCheckoutSession(checkoutInput())).resolves.toHaveProperty('url');
  });

  it('a hanging Stripe times out as PaymentProviderUnavailableError', async () => {
    const impatient = createStripeGateway({
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      ...emulator.apiOptions,
      timeoutMs: 150,
      maxNetworkRetries: 0,
    });
    emulator.setFailureMode({ delayMs: 1_000, times: 1 });
    const error = await impatient.createCheckoutSession(checkoutInput()).catch((e) => e);
    expect(error).toBeInstanceOf(PaymentProviderUnavailableError);
    expect(error.message).toMatch(/timeout/i);
  });

  it('a refused connection surfaces as PaymentProviderUnavailableError', async () => {
    const port = await closedPort();
    const offline = createStripeGateway({
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      host: '127.0.0.1',
      port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(offline.retrieveCheckoutSession('cs_test_x')).rejects.toBeInstanceOf(
      PaymentProviderUnavailableError,
    );
  });

  it('a bad API key is a request error, not an outage', async () => {
    const wrong = createStripeGateway({
      secretKey: 'sk_live_not_allowed_here',
      webhookSecret: WEBHOOK_SECRET,
      ...emulator.apiOptions,
    });
    const error = await wrong.retrieveCheckoutSession('cs_test_x').catch((e) => e);
    expect(error).toBeInstanceOf(PaymentRequestError);
    expect(error.statusCode).toBe(401);
  });
});

describe('webhook delivery', () => {
  it('retries with backoff on non-2xx until the receiver accepts', async () => {
    receiver.respondWith([500, 502]);
    const created = await gateway.createCheckoutSession(checkoutInput());
    await payThroughPage(created.url);
    await emulator.waitForDeliveries();
    expect(emulator.deliveries.map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 502],
      [3, 200],
    ]);
    const ids = new Set(
      receiver.received.map((r) => gateway.constructWebhookEvent(r.rawBody, r.signature).id),
    );
    expect(ids.size).toBe(1);
  });

  it('gives up after the configured number of attempts', async () => {
    receiver.respondWith([500, 500, 500, 500, 500]);
    const created = await gateway.createCheckoutSession(checkoutInput());
    await payThroughPage(created.url);
    await emulator.waitForDeliveries();
    expect(receiver.received).toHaveLength(3);
  });

  it('delivers each event n times, concurrently, when asked', async () => {
    emulator.setDuplicateDeliveries(3);
    const created = await gateway.createCheckoutSession(checkoutInput());
    await payThroughPage(created.url);
    const deliveries = await receiver.waitFor(3);
    const events = deliveries.map((d) => gateway.constructWebhookEvent(d.rawBody, d.signature));
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
    expect(events.every((e) => e.type === 'checkout.session.completed')).toBe(true);
  });

  it('duplicate deliveries are concurrent, and stop() aborts deliveries to a hanging receiver', async () => {
    // A receiver that accepts connections and never answers.
    const sockets = new Set<Socket>();
    const hanging = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', () => undefined);
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as { port: number };
    const stuck = await startStripeEmulator({
      webhookUrl: `http://127.0.0.1:${port}/webhooks/stripe`,
      webhookSecret: WEBHOOK_SECRET,
      webhookRetry: { attempts: 2, baseDelayMs: 10, timeoutMs: 60_000 },
    });
    stuck.setDuplicateDeliveries(3);
    const started = Date.now();
    const pendingSend = stuck.sendEvent('ping', { id: 'y' });
    const deadline = Date.now() + 2_000;
    while (sockets.size < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    // All three copies are in flight while none has been answered.
    expect(sockets.size).toBe(3);
    await stuck.stop();
    await pendingSend;
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  });

  it('resendEvent delivers the same event again; sendEvent sends an arbitrary one', async () => {
    const created = await gateway.createCheckoutSession(checkoutInput());
    await payThroughPage(created.url);
    await emulator.waitForDeliveries();
    const [original] = emulator.events;
    await emulator.resendEvent(original!.id);
    expect(receiver.received).toHaveLength(2);
    const resent = gateway.constructWebhookEvent(
      receiver.received[1]!.rawBody,
      receiver.received[1]!.signature,
    );
    expect(resent.id).toBe(original!.id);

    // Out of order: a refund notice for a payment the LMS has not seen yet.
    const sent = await emulator.sendEvent('charge.refunded', {
      id: 'ch_unknown',
      object: 'charge',
      payment_intent: 'pi_unknown',
      amount_refunded: 100,
      refunded: true,
    });
    const last = receiver.received.at(-1)!;
    const verified = gateway.constructWebhookEvent(last.rawBody, last.signature);
    expect(verified.id).toBe(sent.id);
    expect(verified.type).toBe('charge.refunded');
  });

  it('completeCheckoutSession pays without the HTML page', async () => {
    const created = await gateway.createCheckoutSession(checkoutInput());
    const { redirectUrl, session } = emulator.completeCheckoutSession(created.id, {
      promotionCode: 'COURSE20',
    });
    expect(redirectUrl).toContain(created.id);
    expect(session.amount_total).toBe(3920);
  });
});

describe('refunds', () => {
  it('refunds a paid session and sends charge.refunded', async () => {
    const created = await gateway.createCheckoutSession(checkoutInput());
    await payThroughPage(created.url);
    await receiver.waitFor(1);
    const { paymentIntentId } = await gateway.retrieveCheckoutSession(created.id);

    const refund = await gateway.refundPayment({
      paymentIntentId: paymentIntentId!,
      reason: 'requested_by_customer',
      idempotencyKey: `refund-${created.id}`,
    });
    expect(refund).toEqual({ id: expect.stringMatching(/^re_/), status: 'succeeded' });
    // Replaying the same key returns the same refund.
    expect(
      await gateway.refundPayment({
        paymentIntentId: paymentIntentId!,
        reason: 'requested_by_customer',
        idempotencyKey: `refund-${created.id}`,
      }),
    ).toEqual(refund);

    await emulator.waitForDeliveries();
    const events = receiver.received.map((r) =>
      gateway.constructWebhookEvent(r.rawBody, r.signature),
    );
    const refunded = events.find((e) => e.type === 'charge.refunded');
    const charge = refunded?.data.object as Stripe.Charge;
    expect(charge.payment_intent).toBe(paymentIntentId);
    expect(charge.amount_refunded).toBe(4900);
    expect(charge.refunded).toBe(true);
    expect(events.filter((e) => e.type === 'charge.refunded')).toHaveLength(1);

    const again = await gateway
      .refundPayment({ paymentIntentId: paymentIntentId!, idempotencyKey: 'refund-again' })
      .catch((e) => e);
    expect(again).toBeInstanceOf(PaymentRequestError);
    expect(again.code).toBe('charge_already_refunded');
  });

  it('refunding an unknown payment intent is a request error', async () => {
    const error = await gateway
      .refundPayment({ paymentIntentId: 'pi_missing', idempotencyKey: 'r-missing' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PaymentRequestError);
    expect(error.code).toBe('resource_missing');
  });
});

describe('expiry', () => {
  it('expires an open session, sends checkout.session.expired and closes the page', async () => {
    const created = await gateway.createCheckoutSession(checkoutInput());
    await gateway.expireCheckoutSession(created.id);
    expect(await gateway.retrieveCheckoutSession(created.id)).toMatchObject({
      status: 'expired',
      paymentStatus: 'unpaid',
    });
    const [delivery] = await receiver.waitFor(1);
    const event = gateway.constructWebhookEvent(delivery!.rawBody, delivery!.signature);
    expect(event.type).toBe('checkout.session.expired');
    expect((event.data.object as Stripe.Checkout.Session).id).toBe(created.id);

    expect((await fetch(created.url)).status).toBe(410);
    expect((await postForm(checkoutPath(created.url, 'pay'))).status).toBe(409);
  });

  it('a paid session cannot be expired', async () => {
    const created = await gateway.createCheckoutSession(checkoutInput());
    await payThroughPage(created.url);
    await expect(gateway.expireCheckoutSession(created.id)).rejects.toBeInstanceOf(
      PaymentRequestError,
    );
  });

  it('honours expires_at within Stripe’s 30 min – 24 h window', async () => {
    const expiresAt = new Date(Date.now() + 45 * 60 * 1000);
    const created = await gateway.createCheckoutSession(checkoutInput({ expiresAt }));
    expect(created.expiresAt.getTime()).toBe(Math.floor(expiresAt.getTime() / 1000) * 1000);
    const error = await gateway
      .createCheckoutSession(checkoutInput({ expiresAt: new Date(Date.now() + 60_000) }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(PaymentRequestError);
    expect(error.param).toBe('expires_at');
  });
});

describe('safety', () => {
  it('refuses to start in production', async () => {
    await expect(
      startStripeEmulator({
        webhookUrl: receiver.url,
        webhookSecret: WEBHOOK_SECRET,
        production: true,
      }),
    ).rejects.toThrow(/production/);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
