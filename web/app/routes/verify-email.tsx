import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { FormError } from '../components/form';
import {
  AccountSecurityDocument,
  ConfirmEmailDocument,
  ResendVerificationEmailDocument,
} from '../graphql/generated/graphql';
import { errorResponse, gql, gqlData, toFormErrors } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { redirectWithFlash } from '../utils/learning.server';
import { getViewer, requireViewer, safeRedirect } from '../utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Confirm your email address') }];

/**
 * The landing page of the emailed confirmation links (`?token=`): a button confirms, so a mail
 * scanner opening the link changes nothing. Without a token, a signed-in learner whose address
 * is not confirmed can ask for a new link here (checkout and the certificate-name page send
 * them here, back to `redirectTo` afterwards).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get('token') ?? '';
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), '');
  if (token) return { token, redirectTo, account: null };
  const viewer = await getViewer(request);
  if (!viewer) return { token, redirectTo, account: null };
  const { accountSecurity } = await gqlData(request, AccountSecurityDocument);
  return {
    token,
    redirectTo,
    account: { email: accountSecurity.email, verified: accountSecurity.emailVerified },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  const redirectTo = safeRedirect(text('redirectTo'), '');
  if (text('intent') === 'resend') {
    await requireViewer(request);
    const result = await gql(request, ResendVerificationEmailDocument);
    if (result.errors) return { formError: toFormErrors(request, result.errors).formError };
    const back = `/verify-email${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ''}`;
    return redirectWithFlash(
      back,
      result.data.resendVerificationEmail
        ? 'We emailed you a new confirmation link. Open it to confirm your address.'
        : 'Your email address is already confirmed.',
    );
  }
  const result = await gql(request, ConfirmEmailDocument, { token: text('token') });
  if (result.errors) {
    const [error] = result.errors;
    if (error.code === 'BAD_USER_INPUT' || error.code === 'CONFLICT') {
      return { formError: error.message };
    }
    throw errorResponse(request, error);
  }
  const { email, changed } = result.data.confirmEmail;
  const viewer = await getViewer(request);
  return redirectWithFlash(
    redirectTo || (viewer ? '/account/security' : '/sign-in'),
    changed
      ? `Your sign-in address is now ${email}.`
      : `Thank you: ${email} is confirmed. You can now buy courses and confirm the name on your certificates.`,
  );
}

export default function VerifyEmailPage() {
  const { token, redirectTo, account } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting';
  const formError = actionData && 'formError' in actionData ? actionData.formError : null;

  return (
    <section className="auth-page" aria-labelledby="verify-title">
      <h1 id="verify-title">Confirm your email address</h1>
      <FormError message={formError} />
      {token ? (
        <Form method="post" className="card form" aria-labelledby="verify-title">
          <p>Confirm that this email address belongs to you.</p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button type="submit" className="button button-block" disabled={submitting}>
            {submitting ? 'Confirming…' : 'Confirm my email address'}
          </button>
        </Form>
      ) : account?.verified ? (
        <div className="card">
          <p>
            Your address <strong>{account.email}</strong> is confirmed.
          </p>
          <p>
            <Link to={redirectTo || '/account/security'}>Continue</Link>
          </p>
        </div>
      ) : account ? (
        <Form method="post" className="card form" aria-labelledby="verify-title">
          <p>
            Buying a course and confirming the name on your certificates need a confirmed address.
            We emailed a link to <strong>{account.email}</strong> when you signed up: open it to
            confirm. Cannot find it? Check your spam folder, or get a new link (the old one then
            stops working).
          </p>
          <input type="hidden" name="intent" value="resend" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button type="submit" className="button button-block" disabled={submitting}>
            {submitting ? 'Sending…' : 'Email me a new link'}
          </button>
          <p className="muted">
            Wrong address? Change it on <Link to="/account/security">Account security</Link>.
          </p>
        </Form>
      ) : (
        <div className="card">
          <p>
            Open the link from the email we sent you. To get a new link,{' '}
            <Link to={`/sign-in?${new URLSearchParams({ redirectTo: '/verify-email' })}`}>
              sign in
            </Link>{' '}
            first.
          </p>
        </div>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
