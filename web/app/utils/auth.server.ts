import { redirect } from '@remix-run/node';
import { commitToken, cookieHeaders, getViewer, safeRedirect, setFlash } from './session.server';

/** What sign-in and register do once the API accepted: keep the session, greet, go on. */
export async function signedInRedirect(
  session: { token: string; expiresAt?: string | Date },
  to: string,
  welcome: string,
): Promise<Response> {
  return redirect(to, {
    headers: cookieHeaders(
      await commitToken(session.token, session.expiresAt),
      await setFlash(welcome),
    ),
  });
}

/**
 * Sign-in and register are for visitors: a signed-in viewer goes on to the page asked for
 * (`redirectTo`), else to `home` (the catalog when none is given).
 */
export async function redirectSignedInViewer(
  request: Request,
  home?: (viewer: { role: string }) => string,
): Promise<void> {
  const viewer = await getViewer(request);
  if (viewer) {
    const url = new URL(request.url);
    throw redirect(safeRedirect(url.searchParams.get('redirectTo'), home?.(viewer)));
  }
}
