import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { SignOutDocument } from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { cookieHeaders, destroyToken, getSessionToken, setFlash } from '../utils/session.server';

/** Signing out changes state, so it is a POST only; a GET just goes home. */
export function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await getSessionToken(request);
  if (token) {
    try {
      const { errors } = await gql(request, SignOutDocument, {}, { token });
      // UNAUTHENTICATED: the session had already expired or been revoked. Fine.
      if (errors && errors[0].code !== 'UNAUTHENTICATED') {
        console.error('[web] signOut failed', errors[0].code, errors[0].requestId);
      }
    } catch (error) {
      // The API is unreachable. Still forget the token in this browser.
      if (!(error instanceof Response)) throw error;
      console.error('[web] signOut: API unreachable; cleared the cookie only');
    }
  }
  return redirect('/', {
    headers: cookieHeaders(await destroyToken(), await setFlash('You have signed out.', 'info')),
  });
}
