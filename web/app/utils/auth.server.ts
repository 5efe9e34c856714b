import { redirect } from '@remix-run/node';
import { commitToken, cookieHeaders, setFlash } from './session.server';

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
