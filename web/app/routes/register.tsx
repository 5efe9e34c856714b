import { parseWithZod } from '@conform-to/zod/v4';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import type { z } from 'zod';
import { AuthForm, EmailField, PasswordField, useAuthForm } from '../components/auth-form';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field } from '../components/form';
import { RegisterDocument, SetMyTimeZoneDocument } from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { redirectSignedInViewer, signedInRedirect } from '../utils/auth.server';
import { RegisterSchema } from '../utils/auth-schemas';
import { PRODUCT_NAME, pageTitle } from '../utils/brand';
import { replyWithApiErrors } from '../utils/forms.server';
import { firstName, safeRedirect } from '../utils/session.server';
import { detectedTimeZone } from '../utils/time-zone.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Create an account') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await redirectSignedInViewer(request);
  return null;
}

// Echo what the visitor typed, except the password.
const hidePassword = { hideFields: ['password'] };

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: RegisterSchema });
  if (submission.status !== 'success') {
    return data(submission.reply(hidePassword), { status: 400 });
  }
  const { name, email, password, redirectTo } = submission.value;

  const result = await gql(request, RegisterDocument, { input: { name, email, password } });
  if (result.errors) {
    return data(replyWithApiErrors(request, submission, result.errors, hidePassword), {
      status: 400,
    });
  }

  const { token, expiresAt, viewer } = result.data.register;
  // The zone the browser reported on this visit (DetectTimeZone's cookie) becomes the account's;
  // without JavaScript there is none and pages use the provider's zone until one is chosen.
  const timeZone = detectedTimeZone(request);
  if (timeZone) {
    const saved = await gql(request, SetMyTimeZoneDocument, { timeZone }, { token });
    if (saved.errors) console.error('[web] setMyTimeZone failed', saved.errors[0].code);
  }
  throw await signedInRedirect(
    { token, expiresAt },
    safeRedirect(redirectTo),
    `Welcome to ${PRODUCT_NAME}, ${firstName(viewer.name)}. Your account is ready. We emailed you a link to confirm your address: open it before buying a course.`,
  );
}

export default function RegisterPage() {
  const { form, fields, formRef, redirectTo } =
    useAuthForm<z.input<typeof RegisterSchema>>('register');

  return (
    <AuthForm
      form={form}
      formRef={formRef}
      title="Create your account"
      lead="Free to join. Browse courses, track your progress and earn CE credit."
      redirectTo={redirectTo}
      submitLabel="Create account"
      pendingLabel="Creating account…"
      switchPrompt="Already have an account?"
      switchTo="/sign-in"
      switchLabel="Sign in"
    >
      <Field meta={fields.name} label="Full name" autoComplete="name" required />
      <EmailField meta={fields.email} />
      <PasswordField
        meta={fields.password}
        autoComplete="new-password"
        hint="At least 10 characters. A passphrase is easiest to remember."
      />
    </AuthForm>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
