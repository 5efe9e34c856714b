import { type ActionFunctionArgs, data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import { RequestPasswordResetDocument } from '../graphql/generated/graphql';
import { gql, toFormErrors } from '../utils/api.server';
import { pageTitle } from '../utils/brand';

export const meta: MetaFunction = () => [{ title: pageTitle('Forgot your password?') }];

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const value = form.get('email');
  const email = typeof value === 'string' ? value.trim() : '';
  const result = await gql(request, RequestPasswordResetDocument, { email });
  if (result.errors) {
    const { fieldErrors, formError } = toFormErrors(request, result.errors);
    return data({ sent: false, email, fieldErrors, formError }, { status: 400 });
  }
  // The same answer whether the address has an account or not.
  return { sent: true, email, fieldErrors: {} as Record<string, string[]>, formError: null };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting';
  const formRef = useFormErrorFocus(actionData && !actionData.sent ? actionData : null);

  if (actionData?.sent) {
    return (
      <section className="auth-page" aria-labelledby="forgot-title">
        <h1 id="forgot-title" tabIndex={-1}>
          Check your inbox
        </h1>
        <div className="card" role="status">
          <p>
            If an account uses <strong>{actionData.email}</strong>, we have emailed it a link to
            choose a new password. The link works once, for one hour.
          </p>
          <p>
            Nothing after a few minutes? Check your spam folder, or make sure you typed the address
            you signed up with.
          </p>
        </div>
        <p className="auth-switch">
          <Link to="/forgot-password">Send another link</Link> · <Link to="/sign-in">Sign in</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="auth-page" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgot your password?</h1>
      <p className="lead">
        Enter the email address of your account and we will email you a link to choose a new
        password.
      </p>
      <FormError message={actionData?.formError} />
      <Form
        ref={formRef}
        method="post"
        noValidate
        className="card form"
        aria-labelledby="forgot-title"
      >
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          defaultValue={actionData?.email}
          errors={actionData?.fieldErrors.email}
        />
        <button type="submit" className="button button-block" disabled={submitting}>
          {submitting ? 'Sending…' : 'Email me a reset link'}
        </button>
      </Form>
      <p className="auth-switch">
        Remembered it? <Link to="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
