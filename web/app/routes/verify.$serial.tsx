import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CertificateFacts } from '../components/certificate-view';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { VerifyCertificateDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { PRODUCT_NAME, pageTitle } from '../utils/brand';
import { formatDay } from '../utils/format';
import { requireParam } from '../utils/invariant';
import { verifyPageMeta } from '../utils/share';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  verifyPageMeta({
    siteName: PRODUCT_NAME,
    title: pageTitle('Certificate verification'),
    status: data?.result.status ?? 'NOT_FOUND',
    certificate:
      data?.result.certificate && data.result.serial
        ? { ...data.result.certificate, serial: data.result.serial }
        : null,
  });

/** Public: anyone with the link or the serial. Asked anonymously, whoever is signed in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { verifyCertificate } = await gqlData(
    request,
    VerifyCertificateDocument,
    { serial: requireParam(params, 'serial') },
    { token: null },
  );
  return { result: verifyCertificate, typed: requireParam(params, 'serial') };
}

export default function VerifyPage() {
  const timeZone = useTimeZone();
  const { result, typed } = useLoaderData<typeof loader>();
  const certificate = result.certificate;
  return (
    <section aria-labelledby="verify-title" className="narrow-page">
      <p className="card-eyebrow">Certificate verification</p>
      <h1 id="verify-title">
        {result.status === 'NOT_FOUND' ? 'No such certificate' : `Certificate ${result.serial}`}
      </h1>
      {result.status === 'VALID' ? (
        <div className="verdict verdict-valid" role="status">
          <strong>Valid.</strong> This certificate was issued by{' '}
          {certificate?.sponsoringOrganization} and has not been revoked.
        </div>
      ) : null}
      {result.status === 'REVOKED' ? (
        <div className="verdict verdict-revoked" role="status">
          <strong>Revoked</strong>
          {certificate?.revokedAt ? ` on ${formatDay(certificate.revokedAt, timeZone)}` : ''}.
          Reason: {certificate?.revocationReason}. It no longer attests the credit below.
        </div>
      ) : null}
      {result.status === 'SUPERSEDED' ? (
        <div className="verdict verdict-superseded" role="status">
          <strong>Superseded</strong>
          {certificate?.revokedAt ? ` on ${formatDay(certificate.revokedAt, timeZone)}` : ''}:
          replaced by certificate{' '}
          <Link to={`/verify/${certificate?.supersededBySerial}`}>
            {certificate?.supersededBySerial}
          </Link>
          {certificate?.revocationReason ? ` (${certificate.revocationReason})` : ''}.
        </div>
      ) : null}
      {result.status === 'NOT_FOUND' ? (
        <div className="verdict verdict-revoked" role="status">
          <strong>Not found.</strong> No certificate has the serial “{typed}”. Check the serial on
          the paper and <Link to="/verify">try again</Link>.
        </div>
      ) : null}
      {certificate ? (
        <div className="card">
          <CertificateFacts certificate={certificate} />
        </div>
      ) : null}
      <p className="muted small">
        This page shows only what is printed on the certificate.{' '}
        <Link to="/verify">Verify another serial</Link>.
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
