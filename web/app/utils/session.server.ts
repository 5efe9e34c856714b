import { redirect } from '@remix-run/node';
import { ViewerDocument, type ViewerQuery } from '../graphql/generated/graphql';
import { gql } from './api.server';
import {
  flashCookie,
  getSessionToken,
  SESSION_MAX_AGE_SECONDS,
  sessionTokenCookie,
} from './cookies.server';

export { getSessionToken };

export type Viewer = NonNullable<ViewerQuery['viewer']>;

// Several loaders of one request (root + page) may ask for the viewer: ask the API once.
const viewerByRequest = new WeakMap<Request, Promise<Viewer | null>>();

/** The signed-in user, or null when anonymous or when the API no longer knows the token. */
export function getViewer(request: Request): Promise<Viewer | null> {
  let pending = viewerByRequest.get(request);
  if (!pending) {
    pending = loadViewer(request);
    viewerByRequest.set(request, pending);
  }
  return pending;
}

async function loadViewer(request: Request): Promise<Viewer | null> {
  const token = await getSessionToken(request);
  if (!token) return null;
  const { data, errors } = await gql(request, ViewerDocument, {}, { token });
  if (errors) {
    if (errors.some((e) => e.code === 'UNAUTHENTICATED')) return null;
    console.error('[web] viewer query failed', errors[0].code, errors[0].requestId);
    throw new Response('Something went wrong on our side.', { status: 500 });
  }
  return data.viewer;
}

/** Where to send a visitor back to after signing in: the current path and query. */
export function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/** The signed-in user; otherwise redirects to /sign-in?redirectTo=<this page>. */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) {
    const params = new URLSearchParams({ redirectTo: currentPath(request) });
    throw redirect(`/sign-in?${params}`);
  }
  return viewer;
}

/** Set-Cookie value storing the API session token until the API session expires. */
export function commitToken(token: string, expiresAt?: string | Date): Promise<string> {
  const expires = expiresAt ? new Date(expiresAt) : null;
  if (expires && !Number.isNaN(expires.getTime())) {
    const maxAge = Math.max(0, Math.floor((expires.getTime() - Date.now()) / 1000));
    return sessionTokenCookie.serialize(token, { expires, maxAge });
  }
  return sessionTokenCookie.serialize(token, { maxAge: SESSION_MAX_AGE_SECONDS });
}

/** Set-Cookie value removing the session token cookie. */
export function destroyToken(): Promise<string> {
  return sessionTokenCookie.serialize('', { expires: new Date(0), maxAge: 0 });
}

export type FlashKind = 'success' | 'info' | 'error';
export interface Flash {
  kind: FlashKind;
  message: string;
}

/** Set-Cookie value carrying a one-shot message to the next page. */
export function setFlash(message: string, kind: FlashKind = 'success'): Promise<string> {
  return flashCookie.serialize({ kind, message } satisfies Flash);
}

/** Reads the flash message (if any) and the Set-Cookie value that consumes it. */
export async function readFlash(
  request: Request,
): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const value: unknown = await flashCookie.parse(request.headers.get('Cookie'));
  if (!value || typeof value !== 'object') return { flash: null, setCookie: null };
  const { kind, message } = value as Partial<Flash>;
  const setCookie = await flashCookie.serialize('', { expires: new Date(0), maxAge: 0 });
  if (typeof message !== 'string' || !message) return { flash: null, setCookie };
  const safeKind: FlashKind = kind === 'info' || kind === 'error' ? kind : 'success';
  return { flash: { kind: safeKind, message }, setCookie };
}

/** Headers carrying several Set-Cookie values (for redirect/data init). */
export function cookieHeaders(...setCookies: Array<string | null | undefined>): Headers {
  const headers = new Headers();
  for (const value of setCookies) if (value) headers.append('Set-Cookie', value);
  return headers;
}

/**
 * A same-site path to redirect to after signing in; anything else (absolute URLs,
 * protocol-relative //host, backslash tricks) falls back to `fallback`.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/courses',
) {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.includes('\\')) {
    return fallback;
  }
  // Browsers drop tabs and newlines inside URLs ("/\t/evil.example" would become "//evil...").
  for (const char of to) if (char.charCodeAt(0) < 0x20 || char === '\u007f') return fallback;
  return to;
}

/**
 * The one redirect carrying a one-shot flash message; return it (or throw it) from an action or
 * loader. teach.server and learning.server re-export it so route imports stay as they are.
 */
export async function redirectWithFlash(
  to: string,
  message: string,
  kind: FlashKind = 'success',
): Promise<Response> {
  return redirect(to, { headers: cookieHeaders(await setFlash(message, kind)) });
}

/** Where each role does its work: the page to land on after signing in with no other target. */
export function homeFor(role: string): string {
  if (role === 'ADMIN') return '/admin';
  if (role === 'INSTRUCTOR') return '/teach';
  return '/learn';
}

/** "Ana" from "Ana Souza", for friendly greetings. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}
