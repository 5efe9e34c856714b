import { createCookie } from '@remix-run/node';
import { env, isProduction } from './env.server';

/**
 * The two cookies web sets. Kept apart from session.server.ts so that the API client can
 * read the token without an import cycle.
 */

/** Fallback lifetime; each sign-in sets the exact expiry the API gave its session. */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

/**
 * Holds only the API's opaque session token (the session itself lives in the API's
 * database, so signing out or an admin can revoke it). Signed with SESSION_SECRET so a
 * tampered value is ignored; httpOnly so page scripts cannot read it.
 */
export const sessionTokenCookie = createCookie('lms_session', {
  httpOnly: true,
  sameSite: 'lax',
  secure: isProduction,
  path: '/',
  maxAge: SESSION_MAX_AGE_SECONDS,
  secrets: [env.SESSION_SECRET],
});

/** A one-shot message shown on the page a mutation redirects to. */
export const flashCookie = createCookie('lms_flash', {
  httpOnly: true,
  sameSite: 'lax',
  secure: isProduction,
  path: '/',
  maxAge: 60,
  secrets: [env.SESSION_SECRET],
});

/** The API session token from the request's cookie, or null when signed out / tampered. */
export async function getSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionTokenCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0 ? value : null;
}
