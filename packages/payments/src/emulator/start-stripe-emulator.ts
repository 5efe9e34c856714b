import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { Charges } from './charges';
import { CheckoutSessions } from './checkout-sessions';
import { handleHostedCheckout } from './hosted-checkout';
import { RestApi } from './rest-api';
import { HttpError } from './stripe-params';
import type { PromotionCodeRule, StripeEmulator, StripeEmulatorOptions } from './types';
import { Webhooks } from './webhooks';

// A small, stateful stand-in for the parts of Stripe the LMS uses: hosted Checkout (one line
// item, promotion codes), refunds, and signed webhooks with retries. In memory, one process:
// for development and tests only, and it refuses to start in production.

const DEFAULT_PROMOTION_CODES: Record<string, PromotionCodeRule> = { COURSE20: { percentOff: 20 } };

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  if (options.production) {
    throw new Error(
      'The Stripe emulator refuses to run in production: configure real Stripe keys instead.',
    );
  }
  if (!options.webhookUrl) throw new TypeError('startStripeEmulator: webhookUrl is required');
  if (!options.webhookSecret) throw new TypeError('startStripeEmulator: webhookSecret is required');

  let publicBaseUrl = '';
  const baseUrl = () => publicBaseUrl;
  const webhooks = new Webhooks({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    attempts: Math.max(1, options.webhookRetry?.attempts ?? 4),
    baseDelayMs: options.webhookRetry?.baseDelayMs ?? 200,
    timeoutMs: options.webhookRetry?.timeoutMs ?? 5_000,
  });
  const charges = new Charges(webhooks);
  const sessions = new CheckoutSessions(
    options.promotionCodes ?? DEFAULT_PROMOTION_CODES,
    webhooks,
    charges,
    baseUrl,
  );
  const api = new RestApi(sessions, charges, webhooks, baseUrl);

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    const handled = path.startsWith('/v1/')
      ? api.handle(req, res, path)
      : handleHostedCheckout(sessions, publicBaseUrl, req, res, path);
    handled.catch((error: unknown) => {
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
      return [...webhooks.events];
    },
    get deliveries() {
      return [...webhooks.deliveries];
    },
    get requests() {
      return [...api.requests];
    },
    setFailureMode(mode) {
      api.setFailureMode(mode);
    },
    setDuplicateDeliveries(n) {
      webhooks.setDuplicates(n);
    },
    async resendEvent(id) {
      const event = webhooks.events.find((candidate) => candidate.id === id);
      if (!event) throw new Error(`No such event: ${id}`);
      await webhooks.dispatch(event);
    },
    async sendEvent(type, object) {
      const event = webhooks.create(type, object, Stripe.API_VERSION);
      await webhooks.dispatch(event);
      return event;
    },
    completeCheckoutSession(id, completeOptions) {
      try {
        return sessions.complete(id, completeOptions?.promotionCode);
      } catch (error) {
        if (error instanceof HttpError) throw new Error(error.message);
        throw error;
      }
    },
    waitForDeliveries() {
      return webhooks.waitForDeliveries();
    },
    async stop() {
      await webhooks.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
