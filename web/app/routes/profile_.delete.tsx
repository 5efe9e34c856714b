import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import { useActionFailure } from '../components/teach-course';
import { DeleteMyAccountDocument } from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { rawText } from '../utils/form-schemas';
import { failForm, parseForm, rejectForm } from '../utils/forms.server';
import { cookieHeaders, destroyToken, requireViewer, setFlash } from '../utils/session.server';
import { z } from '../utils/zod';

export const meta: MetaFunction = () => [{ title: pageTitle('Delete your account') }];

/** What the person types to confirm (the API checks it too). */
const CONFIRMATION = 'delete my account';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  return null;
}

/** The API checks the password and the typed confirmation; blanks go to it as ''. */
const DeleteAccountSchema = z.object({ password: rawText(), confirmation: rawText() });

export async function action({ request }: ActionFunctionArgs) {
  await requireViewer(request);
  const submission = parseForm(await request.formData(), DeleteAccountSchema);
  const context = { intent: 'delete', hideFields: ['password'] };
  if (submission.status !== 'success') return rejectForm(submission, context);
  const result = await gql(request, DeleteMyAccountDocument, { input: submission.value });
  if (result.errors) return failForm(request, submission, result.errors, context);
  // Every session of the account ended in the API; forget this browser's token too.
  return redirect('/', {
    headers: cookieHeaders(
      await destroyToken(),
      await setFlash(
        'Your account is deleted. Certificates you earned can still be verified by their serial.',
        'info',
      ),
    ),
  });
}

export default function DeleteAccountPage() {
  const actionData = useActionFailure();
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting';
  const errors = actionData?.fieldErrors ?? {};
  const formRef = useFormErrorFocus(actionData);
  return (
    <section className="narrow-page" aria-labelledby="delete-title">
      <h1 id="delete-title">Delete your account</h1>
      <p className="lead">This cannot be undone.</p>
      <ul>
        <li>
          Your email address, password, profile, declared credentials and self-reported credit are
          erased, and you are signed out everywhere.
        </li>
        <li>
          Certificates you earned stay valid and verifiable by their serial, with your name as it
          was printed: credit bodies audit certificates for at least seven years. Your completion
          records and orders are kept for the same reason, without your email address.
        </li>
        <li>
          <a href="/profile/data-export.json" download>
            Download your data
          </a>{' '}
          and your certificates first if you want to keep copies.
        </li>
      </ul>
      <FormError message={actionData?.formError} />
      <Form
        ref={formRef}
        method="post"
        noValidate
        className="card form"
        aria-labelledby="delete-title"
      >
        <Field
          name="password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          errors={errors.password}
        />
        <Field
          name="confirmation"
          label={`Type “${CONFIRMATION}” to confirm`}
          autoComplete="off"
          required
          defaultValue={actionData?.values?.confirmation}
          errors={errors.confirmation}
        />
        <button type="submit" className="button button-danger" disabled={submitting}>
          {submitting ? 'Deleting…' : 'Delete my account'}
        </button>
      </Form>
      <p>
        <Link to="/profile">Keep my account</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
