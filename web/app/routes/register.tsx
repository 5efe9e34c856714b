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
import { RegisterDocument, SetMyTimeZoneDocument } from '../graphql/generated/graphql';
import { gql, toFormErrors } from '../utils/api.server';
import { PRODUCT_NAME, pageTitle } from '../utils/brand';
import {
  commitToken,
  cookieHeaders,
  firstName,
  getViewer,
  safeRedirect,
  setFlash,
} from '../utils/session.server';
import { detectedTimeZone } from '../utils/time-zone.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Create an account') }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) {
    const url = new URL(request.url);
    throw redirect(safeRedirect(url.searchParams.get('redirectTo')));
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const field = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value : '';
  };
  const name = field('name').trim();
  const email = field('email').trim();
  const password = field('password');
  const redirectTo = safeRedirect(form.get('redirectTo'));

  const result = await gql(request, RegisterDocument, { input: { name, email, password } });
  if (result.errors) {
    const { fieldErrors, formError } = toFormErrors(request, result.errors);
    // Echo what the visitor typed, except the password.
    return data({ values: { name, email }, fieldErrors, formError }, { status: 400 });
  }

  const { token, expiresAt, viewer } = result.data.register;
  // The zone the browser reported on this visit (DetectTimeZone's cookie) becomes the account's;
  // without JavaScript there is none and pages use the provider's zone until one is chosen.
  const timeZone = detectedTimeZone(request);
  if (timeZone) {
    const saved = await gql(request, SetMyTimeZoneDocument, { timeZone }, { token });
    if (saved.errors) console.error('[web] setMyTimeZone failed', saved.errors[0].code);
  }
  throw redirect(redirectTo, {
    headers: cookieHeaders(
      await commitToken(token, expiresAt),
      await setFlash(
        `Welcome to ${PRODUCT_NAME}, ${firstName(viewer.name)}. Your account is ready. We emailed you a link to confirm your address: open it before buying a course.`,
      ),
    ),
  });
}

export default function RegisterPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting';
  const redirectTo = searchParams.get('redirectTo') ?? '';
  const errors = actionData?.fieldErrors ?? {};
  const formRef = useFormErrorFocus(actionData);
  const values = actionData?.values;

  return (
    <section className="auth-page" aria-labelledby="register-title">
      <h1 id="register-title">Create your account</h1>
      <p className="lead">Free to join. Browse courses, track your progress and earn CE credit.</p>
      <FormError message={actionData?.formError} />
      <Form
        ref={formRef}
        method="post"
        noValidate
        className="card form"
        aria-labelledby="register-title"
      >
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          name="name"
          label="Full name"
          autoComplete="name"
          required
          defaultValue={values?.name}
          errors={errors.name}
        />
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values?.email}
          errors={errors.email}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters. A passphrase is easiest to remember."
          errors={errors.password}
        />
        <button type="submit" className="button button-block" disabled={submitting}>
          {submitting ? 'Creating account…' : 'Create account'}
        </button>
      </Form>
      <p className="auth-switch">
        Already have an account?{' '}
        <Link to={redirectTo ? `/sign-in?${new URLSearchParams({ redirectTo })}` : '/sign-in'}>
          Sign in
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
