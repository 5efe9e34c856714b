import Stripe from 'stripe';
import { nowSeconds, randomId } from './stripe-params';
import type { EventRequest, WebhookDelivery } from './types';

export interface WebhookSettings {
  url: string;
  secret: string;
  attempts: number;
  baseDelayMs: number;
  timeoutMs: number;
}

const NO_REQUEST: EventRequest = { id: null, idempotency_key: null };

/**
 * Events and their delivery: every event is kept, POSTed signed to the receiver, and retried with
 * doubling backoff until a 2xx or the attempts run out, as Stripe does (minus its three days).
 */
export class Webhooks {
  readonly events: Stripe.Event[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly stopController = new AbortController();
  private duplicates = 1;
  private stopped = false;

  constructor(private readonly settings: WebhookSettings) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  create(
    type: string,
    object: Record<string, unknown>,
    apiVersion: string,
    request: EventRequest = NO_REQUEST,
  ): Stripe.Event {
    const event = {
      id: `evt_${randomId(24)}`,
      object: 'event',
      api_version: apiVersion,
      created: nowSeconds(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request,
      type,
    } as unknown as Stripe.Event;
    this.events.push(event);
    return event;
  }

  /** Creates an event and delivers it in the background. */
  emit(
    type: string,
    object: Record<string, unknown>,
    apiVersion: string,
    request?: EventRequest,
  ): void {
    void this.dispatch(this.create(type, object, apiVersion, request));
  }

  /** Delivers an event (as many copies at once as `setDuplicates` asked for). */
  dispatch(event: Stripe.Event): Promise<void> {
    const copies = Array.from({ length: this.duplicates }, () => this.deliverOnce(event));
    const all = Promise.all(copies).then(() => undefined);
    this.pending.add(all);
    void all.finally(() => this.pending.delete(all));
    return all;
  }

  setDuplicates(n: number): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('Duplicate deliveries must be >= 1');
    this.duplicates = n;
  }

  /** A timer that `stop()` ends early. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.timers.add(entry);
    });
  }

  async waitForDeliveries(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopController.abort();
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.timers.clear();
    await Promise.allSettled([...this.pending]);
  }

  private async deliverOnce(event: Stripe.Event): Promise<void> {
    const { url, secret, attempts, baseDelayMs, timeoutMs } = this.settings;
    const payload = JSON.stringify(event, null, 2);
    for (let attempt = 1; attempt <= attempts && !this.stopped; attempt += 1) {
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
      let status: number | null = null;
      let error: string | undefined;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'stripe-signature': signature,
            'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          },
          body: payload,
          signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), this.stopController.signal]),
        });
        status = response.status;
        await response.arrayBuffer().catch(() => undefined);
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
      this.deliveries.push({
        eventId: event.id,
        type: event.type,
        attempt,
        status,
        error,
        at: new Date(),
      });
      if (status !== null && status >= 200 && status < 300) return;
      if (attempt < attempts) await this.sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
