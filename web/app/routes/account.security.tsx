import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import { useFailedForm } from '../components/teach-course';
import {
  AccountSecurityDocument,
  CancelEmailChangeDocument,
  ChangePasswordDocument,
  RequestEmailChangeDocument,
  ResendVerificationEmailDocument,
  RevokeSessionDocument,
  SignOutOtherSessionsDocument,
} from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { rawText, text } from '../utils/form-schemas';
import { failForm, parseForm, rejectForm } from '../utils/forms.server';
import { redirectWithFlash } from '../utils/learning.server';
import { requireViewer } from '../utils/session.server';
import { z } from '../utils/zod';

export const meta: MetaFunction = () => [{ title: pageTitle('Account security') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  const { accountSecurity } = await gqlData(request, AccountSecurityDocument);
  return { account: accountSecurity };
}

const HERE = '/account/security';
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The page's forms by intent; passwords are read as typed and never echoed. */
const SecuritySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('resend') }),
  z.object({ intent: z.literal('change-email'), newEmail: text(), currentPassword: rawText() }),
  z.object({ intent: z.literal('cancel-email-change') }),
  z.object({
    intent: z.literal('change-password'),
    currentPassword: rawText(),
    newPassword: rawText(),
  }),
  z.object({ intent: z.literal('sign-out-others') }),
  z.object({ intent: z.literal('revoke'), sessionId: text() }),
]);

const hideFields = ['currentPassword', 'newPassword'];

export async function action({ request }: ActionFunctionArgs) {
  await requireViewer(request);
  const submission = parseForm(await request.formData(), SecuritySchema);
  if (submission.status !== 'success') {
    if (submission.error?.intent) throw new Response('Unknown action', { status: 400 });
    return rejectForm(submission, { intent: 'unknown', hideFields });
  }
  const form = submission.value;
  const { intent } = form;
  const failure = (errors: Parameters<typeof failForm>[2]) =>
    failForm(request, submission, errors, { intent, hideFields });
  switch (form.intent) {
    case 'resend': {
      const result = await gql(request, ResendVerificationEmailDocument);
      if (result.errors) return failure(result.errors);
      return redirectWithFlash(
        HERE,
        result.data.resendVerificationEmail
          ? 'We emailed you a new confirmation link.'
          : 'Your email address is already confirmed.',
      );
    }
    case 'change-email': {
      const result = await gql(request, RequestEmailChangeDocument, {
        input: { newEmail: form.newEmail, currentPassword: form.currentPassword },
      });
      if (result.errors) return failure(result.errors);
      return redirectWithFlash(
        HERE,
        `We emailed a confirmation link to ${result.data.requestEmailChange}. Your address changes when you open it.`,
      );
    }
    case 'cancel-email-change': {
      const result = await gql(request, CancelEmailChangeDocument);
      if (result.errors) return failure(result.errors);
      return redirectWithFlash(HERE, 'The email change is cancelled.');
    }
    case 'change-password': {
      const result = await gql(request, ChangePasswordDocument, {
        input: {
          currentPassword: form.currentPassword,
          newPassword: form.newPassword,
        },
      });
      if (result.errors) return failure(result.errors);
      const ended = result.data.changePassword;
      return redirectWithFlash(
        HERE,
        `Your password is changed.${ended > 0 ? ` ${plural(ended, 'other session was', 'other sessions were')} signed out.` : ''}`,
      );
    }
    case 'sign-out-others': {
      const result = await gql(request, SignOutOtherSessionsDocument);
      if (result.errors) return failure(result.errors);
      const ended = result.data.signOutOtherSessions;
      return redirectWithFlash(
        HERE,
        ended > 0
          ? `${plural(ended, 'other session was', 'other sessions were')} signed out.`
          : 'No other session was signed in.',
      );
    }
    case 'revoke': {
      const result = await gql(request, RevokeSessionDocument, { id: form.sessionId });
      if (result.errors) return failure(result.errors);
      return redirectWithFlash(HERE, 'That session is signed out.');
    }
  }
}

const dateTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

