import { type PaymentGateway, PaymentProviderUnavailableError } from '@lms/payments';
import { AppError } from '../errors/app-error';

/** The payment port, or "try again" when the process has none configured (yet). */
export function requireGateway(gateway: PaymentGateway | null | undefined): PaymentGateway {
  if (!gateway) throw paymentsUnavailable();
  return gateway;
}

export function paymentsUnavailable(cause?: unknown): AppError {
  const error = new AppError(
    'SERVICE_UNAVAILABLE',
    'The payment service is not reachable right now. Nothing was charged. Please try again in a minute.',
  );
  if (cause) (error as Error).cause = cause;
  return error;
}

/**
 * Runs one payment-provider call: an outage (5xx, 429, timeout, refused connection) becomes the
 * "try again" AppError; other provider refusals stay as they are for the caller to map.
 */
export async function callProvider<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) throw paymentsUnavailable(error);
    throw error;
  }
}
