import { redirect } from '@remix-run/node';
import { getClientIp } from './api.server';
import { getSessionToken } from './cookies.server';
import { env } from './env.server';

/** The API's origin (API_URL without /graphql): where its download routes live. */
export function apiOrigin(): string {
  return env.API_URL.replace(/\/graphql\/?$/, '');
}

/**
 * Streams one of the API's downloads (certificate PDF, Open Badge, transcript export) to the
 * visitor, adding their session token as the bearer token. 401 → sign in; other failures become
 * plain error responses.
 */
export async function proxyDownload(request: Request, path: string): Promise<Response> {
  const token = await getSessionToken(request);
  if (!token) {
    const url = new URL(request.url);
    throw redirect(
      `/sign-in?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`,
    );
  }
  const headers = new Headers({ authorization: `Bearer ${token}` });
  const ip = getClientIp(request);
  if (ip) headers.set('x-forwarded-for', ip);
  let response: Response;
  try {
    response = await fetch(`${apiOrigin()}${path}`, {
      headers,
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(20_000)]),
    });
  } catch {
    return new Response('The CodeCred service is not reachable right now.', { status: 503 });
  }
  if (response.status === 401) {
    const url = new URL(request.url);
    throw redirect(
      `/sign-in?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`,
    );
  }
  if (!response.ok) {
    let message = 'This download is not available.';
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      message = body.error?.message ?? message;
    } catch {
      // not JSON: keep the generic message
    }
    return new Response(message, {
      status: response.status,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const out = new Headers({
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  for (const name of ['content-type', 'content-disposition']) {
    const value = response.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(response.body, { status: 200, headers: out });
}
