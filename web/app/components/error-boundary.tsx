import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';

/** Status, heading (also the page title) and message of the error page for a route error. */
export function describeRouteError(error: unknown): {
  status: number;
  title: string;
  message: string;
} {
  if (isRouteErrorResponse(error)) {
    const text = typeof error.data === 'string' && error.data !== 'Not found' ? error.data : null;
    switch (error.status) {
      case 404:
        return {
          status: 404,
          title: 'Page not found',
          message:
            "We couldn't find that page. It may have moved, or the course is no longer published.",
        };
      case 403:
        return {
          status: 403,
          title: 'Access denied',
          message: text ?? 'You do not have access to this page.',
        };
      case 429:
        return { status: 429, title: 'Slow down', message: text ?? 'Too many requests.' };
      case 503:
        return {
          status: 503,
          title: 'Please try again in a minute',
          message: text ?? 'The service is not reachable right now. Please try again in a minute.',
        };
      default:
        return {
          status: error.status,
          title: error.status >= 500 ? 'Something went wrong' : 'Request problem',
          message: text ?? error.statusText ?? 'Please try again.',
        };
    }
  }
  return {
    status: 500,
    title: 'Something went wrong',
    message: 'An unexpected error occurred. Please try again, or come back in a few minutes.',
  };
}

/** A friendly error page, used by the root and every route's ErrorBoundary. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) console.error(error);
  const { status, title, message } = describeRouteError(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">Error {status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p className="error-actions">
        <Link to="/courses" className="button">
          Browse the catalog
        </Link>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
