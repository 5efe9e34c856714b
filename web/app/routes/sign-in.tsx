import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import {
  SignInDocument,
  type SignInMutation,
  type SignInMutationVariables,
} from '../graphql/generated/graphql';
import { gql, isApiUnavailable, toFormErrors } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import {
  commitToken,
  cookieHeaders,
  firstName,
  getViewer,
  homeFor,
  safeRedirect,
  setFlash,
} from '../utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Sign in') }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) {
    const url = new URL(request.url);
    throw redirect(safeRedirect(url.searchParams.get('redirectTo'), homeFor(viewer.role)));
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const field = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value : '';
  };
  const email = field('email').trim();
  const password = field('password');
  const requested = form.get('redirectTo');

  let result: Awaited<ReturnType<typeof gql<SignInMutation, SignInMutationVariables>>>;
  try {
    result = await gql(request, SignInDocument, { input: { email, password } });
  } catch (error) {
    // The API is down: keep what was typed and say so on the form, not on an error page.
    if (!isApiUnavailable(error)) throw error;
    return data(
      {
        values: { email },
        fieldErrors: {} as Record<string, string[]>,
        formError: 'Signing in is not possible right now: please try again in a minute.',
      },
      { status: 503, headers: { 'Retry-After': error.headers.get('Retry-After') ?? '30' } },
    );
  }
  if (result.errors) {
    const { fieldErrors, formError } = toFormErrors(request, result.errors);
    return data({ values: { email }, fieldErrors, formError }, { status: 400 });
  }

  const { token, expiresAt, viewer } = result.data.signIn;
  // A page asked for (redirectTo) wins; otherwise land where the role works.
  const redirectTo = safeRedirect(requested, homeFor(viewer.role));
  throw redirect(redirectTo, {
    headers: cookieHeaders(
      await commitToken(token, expiresAt),
      await setFlash(`Welcome back, ${firstName(viewer.name)}.`),
    ),
  });
}

export default function SignInPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting';
  const redirectTo = searchParams.get('redirectTo') ?? '';
  const errors = actionData?.fieldErrors ?? {};
  const formRef = useFormErrorFocus(actionData);

  return (
    <section className="auth-page" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p className="lead">Welcome back. Pick up your courses where you left off.</p>
      <FormError message={actionData?.formError} />
      <Form
        ref={formRef}
        method="post"
        noValidate
        className="card form"
        aria-labelledby="sign-in-title"
      >
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          defaultValue={actionData?.values.email}
          errors={errors.email}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          errors={errors.password}
        />
        <p className="forgot-password">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <button type="submit" className="button button-block" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
      <p className="auth-switch">
        New here?{' '}
        <Link to={redirectTo ? `/register?${new URLSearchParams({ redirectTo })}` : '/register'}>
          Create an account
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
