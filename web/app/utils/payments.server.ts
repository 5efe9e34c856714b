import { getSessionToken } from './cookies.server';
import { env } from './env.server';

/** The API's origin (API_URL without /graphql), for plain HTTP routes such as receipts. */
function apiOrigin(): string {
  return new URL(env.API_URL).origin;
}

/**
 * Streams a receipt PDF from the API to the browser, sending the viewer's session token as the
 * bearer token (the browser never sees the token).
 */
export async function fetchReceipt(request: Request, orderId: string): Promise<Response> {
  const token = await getSessionToken(request);
  if (!token) return new Response('Sign in to download receipts.', { status: 401 });
  let upstream: Response;
  try {
    upstream = await fetch(`${apiOrigin()}/receipts/${encodeURIComponent(orderId)}.pdf`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(15_000)]),
    });
  } catch {
    return new Response('The receipt service is not reachable. Please try again.', {
      status: 503,
    });
  }
  if (upstream.status === 404 || upstream.status === 401) {
    return new Response('Not found', { status: 404 });
  }
  if (!upstream.ok || !upstream.body) {
    return new Response('Something went wrong on our side.', { status: 502 });
  }
  return new Response(upstream.body, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition':
        upstream.headers.get('content-disposition') ?? 'attachment; filename="receipt.pdf"',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
