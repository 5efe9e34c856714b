/**
 * Asserts a condition of a request (a route param present, a known form intent) and throws a
 * Response the error boundary shows when it fails: 400 by default, or the status given (404
 * for a missing id in the path). The Epic Stack's `invariantResponse`, without its dependency.
 */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = {},
): asserts condition {
  if (condition) return;
  throw new Response(message, {
    status: 400,
    ...init,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...init.headers },
  });
}

/**
 * A route param the route's path always has (`$id`, `$slug`): its value, or a 404 page when
 * it is missing or empty (never an empty string sent on to the API).
 */
export function requireParam(params: Record<string, string | undefined>, name: string): string {
  const value = params[name];
  invariantResponse(value, 'Not found', { status: 404 });
  return value;
}
