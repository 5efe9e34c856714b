import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import {
  PasswordResetTokenValidDocument,
  ResetPasswordDocument,
} from '../graphql/generated/graphql';
import { gql, gqlData, toFormErrors } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { commitToken, cookieHeaders, firstName, setFlash } from '../utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Choose a new password') }];

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token') ?? '';
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOf(request.url);
  if (!token) return { valid: false, token };
  const { passwordResetTokenValid } = await gqlData(
    request,
    PasswordResetTokenValidDocument,
    { token },
    { token: null },
  );
  return { valid: passwordResetTokenValid, token };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const field = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value : '';
  };
  const result = await gql(
    request,
    ResetPasswordDocument,
    { input: { token: field('token') || tokenOf(request.url), password: field('password') } },
    { token: null },
  );
  if (result.errors) {
    const { fieldErrors, formError } = toFormErrors(request, result.errors);
    return data({ fieldErrors, formError }, { status: 400 });
  }
  const { token, expiresAt, viewer } = result.data.resetPassword;
  throw redirect('/courses', {
    headers: cookieHeaders(
      await commitToken(token, expiresAt),
      await setFlash(
        `Your password is changed, ${firstName(viewer.name)}. You are signed in here, and signed out everywhere else.`,
      ),
    ),
  });
}

export default function ResetPasswordPage() {
  const { valid, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting';
  const formRef = useFormErrorFocus(actionData);

  if (!valid) {
    return (
      <section className="auth-page" aria-labelledby="reset-title">
        <h1 id="reset-title">This link no longer works</h1>
        <div className="card">
          <p>
            Password-reset links work once, for one hour, and only the newest one you asked for. Ask
            for a new link and use it within the hour.
          </p>
          <p>
            <Link to="/forgot-password" className="button">
              Email me a new link
            </Link>
          </p>
        </div>
      </section>
    );
  }

  return (
    <section className="auth-page" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <p className="lead">Saving it signs you out on every device and signs you in here.</p>
      <FormError message={actionData?.formError} />
      <Form
        ref={formRef}
        method="post"
        noValidate
        className="card form"
        aria-labelledby="reset-title"
      >
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters. A passphrase of three or four unrelated words works well."
          errors={actionData?.fieldErrors.password}
        />
        <button type="submit" className="button button-block" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save the new password'}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
