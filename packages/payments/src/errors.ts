/** Base class of every error this package throws on purpose. */
export class PaymentError extends Error {
  override name = 'PaymentError';
}

/**
 * The payment provider could not be reached or failed on its side (HTTP 5xx, 429, timeouts,
 * refused or reset connections). The operation may be retried later with the same
 * idempotency key; the LMS shows "try again".
 */
export class PaymentProviderUnavailableError extends PaymentError {
  override name = 'PaymentProviderUnavailableError';
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;

  constructor(
    message: string,
    options: { cause?: unknown; statusCode?: number; requestId?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.statusCode = options.statusCode;
    this.requestId = options.requestId;
  }
}

/**
 * The provider refused the request itself (HTTP 4xx other than 429): a missing resource, an
 * invalid parameter, an idempotency key reused with other parameters, a bad API key. Retrying
 * the same request will not help.
 */
export class PaymentRequestError extends PaymentError {
  override name = 'PaymentRequestError';
  /** Stripe's error `type`, e.g. `invalid_request_error`, `idempotency_error`. */
  readonly type: string | undefined;
  /** Stripe's error `code`, e.g. `resource_missing`, `charge_already_refunded`. */
  readonly code: string | undefined;
  readonly param: string | undefined;
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;

  constructor(
    message: string,
    options: {
      cause?: unknown;
      type?: string;
      code?: string;
      param?: string;
      statusCode?: number;
      requestId?: string;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.type = options.type;
    this.code = options.code;
    this.param = options.param;
    this.statusCode = options.statusCode;
    this.requestId = options.requestId;
  }

  /** True when the referenced object (session, payment intent) does not exist. */
  get isNotFound(): boolean {
    return this.code === 'resource_missing' || this.statusCode === 404;
  }
}

/**
 * A webhook request whose signature is missing, malformed, made with another secret, older
 * than the tolerance, or whose body was altered. Answer it with HTTP 400 and do nothing.
 */
export class WebhookSignatureError extends PaymentError {
  override name = 'WebhookSignatureError';
}
