// POST /webhooks/stripe's node:http listener in front of Express (ARCHITECTURE.md, "Stripe
// webhooks served in front of Express"): what the Express route did, checked over real HTTP.
// Payments themselves (fulfilment, signatures, flags, retries) are webhook.test.ts's.
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type PaymentsTestApi, signPayload, startPaymentsTestApi } from '../../testing/payments';
import { isStripeWebhookRequest } from './stripe-webhook-endpoint';

function request(method: string, url: string) {
  return { method, url } as IncomingMessage;
}

/** A signed event of a type the LMS does not use: recorded and answered 200, nothing else. */
function unusedEvent(id: string) {
  return JSON.stringify({
    id,
    object: 'event',
    type: 'customer.created',
    livemode: false,
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: `cus_${id}`, object: 'customer' } },
  });
}

describe('isStripeWebhookRequest', () => {
  it('matches what Express’s router.post matched: any case, a trailing slash, a query', () => {
    for (const url of [
      '/webhooks/stripe',
      '/webhooks/stripe/',
      '/Webhooks/STRIPE',
      '/webhooks/stripe?x=1',
    ]) {
      expect([url, isStripeWebhookRequest(request('POST', url))]).toEqual([url, true]);
    }
    for (const [method, url] of [
      ['GET', '/webhooks/stripe'],
      ['PUT', '/webhooks/stripe'],
      ['POST', '/webhooks/stripex'],
      ['POST', '/webhooks/stripe/extra'],
      ['POST', '/webhooks'],
      ['POST', '/graphql'],
    ] as const) {
      expect([method, url, isStripeWebhookRequest(request(method, url))]).toEqual([
        method,
        url,
        false,
      ]);
    }
  });
});

describe('the Stripe webhook listener', () => {
  let t: PaymentsTestApi;
  beforeAll(async () => {
    t = await startPaymentsTestApi();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a signed event 200 in JSON, with a request id, and records it once', async () => {
    const body = unusedEvent('evt_listener_ok');
    const response = await fetch(`${t.webhookUrl}/?from=test`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signPayload(body),
        'x-request-id': 'stripe-delivery-1',
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-request-id')).toBe('stripe-delivery-1');
    expect(await response.json()).toEqual({
      received: true,
      duplicate: false,
      outcome: 'event type not used: ignored',
    });
    const again = await t.postWebhook(body, signPayload(body));
    expect(await again.json()).toMatchObject({ received: true, duplicate: true });
    expect(
      await t.database.db.paymentEvent.count({ where: { stripeEventId: 'evt_listener_ok' } }),
    ).toBe(1);
  });

  it('reads only a JSON body: a signed body of another type is refused 400, unrecorded', async () => {
    const body = unusedEvent('evt_listener_text');
    const response = await fetch(t.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'stripe-signature': signPayload(body) },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid signature' });
    expect(
      await t.database.db.paymentEvent.count({ where: { stripeEventId: 'evt_listener_text' } }),
    ).toBe(0);
  });

  it('refuses a body over 1 MB with 413 and the JSON error shape of every other path', async () => {
    const body = JSON.stringify({ id: 'evt_listener_big', padding: 'x'.repeat(1024 * 1024) });
    const response = await fetch(t.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signPayload(body) },
      body,
    });
    expect(response.status).toBe(413);
    const requestId = response.headers.get('x-request-id');
    expect(await response.json()).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is too large (at most 1 MB).',
        requestId,
      },
    });
  });

  it('leaves other methods on the path to Express: GET is a JSON 404', async () => {
    const response = await fetch(t.webhookUrl);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('the Stripe webhook listener before payments are configured', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers 503 and writes nothing', async () => {
    const body = unusedEvent('evt_listener_unconfigured');
    const response = await fetch(`${api.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signPayload(body) },
      body,
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'payments are not configured yet' });
    expect(await api.database.db.paymentEvent.count()).toBe(0);
  });
});
