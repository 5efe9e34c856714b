/**
 * The one error type the domain throws. Transports translate `code` to their own vocabulary
 * (GraphQL `extensions.code`, HTTP status); anything that is not an AppError is a bug and is
 * masked at the edge.
 */
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS'
  /** A service we depend on (the payment provider) is down: the same request may be retried. */
  | 'SERVICE_UNAVAILABLE';

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static badInput(fieldErrors: FieldErrors, message = 'Some fields need attention.'): AppError {
    return new AppError('BAD_USER_INPUT', message, { fieldErrors });
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found.`);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
