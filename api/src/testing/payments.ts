import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createStripeGateway,
  type PaymentGateway,
  type StripeEmulator,
  signWebhookPayload,
  startStripeEmulator,
} from '@lms/payments';
import { afterAll, beforeAll } from 'vitest';
import { createPaymentsRuntime, type PaymentsRuntime } from '../payments-runtime';
import { startTestApi, type TestApi } from '../test-support';
import { type Actor, registerActor } from './actors';

export const WEBHOOK_SECRET = 'whsec_api_tests_secret';
export const WEB_URL = 'http://lms.test';

/** A webhook the emulator sent but the test holds back (to deliver later, in any order). */
export interface HeldDelivery {
  rawBody: Buffer;
  signature: string;
  type: string;
  id: string;
}

export interface PaymentsTestApi extends TestApi {
  emulator: StripeEmulator;
  gateway: PaymentGateway;
  payments: PaymentsRuntime;
  webhookUrl: string;
  /** With `holdWebhooks`: the deliveries received so far (answered 200 by the holder). */
  held: HeldDelivery[];
  /** Posts a body to /webhooks/stripe as Stripe would (signature header optional). */
  postWebhook(body: string | Buffer, signature?: string | null): Promise<Response>;
}

/**
 * A real API on a fresh database with the Stripe emulator at the network edge: the API's gateway
 * is the real `stripe` SDK pointed at the emulator; the emulator posts signed webhooks to the
 * API (or, with `holdWebhooks`, to a holder the test forwards from).
 */
export async function startPaymentsTestApi(
  options: {
    holdWebhooks?: boolean;
    gatewayTimeoutMs?: number;
    /** Called with every SQL statement the API sends (statement-count tests). */
    onQuery?: (sql: string) => void;
  } = {},
): Promise<PaymentsTestApi> {
  const payments = createPaymentsRuntime({ webUrl: WEB_URL });
  const api = await startTestApi({ payments, onQuery: options.onQuery });
  const webhookUrl = `${api.url}/webhooks/stripe`;
  const held: HeldDelivery[] = [];
  const holder = options.holdWebhooks
    ? createServer(async (req: IncomingMessage, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const rawBody = Buffer.concat(chunks);
        const event = JSON.parse(rawBody.toString('utf8')) as { id: string; type: string };
        held.push({
          rawBody,
          signature: String(req.headers['stripe-signature']),
          type: event.type,
          id: event.id,
        });
        res.writeHead(200).end();
      })
    : null;
  if (holder) await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const emulator = await startStripeEmulator({
    webhookUrl: holder
      ? `http://127.0.0.1:${(holder.address() as AddressInfo).port}/hold`
      : webhookUrl,
    webhookSecret: WEBHOOK_SECRET,
    webhookRetry: { attempts: 4, baseDelayMs: 50, timeoutMs: 10_000 },
  });
  const gateway = createStripeGateway({
    secretKey: 'sk_test_api_tests',
    webhookSecret: WEBHOOK_SECRET,
    ...emulator.apiOptions,
    timeoutMs: options.gatewayTimeoutMs ?? 2_000,
    maxNetworkRetries: 0,
  });
  payments.gateway = gateway;
  return {
    ...api,
    emulator,
    gateway,
    payments,
    webhookUrl,
    held,
    postWebhook(body, signature) {
      return fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...(signature ? { 'stripe-signature': signature } : {}),
        },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });
    },
    async close() {
      await emulator.stop();
      if (holder) await new Promise<void>((resolve) => holder.close(() => resolve()));
      await api.close();
    },
  };
}

/** Signs a payload as Stripe does (optionally dated in the past). */
export function signPayload(
  payload: string,
  options: { secret?: string; ageSeconds?: number } = {},
): string {
  return signWebhookPayload(
    payload,
    options.secret ?? WEBHOOK_SECRET,
    Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0),
  );
}

/** What a browser without JavaScript does on the hosted page: POST the form, read the redirect. */
export async function payOnHostedPage(checkoutUrl: string, promotionCode?: string) {
  const page = await fetch(checkoutUrl);
  if (page.status !== 200) throw new Error(`checkout page answered ${page.status}`);
  const response = await fetch(`${checkoutUrl}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(promotionCode ? { promotion_code: promotionCode } : {}).toString(),
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location') };
}

export const START_CHECKOUT = `mutation($courseId: ID!, $billTo: BillToInput) {
  startCheckout(courseId: $courseId, billTo: $billTo) { orderId url reused } }`;
export const CONFIRM_CHECKOUT = `mutation($sessionId: String!) {
  confirmCheckout(sessionId: $sessionId) { enrolled order { id status orderNumber
    amountPaid { amountCents currency } discount { amountCents currency } receiptPath } } }`;
export const REFUND_ORDER = `mutation($orderId: ID!, $reason: String!) {
  refundOrder(orderId: $orderId, reason: $reason) { id status refundReason } }`;
export const ORDER = `query($id: ID!) { order(id: $id) { id status orderNumber buyerName
  price { amountCents currency } amountPaid { amountCents currency } billToEmployer memberId receiptPath } }`;
export const MY_ORDERS = `{ myOrders { id status orderNumber courseTitle price { amountCents currency } receiptPath } }`;
export const ADMIN_ORDERS = `query($status: OrderStatus, $first: Int, $after: String) {
  adminOrders(status: $status, first: $first, after: $after) { totalCount
    pageInfo { hasNextPage endCursor } edges { node { id status orderNumber flaggedReason } } } }`;

export interface StartedCheckoutData {
  startCheckout: { orderId: string; url: string; reused: boolean };
}

/** What `usePaymentsTestApi()` hands a test file (inside tests and hooks only). */
export interface PaymentsTestFile {
  /** The file's API with the Stripe emulator (`startPaymentsTestApi()`). */
  readonly api: PaymentsTestApi;
  /** An admin registered on it (refunds, the orders list). */
  readonly admin: Actor;
}

/**
 * The set-up of the checkout and webhook tests: one payments API for the file (started in a
 * `beforeAll`, closed in an `afterAll`) and an admin on it. Read `.api` / `.admin` inside tests
 * and hooks.
 */
export function usePaymentsTestApi(
  options: { onQuery?: (sql: string) => void } = {},
): PaymentsTestFile {
  let api: PaymentsTestApi | undefined;
  let admin: Actor | undefined;
  beforeAll(async () => {
    api = await startPaymentsTestApi({ onQuery: options.onQuery });
    admin = await registerActor(api, 'ADMIN', 'Ada Admin');
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) {
      throw new Error('usePaymentsTestApi(): read .api and .admin inside tests and hooks.');
    }
    return value;
  };
  return {
    get api() {
      return started(api);
    },
    get admin() {
      return started(admin);
    },
  };
}
