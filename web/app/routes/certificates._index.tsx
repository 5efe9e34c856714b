import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useState } from 'react';
import { CertificateStatusBadge, creditText } from '../components/certificate-view';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { useHydrated } from '../components/fields';
import { MyCertificateNameDocument, MyCertificatesDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatDate, formatDay } from '../utils/format';
import { requireViewer } from '../utils/session.server';
import { linkedInAddToProfileUrl } from '../utils/share';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction = () => [{ title: pageTitle('My certificates') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  const [{ myCertificates }, { myCertificateName }] = await Promise.all([
    gqlData(request, MyCertificatesDocument),
    gqlData(request, MyCertificateNameDocument),
  ]);
  return { certificates: myCertificates, name: myCertificateName };
}

/**
 * The API's absolute download URL, as the path this web app serves it at (its resource route
 * adds the session's token): the browser has a cookie here, not the API's bearer token.
 */
function sameOriginPath(apiUrl: string): string {
  const url = new URL(apiUrl);
  return `${url.pathname}${url.search}`;
}

function CopyLink({ url, serial }: { url: string; serial: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  if (!hydrated) return null;
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      onClick={() => {
        void navigator.clipboard?.writeText(url).then(() => setCopied(true));
      }}
    >
      {copied ? 'Link copied' : 'Copy link'}
      {/* The accessible name starts with the visible words (WCAG 2.5.3, label in name). */}
      <span className="visually-hidden"> to verify {serial}</span>
    </button>
  );
}

export default function MyCertificatesPage() {
  const timeZone = useTimeZone();
  const { certificates, name } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="certificates-title">
      <div className="page-header">
        <h1 id="certificates-title">My certificates</h1>
        <p className="lead">
          Every course you complete earns a certificate: one per credit approval. Download it for an
          audit, or share its verification link.
        </p>
      </div>
      {name.confirmed ? (
        <p>
          Your certificates read <strong>{name.name}</strong>.{' '}
          <Link to="/certificates/name">
            {name.pendingCorrection ? 'Correction requested' : 'Ask for a correction'}
          </Link>
        </p>
      ) : (
        <div className="alert alert-warning">
          <p>
            {name.pendingCompletions > 0
              ? `${name.pendingCompletions === 1 ? 'A completed course is' : `${name.pendingCompletions} completed courses are`} waiting for you to confirm the name to print on its certificates.`
              : 'Before your first certificate is issued, confirm the name to print on it.'}
          </p>
          <Link to="/certificates/name" className="button button-small">
            Confirm your name
          </Link>
        </div>
      )}
      {certificates.length === 0 ? (
        <div className="empty-state">
          <p>No certificates yet. Complete a course to earn one.</p>
          <Link to="/courses" className="button">
            Browse courses
          </Link>
        </div>
      ) : (
        <ul className="certificate-list">
          {certificates.map((certificate) => (
            <li key={certificate.serial} className="card certificate-card">
              <div className="certificate-card-head">
                <h2 className="card-title">{certificate.programTitle}</h2>
                <CertificateStatusBadge status={certificate.status} />
              </div>
              <p className="muted">
                Completed {formatDate(certificate.completionDate)} · Serial{' '}
                <code>{certificate.serial}</code>
              </p>
              {certificate.credits.length === 0 ? (
                <p>Certificate of completion (no continuing-education credit)</p>
              ) : (
                <ul className="plain-list credit-lines">
                  {certificate.credits.map((credit) => (
                    <li key={credit.indexNumber}>{creditText(credit)}</li>
                  ))}
                </ul>
              )}
              {certificate.status === 'REVOKED' ? (
                <p className="alert alert-warning">
                  Revoked
                  {certificate.revokedAt ? ` on ${formatDay(certificate.revokedAt, timeZone)}` : ''}
                  : {certificate.revocationReason}
                </p>
              ) : null}
              {certificate.status === 'SUPERSEDED' ? (
                <p className="alert alert-info">
                  Replaced by certificate <code>{certificate.supersededBySerial}</code>.
                </p>
              ) : null}
              <div className="form-actions certificate-actions">
                {certificate.status === 'VALID' ? (
                  <>
                    <a
                      className="button button-small"
                      href={`/certificates/${certificate.serial}/pdf?size=a4`}
                      download
                    >
                      PDF (A4)<span className="visually-hidden"> of {certificate.serial}</span>
                    </a>
                    <a
                      className="button button-small"
                      href={`/certificates/${certificate.serial}/pdf?size=letter`}
                      download
                    >
                      PDF (US Letter)
                      <span className="visually-hidden"> of {certificate.serial}</span>
                    </a>
                    <a
                      className="button button-secondary button-small"
                      href={linkedInAddToProfileUrl(certificate)}
                      rel="noopener noreferrer"
                      target="_blank"
                    >
                      Add to LinkedIn profile
                      <span className="visually-hidden">
                        : {certificate.serial} (opens LinkedIn in a new tab)
                      </span>
                    </a>
                    <a
                      className="button button-secondary button-small"
                      href={sameOriginPath(certificate.openBadgeUrl)}
                      download
                    >
                      Open Badge (VC-JWT)
                      <span className="visually-hidden"> of {certificate.serial}</span>
                    </a>
                  </>
                ) : null}
                <a
                  className="button button-secondary button-small"
                  href={`/certificates/${certificate.serial}/audit-packet`}
                  download
                >
                  Audit packet (PDF)
                  <span className="visually-hidden"> of {certificate.serial}</span>
                </a>
                <a
                  className="button button-secondary button-small"
                  href={`/certificates/${certificate.serial}/audit-packet.json`}
                  download
                >
                  Audit packet (JSON)
                  <span className="visually-hidden"> of {certificate.serial}</span>
                </a>
                <Link
                  className="button button-secondary button-small"
                  to={`/verify/${certificate.serial}`}
                >
                  Verification page<span className="visually-hidden"> of {certificate.serial}</span>
                </Link>
                <CopyLink url={certificate.verifyUrl} serial={certificate.serial} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/transcript">See your CEU transcript</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
