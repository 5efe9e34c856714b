import { parseWithZod } from '@conform-to/zod/v4';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link } from '@remix-run/react';
import type { z } from 'zod';
import { AuthForm, EmailField, PasswordField, useAuthForm } from '../components/auth-form';
import { GeneralErrorBoundary } from '../components/error-boundary';
import {
  SignInDocument,
  type SignInMutation,
  type SignInMutationVariables,
} from '../graphql/generated/graphql';
import { gql, isApiUnavailable } from '../utils/api.server';
import { redirectSignedInViewer, signedInRedirect } from '../utils/auth.server';
import { SignInSchema } from '../utils/auth-schemas';
import { pageTitle } from '../utils/brand';
import { replyWithApiErrors, replyWithFormError } from '../utils/forms.server';
import { firstName, homeFor, safeRedirect } from '../utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Sign in') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await redirectSignedInViewer(request, (viewer) => homeFor(viewer.role));
  return null;
}

const hidePassword = { hideFields: ['password'] };

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignInSchema });
  if (submission.status !== 'success') {
    return data(submission.reply(hidePassword), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;

  let result: Awaited<ReturnType<typeof gql<SignInMutation, SignInMutationVariables>>>;
  try {
    result = await gql(request, SignInDocument, { input: { email, password } });
  } catch (error) {
    // The API is down: keep what was typed and say so on the form, not on an error page.
    if (!isApiUnavailable(error)) throw error;
    return data(
      replyWithFormError(
        submission,
        'Signing in is not possible right now: please try again in a minute.',
        hidePassword,
      ),
      { status: 503, headers: { 'Retry-After': error.headers.get('Retry-After') ?? '30' } },
    );
  }
  if (result.errors) {
    return data(replyWithApiErrors(request, submission, result.errors, hidePassword), {
      status: 400,
    });
  }

  const { token, expiresAt, viewer } = result.data.signIn;
  // A page asked for (redirectTo) wins; otherwise land where the role works.
  throw await signedInRedirect(
    { token, expiresAt },
    safeRedirect(redirectTo, homeFor(viewer.role)),
    `Welcome back, ${firstName(viewer.name)}.`,
  );
}

export default function SignInPage() {
  const { form, fields, formRef, redirectTo } =
    useAuthForm<z.input<typeof SignInSchema>>('sign-in');

  return (
    <AuthForm
      form={form}
      formRef={formRef}
      title="Sign in"
      lead="Welcome back. Pick up your courses where you left off."
      redirectTo={redirectTo}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      switchPrompt="New here?"
      switchTo="/register"
      switchLabel="Create an account"
    >
      <EmailField meta={fields.email} />
      <PasswordField meta={fields.password} autoComplete="current-password" />
      <p className="forgot-password">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </AuthForm>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
