import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field, FormError } from '../components/form';
import { useFailedForm } from '../components/teach-course';
import {
  ConfirmCertificateNameDocument,
  MyCertificateNameDocument,
  RequestCertificateNameCorrectionDocument,
} from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { text } from '../utils/form-schemas';
import { formatDay } from '../utils/format';
import { failForm, parseForm, rejectForm } from '../utils/forms.server';
import { redirectWithFlash as flashRedirect } from '../utils/learning.server';
import { requireViewer } from '../utils/session.server';
import { redirectWithFlash } from '../utils/teach.server';
import { useTimeZone } from '../utils/time-zone';
import { z } from '../utils/zod';

export const meta: MetaFunction = () => [{ title: pageTitle('Name on your certificates') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  const { myCertificateName } = await gqlData(request, MyCertificateNameDocument);
  return { state: myCertificateName };
}

const NameSchema = z.object({ intent: z.enum(['confirm', 'correct']), name: text(), note: text() });

export async function action({ request }: ActionFunctionArgs) {
  await requireViewer(request);
  const submission = parseForm(await request.formData(), NameSchema);
  if (submission.status !== 'success') {
    if (submission.error?.intent) throw new Response('Unknown action', { status: 400 });
    return rejectForm(submission, { intent: 'confirm' });
  }
  const { intent, ...values } = submission.value;
  if (intent === 'confirm') {
    const result = await gql(request, ConfirmCertificateNameDocument, { name: values.name });
    // The address is not confirmed yet: the page that sends a new link, then back here.
    const unconfirmed = result.errors?.find((error) => error.code === 'PRECONDITION_FAILED');
    if (unconfirmed) {
      return flashRedirect(
        `/verify-email?${new URLSearchParams({ redirectTo: '/certificates/name' })}`,
        unconfirmed.message,
        'error',
      );
    }
    if (result.errors) return failForm(request, submission, result.errors, { intent });
    return redirectWithFlash(
      '/certificates',
      `Your certificates will read “${result.data.confirmCertificateName.name}”.`,
    );
  }
  // The request for a correction.
  const result = await gql(request, RequestCertificateNameCorrectionDocument, {
    name: values.name,
    note: values.note || null,
  });
  if (result.errors) return failForm(request, submission, result.errors, { intent });
  return redirectWithFlash(
    '/certificates/name',
    'Your correction request was sent to an administrator.',
  );
}

export default function CertificateNamePage() {
  const timeZone = useTimeZone();
  const { state } = useLoaderData<typeof loader>();
  const failed = useFailedForm();
  const message = (intent: string) => failed(intent)?.conflict ?? failed(intent)?.formError;
  return (
    <section aria-labelledby="certificate-name-title">
      <div className="page-header">
        <h1 id="certificate-name-title">Name on your certificates</h1>
        <p className="lead">
          Certificates are proof for your certifying body, so they must show your name exactly as it
          appears on your membership. A certificate cannot be edited once issued.
        </p>
      </div>
      {state.confirmed ? (
        <div className="card">
          <h2>Your certificates read</h2>
          <p className="certificate-name-preview">{state.name}</p>
          {state.pendingCorrection ? (
            <p className="alert alert-info">
              You asked on {formatDay(state.pendingCorrection.createdAt, timeZone)} to change it to
              “{state.pendingCorrection.requestedName}”. An administrator will review the request;
              approved, your certificates are reissued with the new name.
            </p>
          ) : (
            <Form method="post" className="form" aria-labelledby="correct-title" noValidate>
              <h3 id="correct-title">Ask for a correction</h3>
              <p className="muted">
                An administrator checks the request; when it is approved, each of your certificates
                is replaced by one with the corrected name (the old serials then verify as
                superseded).
              </p>
              <FormError id="correct-error" message={message('correct')} />
              <input type="hidden" name="intent" value="correct" />
              <Field
                id="correct-name"
                name="name"
                label="Corrected name"
                autoComplete="name"
                required
                defaultValue={failed('correct')?.values.name ?? ''}
                errors={failed('correct')?.fieldErrors.name}
              />
              <Field
                id="correct-note"
                name="note"
                label="Why (optional)"
                defaultValue={failed('correct')?.values.note ?? ''}
                errors={failed('correct')?.fieldErrors.note}
              />
              <button type="submit" className="button">
                Send the request
              </button>
            </Form>
          )}
        </div>
      ) : (
        <Form method="post" className="card form" aria-labelledby="confirm-title" noValidate>
          <h2 id="confirm-title">Confirm the name to print</h2>
          {state.pendingCompletions > 0 ? (
            <p className="alert alert-info">
              {state.pendingCompletions === 1
                ? 'A completed course is waiting for this to issue its certificate.'
                : `${state.pendingCompletions} completed courses are waiting for this to issue their certificates.`}{' '}
              They keep their completion dates.
            </p>
          ) : (
            <p className="muted">Confirm it before your first certificate is issued.</p>
          )}
          <FormError id="confirm-error" message={message('confirm')} />
          <input type="hidden" name="intent" value="confirm" />
          <Field
            id="confirm-name"
            name="name"
            label="Your name, exactly as it should be printed"
            autoComplete="name"
            required
            defaultValue={failed('confirm')?.values.name ?? state.name}
            errors={failed('confirm')?.fieldErrors.name}
          />
          <button type="submit" className="button">
            Confirm name
          </button>
        </Form>
      )}
      <p>
        <Link to="/certificates">Back to my certificates</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
