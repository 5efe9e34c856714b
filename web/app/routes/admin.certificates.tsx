import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { CertificateFacts, CertificateStatusBadge } from '../components/certificate-view';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field, FormError } from '../components/form';
import {
  AdminCertificateDocument,
  ReissueCertificateDocument,
  RevokeCertificateDocument,
} from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { failure, formReader, redirectWithFlash, requireAdmin } from '../utils/teach.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Certificates · Admin') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const serial = new URL(request.url).searchParams.get('serial')?.trim() ?? '';
  if (!serial) return { serial, certificate: null, notFound: false };
  const result = await gql(request, AdminCertificateDocument, { serial });
  if (result.errors) {
    if (result.errors[0].code === 'NOT_FOUND') return { serial, certificate: null, notFound: true };
    throw new Response(result.errors[0].message, { status: 500 });
  }
  return { serial, certificate: result.data.certificate, notFound: false };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const form = formReader(await request.formData());
  const intent = form.text('intent');
  const id = form.text('id');
  const values = { reason: form.text('reason'), participantName: form.text('participantName') };
  if (intent === 'revoke') {
    const result = await gql(request, RevokeCertificateDocument, { id, reason: values.reason });
    if (result.errors) return failure(request, result.errors, { intent, values });
    const serial = result.data.revokeCertificate.serial;
    return redirectWithFlash(
      `/admin/certificates?serial=${serial}`,
      `Certificate ${serial} revoked.`,
    );
  }
  if (intent === 'reissue') {
    const result = await gql(request, ReissueCertificateDocument, {
      id,
      reason: values.reason,
      participantName: values.participantName || null,
    });
    if (result.errors) return failure(request, result.errors, { intent, values });
    const serial = result.data.reissueCertificate.serial;
    return redirectWithFlash(
      `/admin/certificates?serial=${serial}`,
      `Reissued as ${serial}; the old certificate now verifies as superseded.`,
    );
  }
  throw new Response('Unknown action', { status: 400 });
}

export default function AdminCertificatesPage() {
  const { serial, certificate, notFound } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : null);
  return (
    <section aria-labelledby="admin-certificates-title">
      <h1 id="admin-certificates-title">Certificates</h1>
      <Form method="get" className="card form" aria-label="Find a certificate">
        <Field
          name="serial"
          label="Serial"
          defaultValue={serial}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button">
          Find
        </button>
      </Form>
      {notFound ? (
        <p className="alert alert-warning">No certificate has the serial “{serial}”.</p>
      ) : null}
      {certificate ? (
        <div className="card">
          <h2>
            {certificate.serial} <CertificateStatusBadge status={certificate.status} />
          </h2>
          {certificate.revocationReason ? (
            <p className="alert alert-info">Revocation reason: {certificate.revocationReason}</p>
          ) : null}
          <CertificateFacts certificate={certificate} />
          <p className="form-actions">
            <a
              className="button button-secondary button-small"
              href={`/certificates/${certificate.serial}/audit-packet`}
              download
            >
              Audit packet (PDF)
            </a>
            <a
              className="button button-secondary button-small"
              href={`/certificates/${certificate.serial}/audit-packet.json`}
              download
            >
              Audit packet (JSON)
            </a>
          </p>
          {certificate.status === 'VALID' ? (
            <div className="transcript-forms">
              <Form method="post" className="form" aria-labelledby="revoke-title" noValidate>
                <h3 id="revoke-title">Revoke</h3>
                <FormError id="revoke-error" message={failed('revoke')?.formError} />
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="id" value={certificate.id} />
                <Field
                  id="revoke-reason"
                  name="reason"
                  label="Reason (shown on the verify page)"
                  errors={failed('revoke')?.fieldErrors.reason}
                />
                <button type="submit" className="button button-danger-outline">
                  Revoke certificate
                </button>
              </Form>
              <Form method="post" className="form" aria-labelledby="reissue-title" noValidate>
                <h3 id="reissue-title">Reissue with a correction</h3>
                <FormError id="reissue-error" message={failed('reissue')?.formError} />
                <input type="hidden" name="intent" value="reissue" />
                <input type="hidden" name="id" value={certificate.id} />
                <Field
                  id="reissue-name"
                  name="participantName"
                  label="Corrected participant name"
                  defaultValue={certificate.participantName}
                  errors={failed('reissue')?.fieldErrors.participantName}
                />
                <Field
                  id="reissue-reason"
                  name="reason"
                  label="Reason"
                  errors={failed('reissue')?.fieldErrors.reason}
                />
                <button type="submit" className="button">
                  Reissue
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