export default function AccountSecurityPage() {
  const { account } = useLoaderData<typeof loader>();
  const failed = useFailedForm();
  const navigation = useNavigation();
  const busy = (intent: string) =>
    navigation.state === 'submitting' && navigation.formData?.get('intent') === intent;
  const emailForm = useFormErrorFocus(failed('change-email'));
  const passwordForm = useFormErrorFocus(failed('change-password'));
  const others = account.sessions.filter((session) => !session.current);

  return (
    <section aria-labelledby="security-title" className="narrow-page card-stack account-security">
      <p>
        <Link to="/profile">← Your profile</Link>
      </p>
      <h1 id="security-title">Account security</h1>
      <p className="lead">Your sign-in address, your password, and where you are signed in.</p>

      <section className="card" aria-labelledby="email-title">
        <h2 id="email-title">Email address</h2>
        <p>
          You sign in with <strong>{account.email}</strong>.{' '}
          {account.emailVerified ? (
            <span className="badge badge-success">Confirmed</span>
          ) : (
            <span className="badge badge-warning">Not confirmed</span>
          )}
        </p>
        {account.emailVerified ? null : (
          <Form method="post" className="form" aria-labelledby="email-title">
            <p>
              Buying a course and confirming the name on your certificates need a confirmed address.
              Open the link we emailed you, or get a new one.
            </p>
            <FormError message={failed('resend')?.formError} id="resend-error" />
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" className="button-secondary" disabled={busy('resend')}>
              {busy('resend') ? 'Sending…' : 'Email me a new confirmation link'}
            </button>
          </Form>
        )}
        {account.pendingEmail ? (
          <Form method="post" className="form">
            <p className="alert alert-info">
              Waiting for confirmation: open the link we emailed to{' '}
              <strong>{account.pendingEmail}</strong> to make it your sign-in address.
            </p>
            <input type="hidden" name="intent" value="cancel-email-change" />
            <button type="submit" className="button-secondary">
              Cancel the change
            </button>
          </Form>
        ) : null}
        <Form
          ref={emailForm}
          method="post"
          noValidate
          className="form"
          aria-labelledby="change-email-title"
        >
          <h3 id="change-email-title">Change your email address</h3>
          <p className="muted">
            We email a link to the new address; the change happens when you open it, and we tell
            your current address.
          </p>
          <FormError message={failed('change-email')?.formError} id="change-email-error" />
          <input type="hidden" name="intent" value="change-email" />
          <Field
            name="newEmail"
            id="new-email"
            label="New email address"
            type="email"
            autoComplete="email"
            required
            defaultValue={failed('change-email')?.values.newEmail}
            errors={failed('change-email')?.fieldErrors.newEmail}
          />
          <Field
            name="currentPassword"
            id="email-current-password"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            errors={failed('change-email')?.fieldErrors.currentPassword}
          />
          <button type="submit" disabled={busy('change-email')}>
            {busy('change-email') ? 'Sending…' : 'Send the confirmation link'}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="password-title">
        <Form
          ref={passwordForm}
          method="post"
          noValidate
          className="form"
          aria-labelledby="password-title"
        >
          <h2 id="password-title">Password</h2>
          <p className="muted">Changing it signs you out everywhere except here.</p>
          <FormError message={failed('change-password')?.formError} id="change-password-error" />
          <input type="hidden" name="intent" value="change-password" />
          <Field
            name="currentPassword"
            id="password-current-password"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            errors={failed('change-password')?.fieldErrors.currentPassword}
          />
          <Field
            name="newPassword"
            id="new-password"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 10 characters. A passphrase of three or four unrelated words works well."
            errors={failed('change-password')?.fieldErrors.newPassword}
          />
          <button type="submit" disabled={busy('change-password')}>
            {busy('change-password') ? 'Saving…' : 'Change password'}
          </button>
        </Form>
        <p>
          <Link to="/forgot-password">Forgot your current password?</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Where you are signed in</h2>
        <FormError
          message={failed('revoke')?.formError ?? failed('sign-out-others')?.formError}
          id="sessions-error"
        />
        <ul className="session-list">
          {account.sessions.map((session) => (
            <li key={session.id} className="session-item">
              <p className="session-device">
                <strong>{session.device ?? 'Unknown browser'}</strong>
                {session.current ? <span className="badge"> This browser</span> : null}
              </p>
              <dl className="session-facts">
                <div>
                  <dt>Address</dt>
                  <dd>{session.ip ?? 'unknown'}</dd>
                </div>
                <div>
                  <dt>Signed in</dt>
                  <dd>
                    <time dateTime={session.createdAt}>{formatDateTime(session.createdAt)}</time>
                  </dd>
                </div>
                <div>
                  <dt>Last seen</dt>
                  <dd>
                    <time dateTime={session.lastSeenAt}>{formatDateTime(session.lastSeenAt)}</time>
                  </dd>
                </div>
              </dl>
              {session.current ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="button-secondary">
                    Sign out
                    <span className="visually-hidden"> {session.device ?? 'this session'}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {others.length > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out-others" />
            <button type="submit" disabled={busy('sign-out-others')}>
              Sign out all other sessions
            </button>
          </Form>
        ) : (
          <p className="muted">You are not signed in anywhere else.</p>
        )}
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
