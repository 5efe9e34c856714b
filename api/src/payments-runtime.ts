import type { PaymentGateway } from '@lms/payments';

/**
 * What the API needs for payments: the gateway (real Stripe, or the local emulator; null until
 * configured, in which case payment operations answer "try again") and the web app's base URL
 * for the checkout success and cancel pages. main.ts fills in the gateway once the emulator runs.
 */
export interface PaymentsRuntime {
  gateway: PaymentGateway | null;
  webUrl: string;
}

export function createPaymentsRuntime(options: Partial<PaymentsRuntime> = {}): PaymentsRuntime {
  return {
    gateway: options.gateway ?? null,
    webUrl: (options.webUrl ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
  };
}
